/** A person's assessments, newest first: competency, level, source, date, assessor. */
import { Badge, Table } from '@mantine/core';
import { useI18n } from '../../i18n';
import { formatDay } from '../../lib/format';
import type { Competency } from '../organisation/queries';
import { GridTable, NameCell } from './GridTable';
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
  const nameOf = (id: string) => competencies.find((c) => c.id === id)?.name ?? id;
  return (
    <GridTable
      query={useAssessmentHistory(tenant, employeeId)}
      empty={t('asm.noHistory')}
      label={t('asm.tab.history')}
      testId="assessment-history"
      headers={[t('asm.date'), t('asm.competency'), t('asm.level'), t('asm.source')]}
    >
      {(a) => (
        <Table.Tr key={a.id}>
          <Table.Td>{formatDay(a.date, language)}</Table.Td>
          <NameCell name={nameOf(a.competencyId)} detail={a.assessor} />
          <Table.Td>{a.level}</Table.Td>
          <Table.Td>
            <Badge variant="light" color="gray">
              {t(`asm.source.${a.source}`)}
            </Badge>
          </Table.Td>
        </Table.Tr>
      )}
    </GridTable>
  );
}
