/** Coaching pairs (each employee with their own supervisor): the list, and proposals for picked employees. */
import { Badge, Button, CloseButton, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { EmployeePicker, type PickedEmployee } from '../assessments/EmployeePicker';
import { ScrollTable } from '../national/ScrollTable';
import { useCoaching, useProposeCoaching } from './queries';

export function Coaching({ tenant }: { tenant: string | undefined }) {
  const { t } = useI18n();
  const coaching = useCoaching(tenant);
  const propose = useProposeCoaching(tenant);
  const [picked, setPicked] = useState<PickedEmployee[]>([]);
  const label = new Map(picked.map((p) => [p.id, p.label]));
  return (
    <Stack>
      <Text size="sm">{t('mentoring.coaching.intro')}</Text>
      <EmployeePicker
        tenant={tenant}
        value={null}
        onChange={(e) => {
          if (e && !picked.some((p) => p.id === e.id)) setPicked([...picked, e]);
        }}
      />
      {picked.length > 0 ? (
        <Group gap="xs">
          {picked.map((p) => (
            <Badge
              key={p.id}
              variant="light"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('mentoring.match.dropMentee', { name: p.label })}
                  onClick={() => setPicked(picked.filter((x) => x.id !== p.id))}
                />
              }
            >
              {p.label}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Group>
        <Button
          variant="light"
          disabled={picked.length === 0}
          loading={propose.isPending}
          onClick={() =>
            propose.mutateAsync(picked.map((p) => p.id)).then(
              () => setPicked([]),
              () => undefined,
            )
          }
        >
          {t('mentoring.coaching.propose', { count: picked.length })}
        </Button>
      </Group>
      {propose.data ? (
        <Text size="sm" role="status">
          {t('mentoring.coaching.proposed', { count: propose.data.proposals.filter((p) => p.pairingId !== null).length })}
          {propose.data.unmatched.length > 0
            ? ` ${t('mentoring.coaching.noSupervisor', { names: propose.data.unmatched.map((id) => label.get(id) ?? id).join(', ') })}`
            : ''}
        </Text>
      ) : null}
      {propose.error ? <ProblemAlert error={propose.error} /> : null}
      <QueryState query={coaching} isEmpty={(d) => d.items.length === 0} empty={<Text size="sm">{t('mentoring.coaching.empty')}</Text>}>
        {(d) => (
          <ScrollTable label={t('mentoring.coaching.title')} minWidth={480}>
            <Table fz="sm" verticalSpacing={4} data-testid="coaching">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('mentoring.mentee')}</Table.Th>
                  <Table.Th scope="col">{t('mentoring.coaching.supervisor')}</Table.Th>
                  <Table.Th scope="col">{t('mentoring.mentors.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.menteeName}</Table.Td>
                    <Table.Td>{p.mentorName}</Table.Td>
                    <Table.Td>{t(`mentoring.status.${p.status}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </QueryState>
    </Stack>
  );
}
