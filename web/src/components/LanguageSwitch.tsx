/**
 * Bahasa Indonesia / English; the choice is remembered. Two radio chips rather than a segmented
 * control: that one measures the page's layout to place its indicator, which on a slow phone cost
 * a noticeable part of the first screen's time.
 */
import { Chip, Group } from '@mantine/core';
import { type Language, useI18n } from '../i18n';

const choices: { value: Language; label: string }[] = [
  { value: 'id', label: 'ID' },
  { value: 'en', label: 'EN' },
];

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <Group gap={4} role="radiogroup" aria-label={t('language.label')} wrap="nowrap">
      <Chip.Group multiple={false} value={language} onChange={(value) => setLanguage(value as Language)}>
        {choices.map((choice) => (
          <Chip key={choice.value} value={choice.value} size="xs" radius="sm" variant="outline">
            {choice.label}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
}
