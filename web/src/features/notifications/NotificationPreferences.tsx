/**
 * The person's notification e-mail, a section of Akun (/akun#notifikasi, where every e-mail's
 * footer leads): per kind, at once, in the daily digest or none; each choice is saved as it is made.
 */
import { Alert, SegmentedControl, Stack, Text } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useHashTarget } from '../../lib/hash-target';
import { type EmailMode, emailModes, usePreferences, useSavePreference } from './admin-queries';

/** The section's anchor: the e-mail footer's link is `/akun#notifikasi`. */
const preferencesAnchor = 'notifikasi';

export function NotificationPreferences() {
  const { t } = useI18n();
  const preferences = usePreferences();
  const save = useSavePreference();
  // Arriving from an e-mail's footer: the section is below the password's, so bring it into view once it is drawn.
  useHashTarget(preferences.isSuccess);
  return (
    <Section title={t('preferences.title')} id={preferencesAnchor}>
      <Text size="sm" mb="sm">
        {t('preferences.intro')}
      </Text>
      <QueryState query={preferences} lines={4}>
        {(data) => (
          <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('preferences.list')}>
            {data.items.map((item) => (
              <Stack key={item.kind} gap={4} component="li">
                <Text size="sm" fw={500} id={`preference-${item.kind}`}>
                  {t(`preferences.kind.${item.kind}` as const)}
                </Text>
                <SegmentedControl
                  aria-labelledby={`preference-${item.kind}`}
                  size="xs"
                  value={item.email}
                  onChange={(value) => save.mutate({ kind: item.kind, email: value as EmailMode })}
                  data={emailModes.map((mode) => ({ value: mode, label: t(`preferences.mode.${mode}` as const) }))}
                  disabled={save.isPending}
                  w={{ base: '100%', xs: 'auto' }}
                />
              </Stack>
            ))}
          </Stack>
        )}
      </QueryState>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
      {save.isSuccess ? (
        <Alert color="teal" role="status" mt="sm">
          {t('preferences.saved')}
        </Alert>
      ) : null}
    </Section>
  );
}
