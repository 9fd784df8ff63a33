/**
 * "Terbitkan sertifikat" for every passed participant of an offering who has none: the batch job
 * started, its progress followed to the end, then how many were issued (the queue's table lists
 * them with their PDFs). Without a signing official in the certificate settings nothing can be
 * issued: the panel says so and links to the setting instead of offering a button that fails.
 */
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { JobProgress } from '../../components/JobProgress';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { type BatchResult, lacksOfficial, useBatchJob, useCertificateSettings, useStartBatch } from './queries';

/** Where the signing official is set: the certificate section of Pengaturan. */
const certificateSettingsPath = '/admin/pengaturan#sertifikat';

/** Why no certificate can be issued yet, with the way to the setting. */
export function NoOfficialNotice() {
  const { t } = useI18n();
  return (
    <Alert color="orange" variant="light" title={t('cert.noOfficialTitle')} role="alert">
      <Stack gap={4}>
        <Text size="sm">{t('cert.noOfficial')}</Text>
        {/* Dark and underlined: the theme's link blue falls below AA on the light orange. */}
        <Anchor component={Link} to={certificateSettingsPath} size="sm" c="dark.8" underline="always" fw={500}>
          {t('cert.toSettings')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

/** `waiting`: the passed participants of the offering without a valid certificate. */
export function CertificateBatch({ offeringId, waiting }: { offeringId: string; waiting: number }) {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const settings = useCertificateSettings(slug);
  const start = useStartBatch(slug, offeringId);
  const [jobId, setJobId] = useState<string>();
  const job = useBatchJob(slug, jobId);
  const noOfficial = settings.data?.official === null || lacksOfficial(start.error);
  const result = job.data?.status === 'succeeded' ? (job.data.result as BatchResult) : undefined;
  const running = job.data !== undefined && (job.data.status === 'queued' || job.data.status === 'running');
  return (
    <Stack gap="xs">
      {noOfficial ? <NoOfficialNotice /> : null}
      <Group>
        <Button
          variant="light"
          disabled={waiting === 0 || noOfficial || settings.data === undefined}
          loading={start.isPending || running}
          onClick={() => start.mutate(undefined, { onSuccess: (j) => setJobId(j.id) })}
        >
          {t('cert.issueAll', { n: waiting })}
        </Button>
      </Group>
      {start.isError && !lacksOfficial(start.error) ? <ProblemAlert error={start.error} /> : null}
      {job.data ? (
        <JobProgress
          label={t('cert.batchProgress')}
          status={job.data.status}
          done={job.data.progress.done}
          total={job.data.progress.total}
        />
      ) : null}
      {result ? (
        <Text size="sm" role="status" data-testid="certificate-batch-result">
          {t('cert.batchDone', { issued: result.issued, planned: result.planned })}
        </Text>
      ) : null}
      {job.data?.status === 'failed' ? <Alert color="red" role="alert" title={t('cert.batchFailed')} /> : null}
    </Stack>
  );
}
