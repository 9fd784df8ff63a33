/** One competency × the people of a unit: a new level to record for each person. */
import { NativeSelect, Table, Text } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { ScrollBox } from '../dashboard/ScrollBox';
import { levelOptions } from './Entry';
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
  const people = useUnitPeople(tenant, unitId);
  return (
    <QueryState query={people} lines={4} isEmpty={(p) => p.items.length === 0} empty={t('asm.noPeople')}>
      {(p) => (
        <ScrollBox label={t('asm.tab.unit')}>
          <Table fz="sm" verticalSpacing={4} data-testid="unit-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('asm.employee')}</Table.Th>
                <Table.Th scope="col">{t('asm.levelOf', { name: competencyName })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Text size="sm">{e.name}</Text>
                    <Text size="xs" c="dimmed">
                      {e.nip}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('asm.levelFor', { name: e.name })}
                      data={levelOptions('–')}
                      value={levels[e.id] ?? ''}
                      onChange={(ev) => onLevel(e.id, ev.currentTarget.value)}
                      error={errors.get(e.id)}
                      w={80}
                    />
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
