/** Kesenjangan kompetensi: the chart, the summary, and the self-assessment in a dialog. */
import { Button, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { GapsChart } from './GapsChart';
import { useGaps } from './queries';

// The dialog (and the form and date picker it brings) loads when it first opens: not on the first screen.
const SelfAssessmentDialog = lazy(async () => ({ default: (await import('./SelfAssessmentForm')).SelfAssessmentDialog }));

export function GapsCard({ timeZone }: { timeZone: string }) {
  const { t } = useI18n();
  const gaps = useGaps();
  const [opened, { open, close }] = useDisclosure();
  const items = gaps.data?.items ?? [];
  return (
    <Section
      id="gaps"
      title={t('gaps.title')}
      action={
        items.length > 0 ? (
          <Button size="xs" variant="light" onClick={open}>
            {t('selfAssess.open')}
          </Button>
        ) : null
      }
    >
      <QueryState query={gaps} lines={6} isEmpty={(d) => d.items.length === 0} empty={t('gaps.empty')}>
        {(data) => (
          <>
            <Group gap="lg" mb="sm">
              <Text size="sm">{t('gaps.summaryWithGap', { count: data.summary.withGap, total: data.summary.competencies })}</Text>
              <Text size="sm">{t('gaps.summaryUnassessed', { count: data.summary.unassessed })}</Text>
            </Group>
            <GapsChart items={data.items} />
          </>
        )}
      </QueryState>
      {opened ? (
        <Suspense fallback={null}>
          <SelfAssessmentDialog items={items} timeZone={timeZone} onClose={close} />
        </Suspense>
      ) : null}
    </Section>
  );
}
