/** Bahasa Indonesia / English; the choice is remembered. */
import { SegmentedControl } from '@mantine/core';
import { type Language, useI18n } from '../i18n';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}
