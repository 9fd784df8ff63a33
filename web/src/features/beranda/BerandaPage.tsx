/** Beranda, the employee's home: profile, gaps, JP, recommendations, places. */
import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useI18n } from '../../i18n';
import { useMe, useTenantClock } from '../../lib/api/caller';
import { EnrollmentsCard } from './EnrollmentsCard';
import { GapsCard } from './GapsCard';
import { JpCard } from './JpCard';
import { ProfileCard } from './ProfileCard';
import { RecommendationsCard } from './RecommendationsCard';

export function BerandaPage() {
  const { t } = useI18n();
  const me = useMe();
  const { timeZone } = useTenantClock();
  const profile = me.data?.employee;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {profile ? t('beranda.greeting', { name: profile.name.split(',')[0] ?? profile.name }) : t('nav.home')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {profile ? <ProfileCard profile={profile} /> : null}
        <JpCard timeZone={timeZone} />
      </SimpleGrid>
      <GapsCard timeZone={timeZone} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <RecommendationsCard />
        <EnrollmentsCard />
      </SimpleGrid>
    </Stack>
  );
}
