/**
 * Pendampingan (admin) (/admin/pendampingan): whole-pool matching for a selection of mentees —
 * the proposed assignment reviewed (MatchReview.tsx) and published all at once —; suggestions for
 * one mentee; the pairings by status; coaching pairs with supervisors; and the mentor profiles.
 */
import { Badge, Button, CloseButton, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { EmployeePicker, type PickedEmployee } from '../assessments/EmployeePicker';
import { Coaching } from './Coaching';
import { MatchReview } from './MatchReview';
import { MentorProfiles } from './MentorProfiles';
import { type PairingStatus, useMatch, useMentors, usePairingsByStatus } from './queries';
import { Suggestions } from './Suggestions';

const statuses: PairingStatus[] = ['proposed', 'active', 'completed', 'cancelled'];

function Matching({ tenant }: { tenant: string | undefined }) {
  const { t } = useI18n();
  const mentors = useMentors(tenant);
  const match = useMatch(tenant);
  const [mentees, setMentees] = useState<PickedEmployee[]>([]);
  // Each run is reviewed afresh: its own removals and its own Idempotency-Key.
  const [run, setRun] = useState(0);
  const mentorName = new Map((mentors.data?.items ?? []).map((m) => [m.employeeId, m.name]));
  const menteeName = new Map(mentees.map((m) => [m.id, m.label]));
  const start = () => {
    setRun(run + 1);
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
        <Button onClick={start} loading={match.isPending} disabled={mentees.length === 0}>
          {t('mentoring.match.run', { count: mentees.length })}
        </Button>
      </Group>
      {match.error ? <ProblemAlert error={match.error} /> : null}
      {match.data ? (
        <MatchReview
          key={run}
          tenant={tenant}
          result={match.data}
          menteeName={(id) => menteeName.get(id) ?? id}
          mentorName={(id) => mentorName.get(id) ?? id}
        />
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
      <Section title={t('mentoring.suggest.title')} id="suggest">
        <Suggestions tenant={slug} />
      </Section>
      <Section title={t('mentoring.board.title')} id="board">
        <Board tenant={slug} />
      </Section>
      <Section title={t('mentoring.coaching.title')} id="coaching">
        <Coaching tenant={slug} />
      </Section>
      <Section title={t('mentoring.mentors.title')} id="mentors">
        <MentorProfiles tenant={slug} />
      </Section>
    </Stack>
  );
}
