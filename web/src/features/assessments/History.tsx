/** A person's assessments, newest first: competency, level, source, date, assessor. */
import { Badge, Table, Text } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { formatDay } from '../../lib/format';
import { ScrollBox } from '../dashboard/ScrollBox';
import type { Competency } from '../organisation/queries';
import { useAssessmentHistory } from './queries';

export function History({
  tenant,
  employeeId,
  competencies,
}: {
  tenant: string | undefined;
  employeeId: string;
  competencies: Competency[];
}) {
  const { t, language } = useI18n();
  const history = useAssessmentHistory(tenant, employeeId);
  const nameOf = (id: string) => competencies.find((c) => c.id === id)?.name ?? id;
  return (
    <QueryState query={history} lines={4} isEmpty={(h) => h.items.length === 0} empty={t('asm.noHistory')}>
      {(h) => (
        <ScrollBox label={t('asm.tab.history')}>
          <Table fz="sm" verticalSpacing={4} data-testid="assessment-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('asm.date')}</Table.Th>
                <Table.Th scope="col">{t('asm.competency')}</Table.Th>
                <Table.Th scope="col">{t('asm.level')}</Table.Th>
                <Table.Th scope="col">{t('asm.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {h.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDay(a.date, language)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{nameOf(a.competencyId)}</Text>
                    {a.assessor ? (
                      <Text size="xs" c="dimmed">
                        {a.assessor}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{a.level}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {t(`asm.source.${a.source}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollBox>
      )}
    </QueryState>
  );
}
