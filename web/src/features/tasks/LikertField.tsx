/** One 1–5 rating as a radio group (keyboard and screen-reader friendly), its ends named. */
import { Group, Radio } from '@mantine/core';
import { useI18n } from '../../i18n';

interface Props {
  label: string;
  value?: string;
  onChange?: (value: string) => void;
  error?: string | undefined;
}

export function LikertField({ label, value, onChange, error }: Props) {
  const { t } = useI18n();
  return (
    <Radio.Group label={label} description={t('likert.scale')} value={value} onChange={onChange} error={error}>
      <Group gap="md" mt={6}>
        {['1', '2', '3', '4', '5'].map((score) => (
          <Radio key={score} value={score} label={score} aria-label={`${label}: ${score}`} />
        ))}
      </Group>
    </Radio.Group>
  );
}
