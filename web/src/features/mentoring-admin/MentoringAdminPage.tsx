/**
 * Pendampingan (admin) (/admin/pendampingan): the mentor profiles; whole-pool matching for a
 * selection of mentees — the proposed assignment with each score's parts as small bars, pairs
 * removed before publishing, the rest proposed to their mentors —; and the pairings by status.
 */
import { Badge, Button, CloseButton, Group, Progress, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { EmployeePicker, type PickedEmployee } from '../assessments/EmployeePicker';
import { ScrollTable } from '../national/ScrollTable';
import { type PairingStatus, type Proposal, useMatch, useMentors, usePairingsByStatus, usePublish } from './queries';

const statuses: PairingStatus[] = ['proposed', 'active', 'completed', 'cancelled'];
const parts = ['fit', 'capacity', 'unit'] as const;

function Mentors({ tenant }: { tenant: string | undefined }) {
  const { t } = useI18n();
  const mentors = useMentors(tenant);
  return (
    <QueryState query={mentors} isEmpty={(d) => d.items.length === 0} empty={<Text size="sm">{t('mentoring.mentors.empty')}</Text>}>
      {(d) => (
        <ScrollTable label={t('mentoring.mentors.title')} minWidth={480}>
          <Table fz="sm" verticalSpacing={4} data-testid="mentors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mentoring.mentor')}</Table.Th>
                <Table.Th scope="col">{t('mentoring.mentors.capacity')}</Table.Th>
                <Table.Th scope="col">{t('mentoring.mentors.status')}</Table.Th>
                <Table.Th scope="col">{t('mentoring.mentors.availability')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{m.capacity}</Table.Td>
                  <Table.Td>{t(`mentoring.mentors.${m.status}`)}</Table.Td>
                  <Table.Td>{m.availability ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </QueryState>
  );
}

/** A score's parts (each 0–1) as small bars with their figures. */
function ScoreParts({ proposal }: { proposal: Proposal }) {
  const { t } = useI18n();
  if (!proposal.parts) return null;
  const values = proposal.parts;
  return (
    <Stack gap={2}>
      {parts.map((p) => (
        <Group key={p} gap={6} wrap="nowrap">
          <Text size="xs" w={70}>
            {t(`mentoring.part.${p}`)}
          </Text>
          <Progress value={values[p] * 100} w={80} size="sm" aria-label={t(`mentoring.part.${p}`)} />
          <Text size="xs">{values[p].toFixed(2).replace('.', ',')}</Text>
        </Group>
      ))}
    </Stack>
  );
}

function Matching({ tenant }: { tenant: string | undefined }) {
  const { t } = useI18n();
  const mentors = useMentors(tenant);
  const match = useMatch(tenant);
  const publish = usePublish(tenant);
  const [mentees, setMentees] = useState<PickedEmployee[]>([]);
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [keys] = useState(() => new Map<string, string>());
  const mentorName = new Map((mentors.data?.items ?? []).map((m) => [m.employeeId, m.name]));
  const menteeName = new Map(mentees.map((m) => [m.id, m.label]));
  const kept = (match.data?.proposals ?? []).filter((p) => !removed.has(p.menteeId));
  const keyOf = (p: Proposal) => {
    const k = `${p.mentorId}/${p.menteeId}`;
    if (!keys.has(k)) keys.set(k, crypto.randomUUID());
    return keys.get(k) as string;
  };
  const run = () => {
    setRemoved(new Set());
    publish.reset();
    match.mutate(mentees.map((m) => m.id));
  };
  return (
    <Stack>
      <Text size="sm">{t('mentoring.match.intro')}</Text>
      <EmployeePicker
        tenant={tenant}
        value={null}
        onChange={(e) => {
          if (e && !mentees.some((m) => m.id === e.id)) setMentees([...mentees, e]);
        }}
      />
      {mentees.length > 0 ? (
        <Group gap="xs" data-testid="mentees">
          {mentees.map((m) => (
            <Badge
              key={m.id}
              variant="light"
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('mentoring.match.dropMentee', { name: m.label })}
                  onClick={() => setMentees(mentees.filter((x) => x.id !== m.id))}
                />
              }
            >
              {m.label}
            </Badge>
          ))}
        </Group>
      ) : null}
      <Group>
        <Button onClick={run} loading={match.isPending} disabled={mentees.length === 0}>
          {t('mentoring.match.run', { count: mentees.length })}
        </Button>
      </Group>
      {match.error ? <ProblemAlert error={match.error} /> : null}
      {match.data ? (
        <Stack>
          <ScrollTable label={t('mentoring.match.proposals')} minWidth={560}>
            <Table fz="sm" verticalSpacing={4} data-testid="proposals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('mentoring.mentee')}</Table.Th>
                  <Table.Th scope="col">{t('mentoring.mentor')}</Table.Th>
                  <Table.Th scope="col">{t('mentoring.match.score')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('mentoring.match.remove')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {kept.map((p) => (
                  <Table.Tr key={p.menteeId} data-testid="proposal">
                    <Table.Td>{menteeName.get(p.menteeId) ?? p.menteeId}</Table.Td>
                    <Table.Td>{mentorName.get(p.mentorId) ?? p.mentorId}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {p.score.toFixed(2).replace('.', ',')}
                      </Text>
                      <ScoreParts proposal={p} />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        disabled={publish.isSuccess}
                        onClick={() => setRemoved(new Set([...removed, p.menteeId]))}
                        aria-label={t('mentoring.match.removePair', { name: menteeName.get(p.menteeId) ?? p.menteeId })}
                      >
                        {t('mentoring.match.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          {match.data.unmatched.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('mentoring.match.unmatched', { names: match.data.unmatched.map((id) => menteeName.get(id) ?? id).join(', ') })}
            </Text>
          ) : null}
          <Group>
            <Button
              disabled={kept.length === 0 || publish.isSuccess}
              loading={publish.isPending}
              onClick={() => publish.mutate(kept.map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId, key: keyOf(p) })))}
            >
              {t('mentoring.match.publish', { count: kept.length })}
            </Button>
          </Group>
          {publish.isSuccess ? (
            <Text size="sm" role="status">
              {t('mentoring.match.published', { count: publish.data.length })}
            </Text>
          ) : null}
          {publish.error ? <ProblemAlert error={publish.error} /> : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

function Board({ tenant }: { tenant: string | undefined }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      {statuses.map((s) => (
        <BoardColumn key={s} tenant={tenant} status={s} />
      ))}
    </SimpleGrid>
  );
}

function BoardColumn({ tenant, status }: { tenant: string | undefined; status: PairingStatus }) {
  const { t } = useI18n();
  const pairings = usePairingsByStatus(tenant, status);
  return (
    <Stack gap={4} data-testid={`board-${status}`}>
      <Title order={3} size="h5">
        {t(`mentoring.status.${status}`)} {pairings.data ? `(${pairings.data.items.length})` : ''}
      </Title>
      <QueryState query={pairings} isEmpty={(d) => d.items.length === 0} empty={<Text size="xs">–</Text>}>
        {(d) => (
          <Stack gap={2}>
            {d.items.map((p) => (
              <Text size="xs" key={p.id}>
                {t('mentoring.board.pair', { mentee: p.menteeName, mentor: p.mentorName })}
                {p.kind === 'coaching' ? ` · ${t('mentoring.kind.coaching')}` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

export function MentoringAdminPage() {
  const { t } = useI18n();
  const { slug } = useTenantClock();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('mentoring.title')}
      </Title>
      <Section title={t('mentoring.match.title')} id="match">
        <Matching tenant={slug} />
      </Section>
      <Section title={t('mentoring.board.title')} id="board">
        <Board tenant={slug} />
      </Section>
      <Section title={t('mentoring.mentors.title')} id="mentors">
        <Mentors tenant={slug} />
      </Section>
    </Stack>
  );
}
