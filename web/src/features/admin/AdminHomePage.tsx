/**
 * The home of a tenant admin or a national analyst, until their own screens come (the console's
 * part 2): who they are and where the API reference is.
 */
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useMe } from '../../lib/api/caller';

function AdminHome({ national }: { national: boolean }) {
  const { t } = useI18n();
  const me = useMe();
  return (
    <Stack>
      <Title order={1} size="h2">
        {national ? t('admin.nationalTitle') : (me.data?.tenant?.name ?? t('admin.title'))}
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

export function AdminHomePage() {
  return <AdminHome national={false} />;
}

export function NationalHomePage() {
  return <AdminHome national />;
}
