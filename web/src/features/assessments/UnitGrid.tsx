/** One competency × the people of a unit: a new level to record for each person. */
import { Table } from '@mantine/core';
import { useI18n } from '../../i18n';
import { GridTable, LevelCell, NameCell } from './GridTable';
import { useUnitPeople } from './queries';

export function UnitGrid({
  tenant,
  unitId,
  competencyName,
  levels,
  onLevel,
  errors,
}: {
  tenant: string | undefined;
  unitId: string;
  competencyName: string;
  levels: Record<string, string>;
  onLevel: (employeeId: string, level: string) => void;
  errors: Map<string, string>;
}) {
  const { t } = useI18n();
  return (
    <GridTable
      query={useUnitPeople(tenant, unitId)}
      empty={t('asm.noPeople')}
      label={t('asm.tab.unit')}
      testId="unit-grid"
      headers={[t('asm.employee'), t('asm.levelOf', { name: competencyName })]}
    >
      {(e) => (
        <Table.Tr key={e.id}>
          <NameCell name={e.name} detail={e.nip} />
          <LevelCell id={e.id} name={e.name} levels={levels} onLevel={onLevel} errors={errors} />
        </Table.Tr>
      )}
    </GridTable>
  );
}
