import { NativeSelect } from '@mantine/core';
import { useI18n } from '../../i18n';
import { currentYear, selectableYears } from './year';

export function YearSelect({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  const { t } = useI18n();
  const years = selectableYears(currentYear());
  const options = years.includes(year) ? years : [year, ...years];
  return (
    <NativeSelect
      label={t('national.year')}
      value={String(year)}
      onChange={(e) => onChange(Number(e.currentTarget.value))}
      data={options.map(String)}
      w={120}
    />
  );
}
