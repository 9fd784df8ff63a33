/** What every assessment of a grid shares: the source, the date (not after today) and the assessor. */
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useI18n } from '../../i18n';
import { type Source, sources } from './queries';

export interface EntryValues {
  source: Source;
  date: string;
  assessor: string;
}

export const levelOptions = (blank: string) => [
  { value: '', label: blank },
  ...['1', '2', '3', '4', '5'].map((l) => ({ value: l, label: l })),
];

export function Entry({
  value,
  onChange,
  today,
  errors,
}: {
  value: EntryValues;
  onChange: (v: EntryValues) => void;
  today: string;
  errors: Record<string, string>;
}) {
  const { t } = useI18n();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <NativeSelect
        label={t('asm.source')}
        data={sources.map((s) => ({ value: s, label: t(`asm.source.${s}`) }))}
        value={value.source}
        onChange={(e) => onChange({ ...value, source: e.currentTarget.value as Source })}
      />
      <TextInput
        type="date"
        label={t('asm.date')}
        value={value.date}
        max={today}
        onChange={(e) => onChange({ ...value, date: e.currentTarget.value })}
        error={value.date > today ? t('asm.future') : errors.date}
        required
      />
      <TextInput
        label={t('asm.assessor')}
        value={value.assessor}
        onChange={(e) => onChange({ ...value, assessor: e.currentTarget.value })}
      />
    </SimpleGrid>
  );
}
