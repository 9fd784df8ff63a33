/** One employee × the competencies of their standard: required and current level, and a new level to record for each. */
import { NativeSelect, Table, Text } from '@mantine/core';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { ScrollBox } from '../dashboard/ScrollBox';
import { levelOptions } from './Entry';
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
  const gaps = useEmployeeGaps(tenant, employeeId);
  return (
    <QueryState query={gaps} lines={4} isEmpty={(g) => g.items.length === 0} empty={t('asm.noStandard')}>
      {(g) => (
        <ScrollBox label={t('asm.tab.employee')}>
          <Table fz="sm" verticalSpacing={4} data-testid="assessment-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('asm.competency')}</Table.Th>
                <Table.Th scope="col">{t('asm.required')}</Table.Th>
                <Table.Th scope="col">{t('asm.current')}</Table.Th>
                <Table.Th scope="col">{t('asm.newLevel')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {g.items.map((item) => (
                <Table.Tr key={item.competencyId} data-testid="assessment-row" data-competency={item.code}>
                  <Table.Td>
                    <Text size="sm">{item.name}</Text>
                    <Text size="xs" c="dimmed">
                      {item.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{item.required}</Table.Td>
                  <Table.Td data-testid="current-level">{item.current ?? t('asm.unassessed')}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('asm.levelFor', { name: item.name })}
                      data={levelOptions('–')}
                      value={levels[item.competencyId] ?? ''}
                      onChange={(e) => onLevel(item.competencyId, e.currentTarget.value)}
                      error={errors.get(item.competencyId)}
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
