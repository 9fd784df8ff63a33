/**
 * Impor pegawai: choose a CSV or xlsx file; the dry run reports what a commit would do and every
 * bad row (row, column, reason) in a table that filters by column or text and downloads as CSV;
 * fix the file and check again, or commit the good rows as a job whose progress is polled until
 * it ends. The registry's export is here too.
 */
import { Alert, Badge, Box, Button, FileInput, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { JobProgress } from '../../components/JobProgress';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { download, fileAsCsv, toCsv } from './files';
import { type ImportError, type ImportReport, useCommitImport, useDryRun, useExportEmployees, useJob } from './queries';

export function ImportPage() {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState(false);
  const [jobId, setJobId] = useState<string>();
  const dryRun = useDryRun(slug);
  const commit = useCommitImport(slug);
  const job = useJob(slug, jobId);
  const exporter = useExportEmployees(slug);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setCsv(null);
    setUnreadable(false);
    setJobId(undefined);
    dryRun.reset();
    commit.reset();
    if (!chosen) return;
    try {
      const text = await fileAsCsv(chosen);
      setCsv(text);
      dryRun.mutate(text);
    } catch {
      setUnreadable(true);
    }
  };

  const report = dryRun.data;
  const result = job.data?.status === 'succeeded' ? (job.data.result as ImportReport) : undefined;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('import.title')}
      </Title>
      <Section title={t('import.fileTitle')}>
        <Stack>
          <Text size="sm">{t('import.intro')}</Text>
          <FileInput
            label={t('import.file')}
            description={t('import.fileHelp')}
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => void choose(f)}
            clearable
            clearButtonProps={{ 'aria-label': t('import.clear') }}
          />
          {unreadable ? <Alert color="red" role="alert" title={t('import.unreadable')} /> : null}
          {dryRun.isPending ? <Text size="sm">{t('import.checking')}</Text> : null}
          {dryRun.isError ? <ProblemAlert error={dryRun.error} /> : null}
          {csv && file && !dryRun.isPending ? (
            <Group>
              <Button variant="default" size="xs" onClick={() => void choose(file)}>
                {t('import.checkAgain')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Section>
      {report ? (
        <Section title={t('import.reportTitle')} id="report">
          <Stack>
            <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="import-counts">
              {(['rows', 'created', 'updated', 'unchanged', 'rejected'] as const).map((k) => (
                <div key={k}>
                  <Text size="xs" c="dimmed">
                    {t(`import.count.${k}` as const)}
                  </Text>
                  <Text fw={700} c={k === 'rejected' && report.rejected > 0 ? 'red.8' : undefined}>
                    {report[k]}
                  </Text>
                </div>
              ))}
            </SimpleGrid>
            {report.ignoredColumns.length > 0 ? (
              <Text size="sm" c="dimmed">
                {t('import.ignored', { columns: report.ignoredColumns.join(', ') })}
              </Text>
            ) : null}
            {report.errors.length > 0 ? <ErrorTable errors={report.errors} name={file?.name ?? 'impor'} /> : null}
            <Group>
              <Button
                onClick={() => csv && commit.mutate(csv, { onSuccess: (j) => setJobId(j.id) })}
                loading={commit.isPending}
                disabled={!csv || jobId !== undefined || report.created + report.updated === 0}
              >
                {report.rejected > 0
                  ? t('import.commitGood', { count: report.created + report.updated })
                  : t('import.commit', { count: report.created + report.updated })}
              </Button>
            </Group>
            {commit.isError ? <ProblemAlert error={commit.error} /> : null}
          </Stack>
        </Section>
      ) : null}
      {job.data ? (
        <Section title={t('import.jobTitle')} id="job">
          <Stack>
            <JobProgress
              label={t('import.jobProgress')}
              status={job.data.status}
              done={job.data.progress.done}
              total={job.data.progress.total}
            />
            {result ? (
              <Text size="sm" data-testid="import-result">
                {t('import.done', { created: result.created, updated: result.updated, rejected: result.rejected })}
              </Text>
            ) : null}
            {job.data.status === 'failed' ? <Alert color="red" role="alert" title={t('import.failed')} /> : null}
          </Stack>
        </Section>
      ) : null}
      <Section title={t('import.exportTitle')}>
        <Stack gap="xs">
          <Text size="sm">{t('import.exportHelp')}</Text>
          <Group>
            <Button
              variant="default"
              loading={exporter.isPending}
              onClick={() => exporter.mutate(undefined, { onSuccess: (text) => download(`pegawai-${slug ?? ''}.csv`, text) })}
            >
              {t('import.export')}
            </Button>
          </Group>
          {exporter.isError ? <ProblemAlert error={exporter.error} /> : null}
        </Stack>
      </Section>
    </Stack>
  );
}

function ErrorTable({ errors, name }: { errors: ImportError[]; name: string }) {
  const { t } = useI18n();
  const [column, setColumn] = useState<string | null>(null);
  const [text, setText] = useState('');
  const columns = [...new Set(errors.map((e) => e.column))].sort();
  const needle = text.trim().toLowerCase();
  const shown = errors.filter(
    (e) => (column === null || e.column === column) && (needle === '' || `${e.row} ${e.reason}`.toLowerCase().includes(needle)),
  );
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('import.filterColumn')}
            placeholder={t('employees.all')}
            data={columns}
            value={column}
            onChange={setColumn}
            clearable
            w={180}
          />
          <TextInput label={t('import.filterText')} value={text} onChange={(e) => setText(e.currentTarget.value)} w={220} />
        </Group>
        <Button
          variant="light"
          size="xs"
          onClick={() =>
            download(
              `${name.replace(/\.(csv|xlsx)$/i, '')}-kesalahan.csv`,
              toCsv([['row', 'column', 'reason'], ...shown.map((e) => [String(e.row), e.column, e.reason])]),
            )
          }
        >
          {t('import.downloadErrors')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('import.errorsShown', { shown: shown.length, total: errors.length })}
      </Text>
      <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('import.errorsCaption')}>
        <Table striped verticalSpacing={4} miw={480}>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('import.errorsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.row')}</Table.Th>
              <Table.Th>{t('import.column')}</Table.Th>
              <Table.Th>{t('import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e) => (
              <Table.Tr key={`${e.row}-${e.column}-${e.reason}`} data-testid="import-error">
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="red" tt="none">
                    {e.column}
                  </Badge>
                </Table.Td>
                <Table.Td>{e.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Stack>
  );
}
