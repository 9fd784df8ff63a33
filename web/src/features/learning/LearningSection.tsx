/** Beranda's lower half: learning reports, certificates and history (loaded after the first screen). */
import { SimpleGrid, Stack } from '@mantine/core';
import { CertificatesCard } from './CertificatesCard';
import { HistoryCard } from './HistoryCard';
import { LearningReportsCard } from './LearningReportsCard';

export function LearningSection({ timeZone }: { timeZone: string }) {
  return (
    <Stack gap="md">
      <LearningReportsCard timeZone={timeZone} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CertificatesCard />
        <HistoryCard />
      </SimpleGrid>
    </Stack>
  );
}
