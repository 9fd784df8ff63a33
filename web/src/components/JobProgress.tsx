/** A long-running job's progress: a bar of done over total (striped while the total is not known) and its state in words. */
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useI18n } from '../i18n';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

const colors: Record<JobStatus, string> = { queued: 'gray', running: 'blue', succeeded: 'teal', failed: 'red', cancelled: 'gray' };

export function JobProgress({ label, status, done, total }: { label: string; status: JobStatus; done: number; total: number }) {
  const { t } = useI18n();
  const finished = status === 'succeeded';
  const value = finished ? 100 : total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const unknown = !finished && total === 0;
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" data-testid="job-status">
          {t(`job.status.${status}` as const)}
        </Text>
      </Group>
      <Progress
        value={unknown ? 100 : value}
        striped={unknown || status === 'running'}
        animated={unknown && status !== 'failed'}
        color={colors[status]}
        aria-label={label}
        aria-valuetext={t('job.progress', { done, total })}
      />
      <Text size="xs" c="dimmed">
        {t('job.progress', { done, total })}
      </Text>
    </Stack>
  );
}
