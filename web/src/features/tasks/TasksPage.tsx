/**
 * Tugas saya: L1 forms for completed trainings, L3 forms for direct reports, pairing feedback and
 * pairing proposals to answer as mentor, soonest due first, each with its due date.
 */
import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { useMe, useTenantClock } from '../../lib/api/caller';
import { formatDay } from '../../lib/format';
import { ProposalAnswer } from './ProposalAnswer';
import { useProposals, useWaiting } from './queries';
import { RatingForm } from './RatingForm';
import { ReactionForm } from './ReactionForm';
import { type Task, tasksInOrder } from './tasks';

const kindColor: Record<Task['kind'], string> = { reaction: 'teal', behaviour: 'grape', mentoring: 'blue', proposal: 'orange' };

export function TasksPage() {
  const { t } = useI18n();
  const me = useMe();
  const { slug } = useTenantClock();
  const waiting = useWaiting();
  const proposals = useProposals(me.data?.employee?.id);
  const [current, setCurrent] = useState<Task>();
  const loading = waiting.isPending || (proposals.isPending && proposals.fetchStatus !== 'idle');
  const tasks = tasksInOrder(waiting.data?.items ?? [], proposals.data ?? []);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('tasks.title')}
      </Title>
      {waiting.isError ? <ProblemAlert error={waiting.error} /> : null}
      {proposals.isError ? <ProblemAlert error={proposals.error} /> : null}
      {loading ? (
        <Stack aria-busy="true">
          <VisuallyHidden>{t('state.loading')}</VisuallyHidden>
          <Skeleton height={80} />
          <Skeleton height={80} />
        </Stack>
      ) : tasks.length === 0 ? (
        <Card withBorder>
          <Text>{t('tasks.empty')}</Text>
        </Card>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {tasks.map((task) => (
            <Card key={task.key} withBorder radius="md" component="li">
              <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
                <div>
                  <Badge color={kindColor[task.kind]} variant="light" mb={4}>
                    {t(`tasks.kind.${task.kind}` as const)}
                  </Badge>
                  <Text fw={600}>{task.kind === 'proposal' ? t(`pairing.kind.${task.pairing.kind}` as const) : task.title}</Text>
                  <DueLine task={task} />
                </div>
                {task.kind === 'proposal' ? (
                  <ProposalAnswer tenant={slug} pairingId={task.pairing.id} />
                ) : (
                  <Button size="sm" disabled={!task.open} onClick={() => setCurrent(task)}>
                    {t('tasks.fill')}
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <Dialog opened={current !== undefined} onClose={() => setCurrent(undefined)} title={current ? current.title : ''} centered size="lg">
        {current?.kind === 'reaction' && current.item.enrollmentId ? (
          <ReactionForm tenant={slug} enrollmentId={current.item.enrollmentId} onDone={() => setCurrent(undefined)} />
        ) : null}
        {current?.kind === 'behaviour' && current.item.enrollmentId ? (
          <RatingForm tenant={slug} kind="behaviour" id={current.item.enrollmentId} onDone={() => setCurrent(undefined)} />
        ) : null}
        {current?.kind === 'mentoring' && current.item.pairingId ? (
          <RatingForm tenant={slug} kind="mentoring" id={current.item.pairingId} onDone={() => setCurrent(undefined)} />
        ) : null}
      </Dialog>
    </Stack>
  );
}

function DueLine({ task }: { task: Task }) {
  const { t, language } = useI18n();
  if (task.kind === 'proposal')
    return (
      <>
        <Text size="sm">{t('pairing.with', { name: task.pairing.menteeName })}</Text>
        {task.pairing.note ? (
          <Text size="sm" c="dimmed">
            {task.pairing.note}
          </Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('tasks.proposalWaits')}
        </Text>
      </>
    );
  if (!task.open)
    return (
      <Text size="sm" c="dimmed">
        {t('tasks.opensOn', { date: formatDay(task.opensOn, language) })}
      </Text>
    );
  return <Text size="sm">{t('tasks.dueOn', { date: formatDay(task.dueOn, language) })}</Text>;
}
