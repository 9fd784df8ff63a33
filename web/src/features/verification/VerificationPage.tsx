/**
 * The verification queue (/admin/verifikasi): the tenant's learning reports by status (waiting
 * ones by default), oldest first, twenty at a time with "Muat lebih banyak". Each report opens its
 * evidence and, while it waits, is approved (the JP the rules credit and why are shown from the
 * answer) or rejected with a reason.
 */
import { Alert, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatJp } from '../../lib/format';
import type { LearningReport } from '../learning/queries';
import { type ReportStatus, reportStatuses, useQueue } from './queries';
import { ReportCard } from './ReportCard';

function Outcome({ report }: { report: LearningReport }) {
  const { t } = useI18n();
  if (report.status === 'disetujui') {
    return (
      <Alert color="teal" role="status" title={t('verification.approved', { title: report.title })}>
        <Text size="sm">
          {t('verification.credited')}:{' '}
          <Text span fw={700} data-testid="verification-credited">
            {`${formatJp(report.jp ?? 0)} JP`}
          </Text>
        </Text>
        {report.jpReason ? (
          <Text size="sm">
            {t('verification.jpReason')}: {report.jpReason}
          </Text>
        ) : null}
      </Alert>
    );
  }
  return (
    <Alert color="gray" role="status" title={t('verification.rejected', { title: report.title })}>
      {report.rejectReason ? <Text size="sm">{t('verification.rejectReason', { reason: report.rejectReason })}</Text> : null}
    </Alert>
  );
}

export function VerificationPage() {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const [status, setStatus] = useState<ReportStatus>('diajukan');
  const [decided, setDecided] = useState<LearningReport | null>(null);
  const queue = useQueue(slug, status);
  return (
    <Stack gap="md" maw={960}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('verification.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('verification.intro')}
        </Text>
      </Stack>
      <NativeSelect
        label={t('verification.status')}
        value={status}
        onChange={(e) => {
          setStatus(e.currentTarget.value as ReportStatus);
          setDecided(null);
        }}
        data={reportStatuses.map((s) => ({ value: s, label: t(`learning.status.${s}` as const) }))}
        w={{ base: '100%', xs: 240 }}
      />
      {decided ? <Outcome report={decided} /> : null}
      <QueryState query={queue} lines={6} isEmpty={(d) => d.pages.every((p) => p.items.length === 0)} empty={t('verification.empty')}>
        {(data) => (
          <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('verification.list')}>
            {data.pages
              .flatMap((p) => p.items)
              .map((report) => (
                <li key={report.id}>
                  <ReportCard report={report} tenant={slug} onDecided={setDecided} onRefresh={() => void queue.refetch()} />
                </li>
              ))}
          </Stack>
        )}
      </QueryState>
      {queue.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" size="xs" loading={queue.isFetchingNextPage} onClick={() => void queue.fetchNextPage()}>
            {t('verification.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
