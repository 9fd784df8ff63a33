/** Finds an active employee by name or NIP prefix as it is typed. */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useEmployeeSearch } from './queries';

export function EmployeePicker({
  tenant,
  value,
  onChange,
}: {
  tenant: string | undefined;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useEmployeeSearch(tenant, q);
  const data = (found.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} · ${e.nip}` }));
  return (
    <Select
      label={t('asm.employee')}
      placeholder={t('asm.employeeHint')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('asm.searching') : t('asm.noneFound')}
      comboboxProps={{ withinPortal: false }}
    />
  );
}
