/**
 * A plan's totals against the naive plan ("largest gap first", on the same data): the value and
 * the cost as a chart (the figures beside it say the same), the share of the weighted gap it
 * closes, and the people reaching their JP target before and after; then the same per unit.
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { Fact } from '../../components/Fact';
import { useI18n } from '../../i18n';
import { formatJp, formatRupiah } from '../../lib/format';
import { formatShare, shareOf } from '../dashboard/share';
import { ScrollTable } from '../national/ScrollTable';
import type { Plan } from './queries';

type Totals = Plan['totals'];

export function PlanTotals({ totals, budget }: { totals: Totals; budget: number }) {
  const { t } = useI18n();
  const chart = [
    { what: t('plan.totals.value'), plan: totals.value, naive: totals.naiveValue },
    { what: t('plan.totals.costMillions'), plan: totals.budgetUsed / 1e6, naive: totals.naiveCost / 1e6 },
  ];
  const gain = shareOf(totals.value - totals.naiveValue, totals.naiveValue);
  return (
    <Stack gap="md">
      <SimpleGrid component="dl" m={0} cols={{ base: 1, sm: 2, md: 4 }} data-testid="plan-totals">
        <Fact label={t('plan.totals.budgetUsed')}>
          {t('plan.totals.ofBudget', { used: formatRupiah(totals.budgetUsed), budget: formatRupiah(budget) })}
        </Fact>
        <Fact label={t('plan.totals.lines')}>{totals.lines}</Fact>
        <Fact label={t('plan.totals.value')}>
          {t('plan.totals.valueVsNaive', { value: formatJp(totals.value), naive: formatJp(totals.naiveValue) })}
          {gain !== null ? ` (${gain >= 0 ? '+' : ''}${formatShare(gain)})` : ''}
        </Fact>
        <Fact label={t('plan.totals.reaching')}>
          {t('plan.totals.reachingFromTo', {
            before: totals.reachingTargetBefore,
            after: totals.reachingTargetAfter,
            of: totals.employeesInScope,
          })}
        </Fact>
      </SimpleGrid>
      <Stack gap={4}>
        <Text size="sm">
          {t('plan.totals.closure', {
            share: formatShare(totals.closureShare),
            closed: formatJp(totals.closed),
            gap: formatJp(totals.weightedGap),
          })}
        </Text>
        <Progress value={totals.closureShare * 100} color="teal.7" aria-label={t('plan.totals.closureLabel')} />
      </Stack>
      {/* The chart repeats the figures above for the eye; screen readers get them as text. */}
      <div aria-hidden="true">
        <BarChart
          h={180}
          data={chart}
          dataKey="what"
          orientation="vertical"
          yAxisProps={{ width: 110 }}
          barChartProps={{ accessibilityLayer: false }}
          withLegend
          series={[
            { name: 'plan', color: 'blue.7', label: t('plan.totals.thisPlan') },
            { name: 'naive', color: 'gray.6', label: t('plan.totals.naive') },
          ]}
        />
      </div>
    </Stack>
  );
}

export function UnitTotals({ totals, unitName }: { totals: Totals; unitName: (id: string) => string }) {
  const { t } = useI18n();
  // The units the plan reaches; the others are in the totals above.
  const rows = totals.byUnit.filter((u) => u.lines > 0).sort((a, b) => b.closed - a.closed);
  return (
    <ScrollTable label={t('plan.units.title')} minWidth={640}>
      <Table fz="sm" verticalSpacing={4} striped data-testid="plan-units">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('plan.units.unit')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('plan.units.employees')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('plan.units.lines')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('plan.units.cost')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('plan.units.closed')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'right' }}>
              {t('plan.units.reaching')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((u) => (
            <Table.Tr key={u.unitId}>
              <Table.Th scope="row" fw={500}>
                {unitName(u.unitId)}
              </Table.Th>
              <Table.Td style={{ textAlign: 'right' }}>{u.employees}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{u.lines}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>{formatRupiah(u.cost)}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {formatJp(u.closed)} / {formatJp(u.weightedGap)}
              </Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {u.reachingTargetBefore} → {u.reachingTargetAfter}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
