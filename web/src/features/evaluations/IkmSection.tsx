/**
 * Evaluasi › IKM: a period (a semester or a year) and a unit — or the whole region — with its
 * result (IkmPanel) and the trend of the converted score over that period and the three before
 * it, as a small chart and the same figures in a table. One report read per period, each graded
 * by the server.
 */
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { ScrollTable } from '../national/ScrollTable';
import { IkmGradeBadge } from '../survey/grades';
import { IkmPanel, ikmScore } from './IkmPanel';
import { periodChoices, trendOf } from './periods';
import { type IkmReport, type IkmResult, useIkmReports } from './queries';

const whole = '';

/** The result of `unit` (by id) in a report, or the region's pooled one. */
const resultOf = (report: IkmReport | undefined, unit: string): IkmResult | null =>
  (unit === whole ? report?.tenant : report?.units.find((u) => u.unitId === unit)) ?? null;

export function IkmSection({
  tenant,
  year,
  period,
  unit,
  onChange,
}: {
  tenant: string | undefined;
  year: number;
  period: string;
  unit: string;
  onChange: (changes: { periode?: string; unit?: string }) => void;
}) {
  const { t } = useI18n();
  const periods = trendOf(period);
  const reports = useIkmReports(tenant, periods);
  const current = reports[periods.length - 1];
  const units = current?.data?.units ?? [];
  const trend = periods.map((p, i) => ({ period: p, result: resultOf(reports[i]?.data, unit) }));
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <NativeSelect
          label={t('ikm.period')}
          value={period}
          onChange={(e) => onChange({ periode: e.currentTarget.value })}
          data={periodChoices(year).map((p) => ({ value: p, label: p }))}
        />
        <NativeSelect
          label={t('ikm.unit')}
          value={unit}
          onChange={(e) => onChange({ unit: e.currentTarget.value })}
          data={[{ value: whole, label: t('ikm.wholeRegion') }, ...units.map((u) => ({ value: u.unitId, label: u.unitName }))]}
        />
      </Group>
      {current ? (
        <QueryState
          query={current}
          lines={5}
          isEmpty={(r) => resultOf(r, unit) === null}
          empty={
            <Text size="sm" c="dimmed">
              {t('ikm.empty', { period })}
            </Text>
          }
        >
          {(r) => {
            const result = resultOf(r, unit);
            return result ? <IkmPanel result={result} /> : null;
          }}
        </QueryState>
      ) : null}
      <IkmTrend trend={trend} />
    </Stack>
  );
}

function IkmTrend({ trend }: { trend: { period: string; result: IkmResult | null }[] }) {
  const { t } = useI18n();
  const points = trend.filter((p) => p.result !== null).map((p) => ({ period: p.period, converted: p.result?.converted ?? 0 }));
  return (
    <section aria-labelledby="ikm-trend">
      <Text component="h3" fw={600} id="ikm-trend" mb={4}>
        {t('ikm.trend')}
      </Text>
      {points.length > 1 ? (
        // The chart repeats the table's figures for the eye; screen readers read the table.
        <div aria-hidden="true">
          <LineChart
            h={160}
            data={points}
            dataKey="period"
            yAxisProps={{ domain: [25, 100], width: 40 }}
            lineChartProps={{ accessibilityLayer: false }}
            series={[{ name: 'converted', color: 'blue.7', label: t('ikm.converted') }]}
          />
        </div>
      ) : null}
      <ScrollTable label={t('ikm.trend')} minWidth={480}>
        <Table fz="sm" data-testid="ikm-trend">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('ikm.period')}</Table.Th>
              <Table.Th scope="col">{t('ikm.converted')}</Table.Th>
              <Table.Th scope="col">{t('survey.results.grade')}</Table.Th>
              <Table.Th scope="col">{t('survey.results.respondents')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trend.map(({ period, result }) => (
              <Table.Tr key={period}>
                <Table.Td>{period}</Table.Td>
                <Table.Td>{result ? ikmScore(result.converted) : '—'}</Table.Td>
                <Table.Td>{result ? <IkmGradeBadge grade={result.grade} size="md" /> : '—'}</Table.Td>
                <Table.Td>{result ? result.responses.toLocaleString('id-ID') : 0}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}
