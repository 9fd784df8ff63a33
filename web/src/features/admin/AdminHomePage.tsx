/**
 * The home of a tenant admin, until their own screens come (the console's part 2): their region
 * and where the API reference is.
 */
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useMe } from '../../lib/api/caller';

export function AdminHomePage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <Stack>
      <Title order={1} size="h2">
        {me.data?.tenant?.name ?? t('admin.title')}
      </Title>
      <Section title={t('admin.comingTitle')}>
        <Text size="sm" mb="xs">
          {t('admin.coming')}
        </Text>
        <Anchor href="/api/v1/reference">{t('admin.reference')}</Anchor>
      </Section>
    </Stack>
  );
}
