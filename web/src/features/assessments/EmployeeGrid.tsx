/** One employee × the competencies of their standard: required and current level, and a new level to record for each. */
import { Table } from '@mantine/core';
import { useI18n } from '../../i18n';
import { GridTable, LevelCell, NameCell } from './GridTable';
import { useEmployeeGaps } from './queries';

export function EmployeeGrid({
  tenant,
  employeeId,
  levels,
  onLevel,
  errors,
}: {
  tenant: string | undefined;
  employeeId: string;
  levels: Record<string, string>;
  onLevel: (competencyId: string, level: string) => void;
  errors: Map<string, string>;
}) {
  const { t } = useI18n();
  return (
    <GridTable
      query={useEmployeeGaps(tenant, employeeId)}
      empty={t('asm.noStandard')}
      label={t('asm.tab.employee')}
      testId="assessment-grid"
      headers={[t('asm.competency'), t('asm.required'), t('asm.current'), t('asm.newLevel')]}
    >
      {(item) => (
        <Table.Tr key={item.competencyId} data-testid="assessment-row" data-competency={item.code}>
          <NameCell name={item.name} detail={item.code} />
          <Table.Td>{item.required}</Table.Td>
          <Table.Td data-testid="current-level">{item.current ?? t('asm.unassessed')}</Table.Td>
          <LevelCell id={item.competencyId} name={item.name} levels={levels} onLevel={onLevel} errors={errors} />
        </Table.Tr>
      )}
    </GridTable>
  );
}
