/**
 * The employee's reports of training outside Bangkom: each with its status (waiting, approved with
 * the JP credited, rejected with the reason, withdrawn), the evidence (upload it if it is missing)
 * and, while waiting, a withdrawal; its title opens the report's page. "Laporkan pelatihan" opens the form.
 */
import { Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { formatDay, formatJp } from '../../lib/format';
import { evidenceTypes, type LearningReport, useMyReports, useUploadEvidence, useWithdrawReport } from './queries';
import { ReportStatusBadge } from './ReportStatus';

// The form brings the date picker: it loads when first opened.
const LearningReportDialog = lazy(async () => ({ default: (await import('./LearningReportForm')).LearningReportDialog }));

export function LearningReportsCard({ timeZone }: { timeZone: string }) {
  const { t } = useI18n();
  const reports = useMyReports();
  const withdraw = useWithdrawReport();
  const upload = useUploadEvidence();
  const [opened, { open, close }] = useDisclosure();
  return (
    <Section
      id="learning-reports"
      title={t('learning.title')}
      action={
        <Button size="xs" variant="light" onClick={open}>
          {t('learning.new')}
        </Button>
      }
    >
      {withdraw.isError ? <ProblemAlert error={withdraw.error} /> : null}
      {upload.isError ? <ProblemAlert error={upload.error} /> : null}
      <QueryState query={reports} isEmpty={(d) => d.items.length === 0} empty={t('learning.empty')}>
        {(data) => (
          <Stack gap={0}>
            {data.items.map((report) => (
              <ReportRow
                key={report.id}
                report={report}
                withdrawing={withdraw.isPending && withdraw.variables === report.id}
                uploading={upload.isPending && upload.variables.report.id === report.id}
                onWithdraw={() => withdraw.mutate(report.id)}
                onUpload={(file) => upload.mutate({ report, file })}
              />
            ))}
          </Stack>
        )}
      </QueryState>
      {opened ? (
        <Suspense fallback={null}>
          <LearningReportDialog timeZone={timeZone} onClose={close} />
        </Suspense>
      ) : null}
    </Section>
  );
}

function ReportRow({
  report,
  withdrawing,
  uploading,
  onWithdraw,
  onUpload,
}: {
  report: LearningReport;
  withdrawing: boolean;
  uploading: boolean;
  onWithdraw: () => void;
  onUpload: (file: File) => void;
}) {
  const { t, language } = useI18n();
  const waiting = report.status === 'diajukan';
  return (
    <Stack
      gap={4}
      py="xs"
      component="article"
      aria-label={report.title}
      data-testid="learning-report"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Anchor component={Link} to={`/laporan/${report.id}`} size="sm" fw={600}>
          {report.title}
        </Anchor>
        <ReportStatusBadge status={report.status} />
      </Group>
      <Text size="xs" c="dimmed">
        {t(`method.${report.method}` as const)} · {report.organiser} ·{' '}
        {t('learning.period', { from: formatDay(report.startDate, language), to: formatDay(report.endDate, language) })}
      </Text>
      {report.status === 'disetujui' && report.jp !== null ? (
        <Text size="sm" fw={500}>
          {t('learning.credited', { jp: formatJp(report.jp) })}
          {report.jpReason ? (
            <Text span size="xs" c="dimmed" display="block">
              {report.jpReason}
            </Text>
          ) : null}
        </Text>
      ) : report.jpClaimed !== null ? (
        <Text size="sm">{t('learning.claimed', { jp: formatJp(report.jpClaimed) })}</Text>
      ) : null}
      {report.status === 'ditolak' && report.rejectReason ? (
        <Text size="sm" c="red.9">
          {t('learning.rejectReason', { reason: report.rejectReason })}
        </Text>
      ) : null}
      {waiting ? (
        <Group gap="xs" justify="flex-end">
          {report.evidence ? null : (
            <>
              <Text size="xs" c="orange.9" mr="auto">
                {t('learning.noEvidence')}
              </Text>
              <FileButton accept={evidenceTypes.join(',')} onChange={(file) => file && onUpload(file)}>
                {(props) => (
                  <Button
                    {...props}
                    size="compact-xs"
                    variant="light"
                    loading={uploading}
                    aria-label={t('learning.uploadFor', { title: report.title })}
                  >
                    {t('learning.upload')}
                  </Button>
                )}
              </FileButton>
            </>
          )}
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            loading={withdrawing}
            onClick={onWithdraw}
            aria-label={t('learning.withdrawFor', { title: report.title })}
          >
            {t('learning.withdraw')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
