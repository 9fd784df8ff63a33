/** Two plans side by side: their totals, and the (employee, offering) lines only one of them has. */
import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { formatDay, formatJp, formatRupiah } from '../../lib/format';
import { formatShare } from '../dashboard/share';
import { ScrollTable } from '../national/ScrollTable';
import { type Comparison, useComparison } from './queries';

type Only = Comparison['onlyInA'];

function OnlyIn({ title, only, testId }: { title: string; only: Only; testId: string }) {
  const { t, language } = useI18n();
  return (
    <Stack gap={4} data-testid={testId}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Text size="sm">{t('plan.compare.count', { count: only.count })}</Text>
      {only.items.length > 0 ? (
        <Table fz="xs" verticalSpacing={2}>
          <Table.Tbody>
            {only.items.map((i) => (
              <Table.Tr key={`${i.employeeId}-${i.offeringId}`}>
                <Table.Td>{i.employeeName}</Table.Td>
                <Table.Td>
                  {i.programTitle} · {formatDay(i.startDate, language)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>{formatRupiah(i.cost)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {only.count > only.items.length ? (
        <Text size="xs" c="dimmed">
          {t('plan.compare.more', { n: only.count - only.items.length })}
        </Text>
      ) : null}
    </Stack>
  );
}

export function PlanCompare({ tenant, a, b }: { tenant: string | undefined; a: string; b: string }) {
  const { t } = useI18n();
  const comparison = useComparison(tenant, a, b);
  return (
    <QueryState query={comparison}>
      {(c) => {
        const rows: [string, (p: Comparison['a']) => string][] = [
          [t('plan.compare.budget'), (p) => formatRupiah(p.budget)],
          [t('plan.totals.budgetUsed'), (p) => formatRupiah(p.totals.budgetUsed)],
          [t('plan.totals.lines'), (p) => String(p.totals.lines)],
          [t('plan.totals.value'), (p) => formatJp(p.totals.value)],
          [t('plan.compare.closure'), (p) => formatShare(p.totals.closureShare)],
          [t('plan.totals.reaching'), (p) => String(p.totals.reachingTargetAfter)],
        ];
        return (
          <Stack gap="md">
            <ScrollTable label={t('plan.compare.title')} minWidth={320}>
              <Table fz="sm" verticalSpacing={4} data-testid="plan-compare">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('plan.compare.figure')}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      A
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      B
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map(([label, value]) => (
                    <Table.Tr key={label}>
                      <Table.Th scope="row" fw={500}>
                        {label}
                      </Table.Th>
                      <Table.Td style={{ textAlign: 'right' }}>{value(c.a)}</Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>{value(c.b)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Text size="sm">{t('plan.compare.inBoth', { n: c.inBoth })}</Text>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <OnlyIn title={t('plan.compare.onlyA')} only={c.onlyInA} testId="only-in-a" />
              <OnlyIn title={t('plan.compare.onlyB')} only={c.onlyInB} testId="only-in-b" />
            </SimpleGrid>
          </Stack>
        );
      }}
    </QueryState>
  );
}
