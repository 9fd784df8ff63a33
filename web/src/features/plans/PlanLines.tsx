/** A plan's lines in order: who attends what, when, the cost and JP, and each gap it closes (competency, from → to level). */
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { formatDay, formatJp, formatRupiah } from '../../lib/format';
import { ScrollTable } from '../national/ScrollTable';
import { usePlanLines } from './queries';

export function PlanLines({
  tenant,
  planId,
  unitName,
  competencyName,
}: {
  tenant: string | undefined;
  planId: string;
  unitName: (id: string) => string;
  competencyName: (id: string) => string;
}) {
  const { t, language } = useI18n();
  const lines = usePlanLines(tenant, planId);
  return (
    <QueryState
      query={lines}
      isEmpty={(d) => (d.pages[0]?.items.length ?? 0) === 0}
      empty={
        <Text size="sm" c="dimmed">
          {t('plan.lines.empty')}
        </Text>
      }
    >
      {(data) => (
        <Stack gap="sm">
          <ScrollTable label={t('plan.lines.title')} minWidth={760}>
            <Table fz="sm" verticalSpacing={4} data-testid="plan-lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('plan.lines.employee')}</Table.Th>
                  <Table.Th scope="col">{t('plan.lines.offering')}</Table.Th>
                  <Table.Th scope="col">{t('plan.lines.gaps')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    {t('plan.lines.cost')}
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'right' }}>
                    JP
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.pages
                  .flatMap((p) => p.items)
                  .map((l) => (
                    <Table.Tr key={l.seq} data-testid="plan-line">
                      <Table.Td>
                        <Anchor component={Link} to={`/admin/pegawai/${l.employeeId}`} size="sm">
                          {l.employeeName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {unitName(l.unitId)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {l.programTitle}
                        <Text size="xs" c="dimmed">
                          {formatDay(l.startDate, language)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {l.gaps.map((g) => (
                          <Text size="xs" key={g.competencyId}>
                            {t('plan.lines.gap', { competency: competencyName(g.competencyId), from: g.from, to: g.to })}
                          </Text>
                        ))}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>{formatRupiah(l.cost)}</Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>{formatJp(l.jp)}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {lines.hasNextPage ? (
            <Group>
              <Button variant="default" size="xs" loading={lines.isFetchingNextPage} onClick={() => void lines.fetchNextPage()}>
                {t('plan.lines.more')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      )}
    </QueryState>
  );
}
