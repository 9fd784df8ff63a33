/** A pairing's goals: tick one done (or open again), add one while the pairing is open. */
import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { formatDay } from '../../lib/format';
import { pairingKeys, useAddGoal, useGoals, useSetGoalStatus } from './queries';

export function GoalsList({ tenant, pairingId, editable }: { tenant: string | undefined; pairingId: string; editable: boolean }) {
  const { t, language } = useI18n();
  const goals = useGoals(tenant, pairingId);
  const add = useAddGoal(tenant, pairingId);
  const setStatus = useSetGoalStatus(tenant, pairingId);
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  return (
    <Stack gap="sm">
      {setStatus.isError ? (
        <ProblemAlert
          error={setStatus.error}
          onReload={() => void queryClient.invalidateQueries({ queryKey: pairingKeys.goals(pairingId) }).then(() => setStatus.reset())}
        />
      ) : null}
      <QueryState query={goals} isEmpty={(d) => d.items.length === 0} empty={t('goals.empty')}>
        {(page) => (
          <Stack gap={6}>
            {page.items.map((goal) => (
              <Group key={goal.id} justify="space-between" wrap="nowrap">
                <Checkbox
                  label={goal.title}
                  checked={goal.status === 'done'}
                  disabled={!editable || goal.status === 'dropped' || setStatus.isPending}
                  onChange={(e) => setStatus.mutate({ goal, status: e.currentTarget.checked ? 'done' : 'open' })}
                />
                {goal.dueDate ? (
                  <Text size="xs" c="dimmed">
                    {formatDay(goal.dueDate, language)}
                  </Text>
                ) : null}
              </Group>
            ))}
          </Stack>
        )}
      </QueryState>
      {editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) add.mutate({ title: title.trim() }, { onSuccess: () => setTitle('') });
          }}
        >
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t('goals.new')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={300}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="light" loading={add.isPending} disabled={!title.trim()}>
              {t('goals.add')}
            </Button>
          </Group>
          {add.isError ? <ProblemAlert error={add.error} /> : null}
        </form>
      ) : null}
    </Stack>
  );
}
