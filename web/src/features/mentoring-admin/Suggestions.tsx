/** Suggestions for one mentee: the ranked mentors, each score with its parts as small bars, and "propose" on one. */
import { Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { EmployeePicker, type PickedEmployee } from '../assessments/EmployeePicker';
import { ScrollTable } from '../national/ScrollTable';
import { usePropose, useSuggestions } from './queries';
import { decimal, ScoreParts } from './ScoreParts';

export function Suggestions({ tenant }: { tenant: string | undefined }) {
  const { t } = useI18n();
  const [mentee, setMentee] = useState<PickedEmployee | null>(null);
  const suggestions = useSuggestions(tenant, mentee?.id);
  const propose = usePropose(tenant);
  // One key per pair: a retried click proposes nothing twice.
  const [keys] = useState(() => new Map<string, string>());
  const keyOf = (pair: string) => {
    if (!keys.has(pair)) keys.set(pair, crypto.randomUUID());
    return keys.get(pair) as string;
  };
  return (
    <Stack>
      <EmployeePicker
        tenant={tenant}
        value={mentee}
        onChange={(e) => {
          propose.reset();
          setMentee(e);
        }}
      />
      {mentee ? (
        <QueryState query={suggestions} isEmpty={(d) => d.items.length === 0} empty={<Text size="sm">{t('mentoring.suggest.none')}</Text>}>
          {(d) => (
            <ScrollTable label={t('mentoring.suggest.ranked', { name: mentee.label })} minWidth={560}>
              <Table fz="sm" verticalSpacing={4} data-testid="suggestions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('mentoring.mentor')}</Table.Th>
                    <Table.Th scope="col">{t('mentoring.match.score')}</Table.Th>
                    <Table.Th scope="col">{t('mentoring.suggest.remaining')}</Table.Th>
                    <Table.Th scope="col">{t('mentoring.profile.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.items.map((s) => {
                    const done = propose.isSuccess && propose.data.mentorId === s.mentorId && propose.data.menteeId === mentee.id;
                    return (
                      <Table.Tr key={s.mentorId} data-testid="suggestion">
                        <Table.Td>{s.name}</Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            {decimal(s.score)}
                          </Text>
                          <ScoreParts values={s.parts} />
                        </Table.Td>
                        <Table.Td>{s.remaining}</Table.Td>
                        <Table.Td>
                          {done ? (
                            <Text size="sm" role="status">
                              {t('mentoring.suggest.proposed')}
                            </Text>
                          ) : (
                            <Button
                              size="xs"
                              variant="light"
                              loading={propose.isPending && propose.variables?.mentorId === s.mentorId}
                              disabled={propose.isSuccess}
                              aria-label={t('mentoring.suggest.proposeTo', { name: s.name })}
                              onClick={() =>
                                propose.mutate({ mentorId: s.mentorId, menteeId: mentee.id, key: keyOf(`${s.mentorId}/${mentee.id}`) })
                              }
                            >
                              {t('mentoring.suggest.propose')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </QueryState>
      ) : null}
      {propose.error ? <ProblemAlert error={propose.error} /> : null}
    </Stack>
  );
}
