/**
 * Beranda, the employee's home: profile, gaps, JP, recommendations, places; then, once those have
 * arrived (the first screen comes first), the learning reports, certificates and history.
 */
import { SimpleGrid, Stack, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n';
import { useMe, useTenantClock } from '../../lib/api/caller';
import { useHashTarget } from '../../lib/hash-target';
import { EnrollmentsCard } from './EnrollmentsCard';
import { GapsCard } from './GapsCard';
import { JpCard } from './JpCard';
import { ProfileCard } from './ProfileCard';
import { useGaps, useRecommendations } from './queries';
import { RecommendationsCard } from './RecommendationsCard';

const LearningSection = lazy(async () => ({ default: (await import('../learning/LearningSection')).LearningSection }));

export function BerandaPage() {
  const { t } = useI18n();
  const me = useMe();
  const { timeZone } = useTenantClock();
  const profile = me.data?.employee;
  const gaps = useGaps();
  const recommendations = useRecommendations();
  const firstScreenIn = !gaps.isPending && !recommendations.isPending;
  // A notification's link (`/#enrollments`, `/#jp`, `/#learning-reports`) opens at its section.
  useHashTarget(firstScreenIn);
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
      {firstScreenIn ? (
        <Suspense fallback={null}>
          <LearningSection timeZone={timeZone} />
        </Suspense>
      ) : null}
    </Stack>
  );
}
