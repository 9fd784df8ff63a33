/**
 * Freshness and refresh: how old the oldest figure is, and a button that starts a refresh job and
 * follows it (progress per region) until it has finished; the summary is then read again.
 */
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { formatInstant } from '../../lib/format';
import { finished, type NationalSummary, useJob, useRefresh } from './queries';

/** A refresh job's result (docs/jobs.md, `national.refresh`): the regions recomputed and failed are lists; counted here. */
export function refreshCounts(result: unknown): { refreshed: number; failed: number; remaining: number } {
  const r = (typeof result === 'object' && result !== null ? result : {}) as Record<string, unknown>;
  const count = (v: unknown) => (Array.isArray(v) ? v.length : typeof v === 'number' ? v : 0);
  return { refreshed: count(r.refreshed), failed: count(r.failed), remaining: count(r.remaining) };
}

export function RefreshPanel({ year, freshness }: { year: number; freshness: NationalSummary['freshness'] }) {
  const { t, language } = useI18n();
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  const [jobId, setJobId] = useState<string>();
  const job = useJob(jobId);
  const done = job.data !== undefined && finished(job.data);

  useEffect(() => {
    if (done) void queryClient.invalidateQueries({ queryKey: ['national', 'summary'] });
  }, [done, queryClient]);

  const progress = job.data?.progress;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const counts = refreshCounts(job.data?.result ?? null);

  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="freshness">
        {freshness.oldestComputedAt
          ? t('national.freshness', { at: formatInstant(freshness.oldestComputedAt, 'Asia/Jakarta', language) })
          : t('national.freshnessNone')}{' '}
        {freshness.tenantsNotComputed > 0 ? t('national.notComputedCount', { n: freshness.tenantsNotComputed }) : null}
      </Text>
      <Group gap="sm">
        <Button
          onClick={() => refresh.mutate(year, { onSuccess: (started) => setJobId(started.id) })}
          loading={refresh.isPending || (jobId !== undefined && !done)}
          variant="light"
        >
          {t('national.refresh')}
        </Button>
      </Group>
      {refresh.isError ? <ProblemAlert error={refresh.error} /> : null}
      {job.isError ? <ProblemAlert error={job.error} /> : null}
      {job.data ? (
        <Stack gap={4}>
          <Progress value={done ? 100 : percent} aria-label={t('national.refreshProgress')} animated={!done} />
          <Text size="sm" role="status" data-testid="refresh-status">
            {job.data.status === 'succeeded'
              ? t('national.refreshDone', counts)
              : job.data.status === 'failed' || job.data.status === 'cancelled'
                ? t('national.refreshFailed')
                : t('national.refreshRunning', { done: progress?.done ?? 0, total: progress?.total ?? 0 })}
          </Text>
        </Stack>
      ) : null}
    </Stack>
  );
}
