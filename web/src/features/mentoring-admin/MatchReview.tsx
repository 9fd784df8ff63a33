/**
 * The proposed assignment of a whole-pool matching, reviewed before anything is written: each
 * pair with its score and the score's parts as small bars, pairs removed, and the rest published
 * in one call — all proposed or none, the problem naming the pair that lost its place. One
 * Idempotency-Key per review: a retried submit proposes nothing twice.
 */
import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { ScrollTable } from '../national/ScrollTable';
import { type MatchResult, usePublish } from './queries';
import { decimal, ScoreParts } from './ScoreParts';

export function MatchReview({
  tenant,
  result,
  menteeName,
  mentorName,
}: {
  tenant: string | undefined;
  result: MatchResult;
  menteeName: (id: string) => string;
  mentorName: (id: string) => string;
}) {
  const { t } = useI18n();
  const publish = usePublish(tenant);
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  const [key] = useState(() => crypto.randomUUID());
  const kept = result.proposals.filter((p) => !removed.has(p.menteeId));
  return (
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
                <Table.Td>{menteeName(p.menteeId)}</Table.Td>
                <Table.Td>{mentorName(p.mentorId)}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {decimal(p.score)}
                  </Text>
                  <ScoreParts values={p.parts} />
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    disabled={publish.isSuccess || publish.isPending}
                    onClick={() => {
                      publish.reset();
                      setRemoved(new Set([...removed, p.menteeId]));
                    }}
                    aria-label={t('mentoring.match.removePair', { name: menteeName(p.menteeId) })}
                  >
                    {t('mentoring.match.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {result.unmatched.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('mentoring.match.unmatched', { names: result.unmatched.map(menteeName).join(', ') })}
        </Text>
      ) : null}
      <Group>
        <Button
          disabled={kept.length === 0 || publish.isSuccess}
          loading={publish.isPending}
          onClick={() => publish.mutate({ key, pairs: kept.map((p) => ({ mentorId: p.mentorId, menteeId: p.menteeId })) })}
        >
          {t('mentoring.match.publish', { count: kept.length })}
        </Button>
      </Group>
      {publish.isSuccess ? (
        <Text size="sm" role="status">
          {t('mentoring.match.published', { count: publish.data.items.length })}
        </Text>
      ) : null}
      {publish.error ? <ProblemAlert error={publish.error} /> : null}
    </Stack>
  );
}
