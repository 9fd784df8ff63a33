/**
 * Finds an active employee by name or NIP prefix as it is typed. The chosen person stays in the
 * box when the picker is shown again (another tab of the page): their option is kept beside the
 * search results, and choosing them again keeps them rather than clearing the choice.
 */
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { useEmployeeSearch } from './queries';

/** A chosen employee with the label the picker shows for them (name · NIP). */
export interface PickedEmployee {
  id: string;
  label: string;
}

export function EmployeePicker({
  tenant,
  value,
  onChange,
}: {
  tenant: string | undefined;
  value: PickedEmployee | null;
  onChange: (employee: PickedEmployee | null) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState(value?.label ?? '');
  const [term, setTerm] = useState('');
  const [q] = useDebouncedValue(term, 250);
  const found = useEmployeeSearch(tenant, q);
  const results = (found.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name} · ${e.nip}` }));
  const data = value && !results.some((o) => o.value === value.id) ? [{ value: value.id, label: value.label }, ...results] : results;
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
      value={value?.id ?? null}
      onChange={(id, option) => onChange(id === null || option === null ? null : { id, label: option.label })}
      allowDeselect={false}
      searchable
      searchValue={search}
      onSearchChange={onSearchChange}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('asm.searching') : t('asm.noneFound')}
      comboboxProps={{ withinPortal: false }}
    />
  );
}
