/**
 * Kebutuhan (/admin/kebutuhan): the needs report grouped by unit, position, competency or type,
 * filtered by unit (with its sub-units) and competency type; a bar chart of the weighted gap, the
 * table, the largest individual gaps (who, where, which competency, from → to), and the report
 * as CSV or xlsx.
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Button, Group, NativeSelect, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatJp } from '../../lib/format';
import { ScrollBox } from '../dashboard/ScrollBox';
import { useUnits } from '../organisation/queries';
import { type Grouping, type NeedsQuery, type NeedsReport, useNeeds, useNeedsDownload } from './queries';

const groupings: Grouping[] = ['unit', 'position', 'competency', 'type'];
const types = ['manajerial', 'sosial_kultural', 'teknis'] as const;
type CompetencyType = (typeof types)[number];

function Groups({ report }: { report: NeedsReport }) {
  const { t } = useI18n();
  const label = (g: NeedsReport['items'][number]) =>
    report.groupBy === 'type' ? t(`org.type.${g.key as CompetencyType}`) : (g.name ?? g.key);
  const chart = report.items.slice(0, 12).map((g) => ({ group: label(g), weightedGap: g.weightedGap }));
  return (
    <Stack>
      <div aria-hidden="true">
        <BarChart
          barChartProps={{ accessibilityLayer: false }}
          h={Math.max(160, chart.length * 32)}
          data={chart}
          dataKey="group"
          orientation="vertical"
          yAxisProps={{ width: 120 }}
          series={[{ name: 'weightedGap', color: 'orange.7', label: t('needs.weightedGap') }]}
        />
      </div>
      <ScrollBox label={t('needs.groupsTitle', { by: t(`needs.group.${report.groupBy}`) })}>
        <Table fz="sm" verticalSpacing={4} striped data-testid="needs-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t(`needs.group.${report.groupBy}`)}</Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('needs.employees')}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('needs.withGap')}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('needs.unassessed')}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('needs.meanGap')}
              </Table.Th>
              <Table.Th scope="col" style={{ textAlign: 'right' }}>
                {t('needs.weightedGap')}
              </Table.Th>
              <Table.Th scope="col">{t('needs.top')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.items.map((g) => (
              <Table.Tr key={g.key}>
                <Table.Th scope="row" fw={500}>
                  {label(g)}
                </Table.Th>
                <Table.Td style={{ textAlign: 'right' }}>{g.employees}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{g.employeesWithGap}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{g.unassessed}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{g.meanGap === null ? '–' : formatJp(g.meanGap)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatJp(g.weightedGap)}</Table.Td>
                <Table.Td>{g.topPriorities.map((p) => p.code).join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollBox>
    </Stack>
  );
}

function Priorities({ report }: { report: NeedsReport }) {
  const { t } = useI18n();
  if (report.priorities.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('needs.noPriorities')}
      </Text>
    );
  }
  return (
    <ScrollBox label={t('needs.prioritiesTitle')}>
      <Table fz="sm" verticalSpacing={4} data-testid="needs-priorities">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('needs.who')}</Table.Th>
            <Table.Th scope="col">{t('needs.where')}</Table.Th>
            <Table.Th scope="col">{t('needs.which')}</Table.Th>
            <Table.Th scope="col">{t('needs.fromTo')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('needs.weightedGap')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.priorities.map((p) => (
            <Table.Tr key={`${p.employeeId}-${p.competencyId}`}>
              <Table.Td>{p.employeeName}</Table.Td>
              <Table.Td>{p.unitName}</Table.Td>
              <Table.Td>{p.competencyCode}</Table.Td>
              <Table.Td>{t('needs.levels', { from: p.currentLevel, to: p.requiredLevel })}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatJp(p.weightedGap)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollBox>
  );
}

export function NeedsPage() {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  const units = useUnits(slug);
  const [groupBy, setGroupBy] = useState<Grouping>('unit');
  const [unit, setUnit] = useState<string | null>(null);
  const [type, setType] = useState<CompetencyType | ''>('');
  const query: NeedsQuery = { groupBy, priorities: 10, ...(unit ? { unit } : {}), ...(type ? { competencyType: type } : {}) };
  const report = useNeeds(slug, query);
  const download = useNeedsDownload(slug);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('needs.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('needs.groupBy')}
          value={groupBy}
          onChange={(e) => setGroupBy(e.currentTarget.value as Grouping)}
          data={groupings.map((g) => ({ value: g, label: t(`needs.group.${g}`) }))}
        />
        <Select
          label={t('needs.unitFilter')}
          placeholder={t('needs.allUnits')}
          data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
          value={unit}
          onChange={setUnit}
          searchable
          clearable
          comboboxProps={{ withinPortal: false }}
        />
        <NativeSelect
          label={t('needs.typeFilter')}
          value={type}
          onChange={(e) => setType(e.currentTarget.value as CompetencyType | '')}
          data={[{ value: '', label: t('needs.allTypes') }, ...types.map((k) => ({ value: k, label: t(`org.type.${k}`) }))]}
        />
      </SimpleGrid>
      <Group gap="xs">
        <Button
          variant="light"
          size="xs"
          loading={download.isPending && download.variables?.format === 'csv'}
          onClick={() => download.mutate({ format: 'csv', query })}
        >
          {t('needs.csv')}
        </Button>
        <Button
          variant="light"
          size="xs"
          loading={download.isPending && download.variables?.format === 'xlsx'}
          onClick={() => download.mutate({ format: 'xlsx', query })}
        >
          {t('needs.xlsx')}
        </Button>
      </Group>
      {download.error ? <ProblemAlert error={download.error} /> : null}
      <Section title={t('needs.groupsTitle', { by: t(`needs.group.${groupBy}`) })} id="needs-groups">
        <QueryState query={report} lines={6} isEmpty={(r) => r.items.length === 0} empty={t('needs.empty')}>
          {(r) => <Groups report={r} />}
        </QueryState>
      </Section>
      <Section title={t('needs.prioritiesTitle')} id="needs-priorities">
        <QueryState query={report} lines={4}>
          {(r) => <Priorities report={r} />}
        </QueryState>
      </Section>
    </Stack>
  );
}
