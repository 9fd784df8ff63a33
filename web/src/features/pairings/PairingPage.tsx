/**
 * One pairing: who the caller is in it, its status and focus; the sessions with a form to log one
 * (while active), each confirmed or waiting for the other member's "Konfirmasi" (only confirmed
 * minutes earn JP); the goals; answering a proposal as mentor; a pointer to the end-of-pairing
 * feedback in Tugas saya once it is completed.
 */
import { Anchor, Badge, Button, Collapse, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { Section } from '../../components/Section';
import { useI18n } from '../../i18n';
import { useMe, useTenantClock } from '../../lib/api/caller';
import { formatDay } from '../../lib/format';
import { ProposalAnswer } from '../tasks/ProposalAnswer';
import { GoalsList } from './GoalsList';
import { pairingStatusColor } from './PairingsPage';
import { type MentoringSession, useConfirmSession, usePairing, useSessions } from './queries';
import { SessionForm } from './SessionForm';

export function PairingPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const me = useMe();
  const { slug, timeZone } = useTenantClock();
  const pairing = usePairing(slug, id);
  const myId = me.data?.employee?.id;
  return (
    <QueryState query={pairing} lines={6}>
      {(p) => {
        const asMentor = p.mentorId === myId;
        return (
          <Stack gap="md">
            <Anchor component={Link} to="/pendampingan" size="sm">
              ← {t('pairings.title')}
            </Anchor>
            <Group justify="space-between" wrap="wrap">
              <Title order={1} size="h2">
                {t(`pairing.kind.${p.kind}` as const)} · {asMentor ? t('pairing.asMentor') : t('pairing.asMentee')}
              </Title>
              <Badge color={pairingStatusColor[p.status]} size="lg" variant="light">
                {t(`pairing.status.${p.status}` as const)}
              </Badge>
            </Group>
            <Text>{t('pairing.with', { name: asMentor ? p.menteeName : p.mentorName })}</Text>
            {p.note ? <Text size="sm">{p.note}</Text> : null}
            {p.status === 'proposed' && asMentor ? (
              <Section title={t('proposal.title')}>
                <ProposalAnswer tenant={slug} pairingId={p.id} />
              </Section>
            ) : null}
            {p.status === 'completed' ? (
              <Text size="sm">
                {t('pairing.feedbackIn')}{' '}
                <Anchor component={Link} to="/tugas">
                  {t('nav.tasks')}
                </Anchor>
              </Text>
            ) : null}
            <SessionsSection tenant={slug} pairingId={p.id} timeZone={timeZone} active={p.status === 'active'} myId={myId} />
            <Section title={t('goals.title')} id="goals">
              <GoalsList tenant={slug} pairingId={p.id} editable={p.status === 'active' || p.status === 'proposed'} />
            </Section>
          </Stack>
        );
      }}
    </QueryState>
  );
}

function SessionsSection({
  tenant,
  pairingId,
  timeZone,
  active,
  myId,
}: {
  tenant: string | undefined;
  pairingId: string;
  timeZone: string;
  active: boolean;
  myId: string | undefined;
}) {
  const { t, language } = useI18n();
  const sessions = useSessions(tenant, pairingId);
  const confirm = useConfirmSession(tenant, pairingId);
  const [opened, { toggle, close }] = useDisclosure();
  const canLog = active;
  // The member who did not record a session confirms it (one recorded before confirmations names nobody: the admin's).
  const canConfirm = (s: MentoringSession) => active && s.status === 'unconfirmed' && s.recorderId !== null && s.recorderId !== myId;
  return (
    <Section
      title={t('sessions.title')}
      id="sessions"
      action={
        canLog ? (
          <Button size="xs" variant="light" onClick={toggle} aria-expanded={opened}>
            {t('sessions.log')}
          </Button>
        ) : null
      }
    >
      <Collapse expanded={opened}>
        <SessionForm tenant={tenant} pairingId={pairingId} timeZone={timeZone} onDone={close} />
      </Collapse>
      <QueryState query={sessions} isEmpty={(d) => d.items.length === 0} empty={canLog ? t('sessions.emptyActive') : t('sessions.empty')}>
        {(page) => {
          const total = page.items.reduce((sum, s) => sum + s.minutes, 0);
          const confirmed = page.items.filter((s) => s.status === 'confirmed').reduce((sum, s) => sum + s.minutes, 0);
          return (
            <>
              <Text size="sm" mt="sm" data-testid="confirmed-minutes">
                {t('sessions.confirmedSummary', { confirmed, total })}
              </Text>
              <Text size="xs" c="dimmed">
                {t('sessions.jpRule')}
              </Text>
              {confirm.isError ? <ProblemAlert error={confirm.error} /> : null}
              <Timeline bulletSize={14} lineWidth={2} mt="sm">
                {page.items.map((session) => (
                  <Timeline.Item
                    key={session.id}
                    data-testid="session"
                    title={`${formatDay(session.date, language)} · ${t('sessions.minutes', { minutes: session.minutes })}`}
                  >
                    <Group gap="xs" my={4}>
                      <Badge size="sm" variant="light" color={session.status === 'confirmed' ? 'teal' : 'gray'}>
                        {t(session.status === 'confirmed' ? 'sessions.confirmed' : 'sessions.unconfirmed')}
                      </Badge>
                      {canConfirm(session) ? (
                        <Button
                          size="compact-sm"
                          variant="light"
                          loading={confirm.isPending && confirm.variables === session.id}
                          onClick={() => confirm.mutate(session.id)}
                          aria-label={t('sessions.confirmFor', { date: formatDay(session.date, language), minutes: session.minutes })}
                        >
                          {t('sessions.confirm')}
                        </Button>
                      ) : null}
                    </Group>
                    {session.notes ? (
                      <Text size="sm" c="dimmed">
                        {session.notes}
                      </Text>
                    ) : null}
                  </Timeline.Item>
                ))}
              </Timeline>
            </>
          );
        }}
      </QueryState>
    </Section>
  );
}
