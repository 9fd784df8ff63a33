/**
 * One of the employee's learning reports (/laporan/:id, where its notification leads): the status,
 * the JP claimed beside the JP credited and how the rules counted it, the reason of a rejection,
 * the evidence to download and, while it waits for verification, "Tarik". Someone else's report
 * is a 404 from the server, shown as "not found".
 */
import { Anchor, Box, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Fact } from '../../components/Fact';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatDay, formatInstant, formatJp } from '../../lib/format';
import { type LearningReport, useDownloadEvidence, useMyReport, useWithdrawReport } from './queries';
import { ReportStatusBadge } from './ReportStatus';

const fileKind: Record<NonNullable<LearningReport['evidence']>['contentType'], string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
};

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${formatJp(bytes / (1024 * 1024))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function LearningReportPage() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const { timeZone } = useTenantClock();
  const report = useMyReport(id);
  const withdraw = useWithdrawReport();
  const download = useDownloadEvidence();
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/" size="sm">
        ← {t('report.back')}
      </Anchor>
      <QueryState query={report} lines={6}>
        {(r) => (
          <Stack gap="md">
            <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
              <Title order={1} size="h2">
                {r.title}
              </Title>
              <ReportStatusBadge status={r.status} size="lg" />
            </Group>
            <SimpleGrid cols={2} spacing="sm" data-testid="report-jp">
              <Card withBorder radius="md" padding="sm">
                <Text size="xs" c="dimmed">
                  {t('report.jpClaimed')}
                </Text>
                <Text size="xl" fw={700}>
                  {r.jpClaimed === null ? t('report.jpNone') : `${formatJp(r.jpClaimed)} JP`}
                </Text>
              </Card>
              <Card withBorder radius="md" padding="sm">
                <Text size="xs" c="dimmed">
                  {t('report.jpCredited')}
                </Text>
                <Text size="xl" fw={700} c={r.status === 'disetujui' ? 'teal.9' : undefined} data-testid="jp-credited">
                  {r.status === 'disetujui' && r.jp !== null
                    ? `${formatJp(r.jp)} JP`
                    : r.status === 'diajukan'
                      ? t('report.jpWaiting')
                      : t('report.jpNone')}
                </Text>
              </Card>
            </SimpleGrid>
            {r.status === 'disetujui' && r.jpReason ? (
              <Box component="dl" m={0}>
                <Fact label={t('report.jpReason')}>{r.jpReason}</Fact>
              </Box>
            ) : null}
            {r.status === 'ditolak' && r.rejectReason ? (
              <Card withBorder radius="md" padding="sm" bg="red.0">
                <Text size="xs" c="red.9" fw={600}>
                  {t('report.rejectReason')}
                </Text>
                <Text size="sm">{r.rejectReason}</Text>
              </Card>
            ) : null}
            <Card withBorder radius="md" padding="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
                <Fact label={t('report.method')}>{t(`method.${r.method}` as const)}</Fact>
                <Fact label={t('report.organiser')}>{r.organiser}</Fact>
                <Fact label={t('report.period')}>
                  {t('learning.period', { from: formatDay(r.startDate, language), to: formatDay(r.endDate, language) })}
                </Fact>
                {r.certificateNumber ? <Fact label={t('report.certificate')}>{r.certificateNumber}</Fact> : null}
                <Fact label={t('report.filedAt')}>{formatInstant(r.createdAt, timeZone, language)}</Fact>
                {r.decidedAt ? <Fact label={t('report.decidedAt')}>{formatInstant(r.decidedAt, timeZone, language)}</Fact> : null}
                <Fact label={t('report.evidence')}>
                  {r.evidence ? (
                    <Group gap="xs" component="span">
                      <span>{t('report.evidenceFile', { type: fileKind[r.evidence.contentType], size: size(r.evidence.bytes) })}</span>
                      <Button size="compact-xs" variant="light" loading={download.isPending} onClick={() => download.mutate(r)}>
                        {t('report.evidenceDownload')}
                      </Button>
                    </Group>
                  ) : (
                    t('learning.noEvidence')
                  )}
                </Fact>
              </SimpleGrid>
            </Card>
            {download.isError ? <ProblemAlert error={download.error} /> : null}
            {r.status === 'diajukan' ? (
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm" c="dimmed">
                  {t('report.withdrawHelp')}
                </Text>
                <Button
                  color="red"
                  variant="light"
                  loading={withdraw.isPending}
                  onClick={() => withdraw.mutate(r.id)}
                  aria-label={t('learning.withdrawFor', { title: r.title })}
                >
                  {t('learning.withdraw')}
                </Button>
              </Group>
            ) : null}
            {r.status === 'ditarik' ? (
              <Text size="sm" c="dimmed">
                {t('report.withdrawn')}
              </Text>
            ) : null}
            {withdraw.isError ? <ProblemAlert error={withdraw.error} /> : null}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
