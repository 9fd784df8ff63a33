/**
 * Ringkasan nasional, the national admin's home: every region's figures for a year, sortable, with
 * the total; freshness and a refresh; the CSV; a chart comparing regions on one figure.
 */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { ComparisonChart } from './ComparisonChart';
import { fetchSummaryCsv, useNationalSummary } from './queries';
import { RefreshPanel } from './RefreshPanel';
import { SummaryTable } from './SummaryTable';
import { YearSelect } from './YearSelect';
import { useYear } from './year';

/** Saves text as a file the way a browser downloads one. */
function saveText(text: string, filename: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

function CsvButton({ year }: { year: number }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const download = async () => {
    setState({ busy: true });
    try {
      saveText(await fetchSummaryCsv(year), `ringkasan-nasional-${year}.csv`, 'text/csv;charset=utf-8');
      setState({ busy: false });
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  return (
    <Stack gap={4}>
      <Button variant="default" onClick={() => void download()} loading={state.busy}>
        {t('national.csv')}
      </Button>
      {state.error ? <ProblemAlert error={state.error} /> : null}
    </Stack>
  );
}

export function NationalSummaryPage() {
  const { t } = useI18n();
  const [year, setYear] = useYear();
  const summary = useNationalSummary(year);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('national.summaryTitle')}
      </Title>
      <Group align="flex-end" gap="md" wrap="wrap">
        <YearSelect year={year} onChange={setYear} />
        <CsvButton year={year} />
      </Group>
      <QueryState query={summary} lines={6}>
        {(data) => (
          <Stack gap="md">
            <Section title={t('national.freshnessTitle')}>
              <RefreshPanel year={year} freshness={data.freshness} />
            </Section>
            <Section title={t('national.regionsTitle', { n: data.total.tenants })}>
              <Text size="sm" c="dimmed" mb="sm">
                {t('national.disclosure', { n: data.minimumPeople })}
              </Text>
              <SummaryTable
                caption={t('national.summaryCaption', { year: data.year })}
                nameHeader={t('national.region')}
                legend={data.figures}
                minimumPeople={data.minimumPeople}
                rows={data.tenants.map((r) => ({
                  key: r.slug,
                  name: r.name,
                  detail: `${r.slug} · ${r.regionCode}`,
                  to: `/nasional/wilayah/${r.slug}?tahun=${data.year}`,
                  employees: r.employees,
                  figures: r.figures,
                }))}
                total={data.total}
              />
            </Section>
            <Section title={t('national.compareTitle')}>
              <ComparisonChart summary={data} />
            </Section>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
