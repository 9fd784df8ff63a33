/**
 * One report in the verification queue: who, what, when, by whom, the JP claimed and the
 * certificate; its evidence; and, while it waits, "Setujui" and "Tolak" (with a required reason).
 * A decision that fails stays beside the report: a 409 (decided or withdrawn meanwhile) or a 412
 * (new evidence since) offers to reload the queue.
 */
import { Button, Card, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Fact } from '../../components/Fact';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { ApiProblem } from '../../lib/api/problem';
import { formatDay, formatJp } from '../../lib/format';
import type { LearningReport } from '../learning/queries';
import { ReportStatusBadge } from '../learning/ReportStatus';
import { useApprove, useReject, useReportEvidence } from './queries';

const decisionTexts = { conflict: 'verification.alreadyDecided', 'precondition-failed': 'verification.changed' } as const;

function DecisionProblem({ error, onRefresh }: { error: unknown; onRefresh: () => void }) {
  const { t } = useI18n();
  const stale = error instanceof ApiProblem && (error.status === 409 || error.status === 412);
  return (
    <Stack gap="xs">
      <ProblemAlert error={error} texts={decisionTexts} />
      {stale ? (
        <div>
          <Button size="xs" variant="light" onClick={onRefresh}>
            {t('verification.refresh')}
          </Button>
        </div>
      ) : null}
    </Stack>
  );
}

function RejectDialog({
  report,
  tenant,
  opened,
  onClose,
  onRejected,
  onRefresh,
}: {
  report: LearningReport;
  tenant: string | undefined;
  opened: boolean;
  onClose: () => void;
  onRejected: (report: LearningReport) => void;
  onRefresh: () => void;
}) {
  const { t } = useI18n();
  const reject = useReject(tenant);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const serverSaid = reject.error instanceof ApiProblem && reject.error.fields.reason ? t('problem.field') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    reject.mutateAsync({ report, reason: reason.trim() }).then(onRejected, () => undefined);
  };
  return (
    <Dialog opened={opened} onClose={onClose} title={t('verification.rejectTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {report.title}
          </Text>
          <Textarea
            label={t('verification.reason')}
            description={t('verification.reasonHint')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('verification.reasonRequired') : serverSaid}
          />
          {reject.isError && !serverSaid ? <DecisionProblem error={reject.error} onRefresh={onRefresh} /> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('verification.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={reject.isPending}>
              {t('verification.rejectSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

export function ReportCard({
  report,
  tenant,
  onDecided,
  onRefresh,
}: {
  report: LearningReport;
  tenant: string | undefined;
  onDecided: (report: LearningReport) => void;
  onRefresh: () => void;
}) {
  const { t, language } = useI18n();
  const evidence = useReportEvidence(tenant);
  const approve = useApprove(tenant);
  const [rejecting, setRejecting] = useState(false);
  const titleId = `report-${report.id}-title`;
  const refresh = () => {
    approve.reset();
    setRejecting(false);
    onRefresh();
  };
  const dates =
    report.startDate === report.endDate
      ? formatDay(report.startDate, language)
      : `${formatDay(report.startDate, language)} – ${formatDay(report.endDate, language)}`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
            <Title order={2} size="h5" id={titleId}>
              {report.title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('verification.employee', { name: report.employeeName, nip: report.employeeNip })}
            </Text>
          </div>
          <ReportStatusBadge status={report.status} />
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" verticalSpacing="xs" component="dl" m={0}>
          <Fact label={t('verification.method')}>{t(`method.${report.method}` as const)}</Fact>
          <Fact label={t('verification.dates')}>{dates}</Fact>
          <Fact label={t('verification.organiser')}>{report.organiser}</Fact>
          <Fact label={t('verification.jpClaimed')}>
            {report.jpClaimed === null ? t('verification.none') : `${formatJp(report.jpClaimed)} JP`}
          </Fact>
          <Fact label={t('verification.certificate')}>{report.certificateNumber ?? t('verification.none')}</Fact>
        </SimpleGrid>
        {report.status === 'disetujui' && report.jp !== null ? (
          <Text size="sm">{t('verification.decidedJp', { jp: formatJp(report.jp) })}</Text>
        ) : null}
        {report.status === 'ditolak' && report.rejectReason ? (
          <Text size="sm">{t('verification.rejectReason', { reason: report.rejectReason })}</Text>
        ) : null}
        {evidence.isError ? <ProblemAlert error={evidence.error} /> : null}
        {approve.isError ? <DecisionProblem error={approve.error} onRefresh={refresh} /> : null}
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            disabled={report.evidence === null}
            loading={evidence.isPending}
            onClick={() => evidence.mutate(report)}
          >
            {report.evidence === null ? t('verification.noEvidence') : t('verification.evidence')}
          </Button>
          {report.status === 'diajukan' ? (
            <>
              <Button size="xs" loading={approve.isPending} onClick={() => approve.mutateAsync(report).then(onDecided, () => undefined)}>
                {t('verification.approve')}
              </Button>
              <Button size="xs" color="red.9" variant="outline" onClick={() => setRejecting(true)}>
                {t('verification.reject')}
              </Button>
            </>
          ) : null}
        </Group>
      </Stack>
      {report.status === 'diajukan' ? (
        <RejectDialog
          report={report}
          tenant={tenant}
          opened={rejecting}
          onClose={() => setRejecting(false)}
          onRejected={onDecided}
          onRefresh={refresh}
        />
      ) : null}
    </Card>
  );
}
