/** Kesenjangan kompetensi: the chart, the summary, and the self-assessment in a dialog. */
import { Button, Group, Loader, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { GapsChart } from './GapsChart';
import { useGaps } from './queries';

// The form (and the date picker it brings) loads when the dialog first opens.
const SelfAssessmentForm = lazy(async () => ({ default: (await import('./SelfAssessmentForm')).SelfAssessmentForm }));

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
      <Modal closeButtonProps={{ 'aria-label': t('form.close') }} opened={opened} onClose={close} title={t('selfAssess.title')} centered>
        <Suspense fallback={<Loader size="sm" />}>
          <SelfAssessmentForm items={items} timeZone={timeZone} onDone={close} />
        </Suspense>
      </Modal>
    </Section>
  );
}
