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
  const [term, setTerm] = useState('');
  const [q] = useDebouncedValue(term, 250);
  const found = useEmployeeSearch(tenant, q);
  const data = (found.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} · ${e.nip}` }));
  // Choosing an option puts its label in the box: that is not a new search.
  const onSearchChange = (text: string) => {
    setSearch(text);
    if (!data.some((o) => o.label === text)) setTerm(text);
  };
  return (
    <Select
      label={t('asm.employee')}
      placeholder={t('asm.employeeHint')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={onSearchChange}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('asm.searching') : t('asm.noneFound')}
      comboboxProps={{ withinPortal: false }}
    />
  );
}
