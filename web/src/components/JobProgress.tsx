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
      {/* The bar itself is the progressbar, with the words as its value text (Mantine's own says only "n%",
          and an aria-valuetext on the track, which has no role, is not allowed); no value while the total is unknown. */}
      <Progress.Root>
        <Progress.Section
          value={unknown ? 100 : value}
          striped={unknown || status === 'running'}
          animated={unknown && status !== 'failed'}
          color={colors[status]}
          withAria={false}
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={unknown ? undefined : value}
          aria-valuetext={t('job.progress', { done, total })}
        />
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {t('job.progress', { done, total })}
      </Text>
    </Stack>
  );
}
