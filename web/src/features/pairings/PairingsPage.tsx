/** Pendampingan: the caller's pairings as mentor or mentee, newest first by status. */
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { useMe, useTenantClock } from '../../lib/api/caller';
import { formatInstantDay } from '../../lib/format';
import { type Pairing, useMyPairings } from './queries';

export const pairingStatusColor: Record<Pairing['status'], string> = {
  proposed: 'orange',
  active: 'teal',
  completed: 'green',
  cancelled: 'gray',
};

export function PairingsPage() {
  const { t, language } = useI18n();
  const me = useMe();
  const { timeZone } = useTenantClock();
  const pairings = useMyPairings();
  const myId = me.data?.employee?.id;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('pairings.title')}
      </Title>
      <QueryState query={pairings} isEmpty={(d) => d.items.length === 0} empty={t('pairings.empty')}>
        {(page) => (
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {page.items.map((pairing) => (
              <Card key={pairing.id} withBorder component="li">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div>
                    <Anchor component={Link} to={`/pendampingan/${pairing.id}`} fw={600}>
                      {t(`pairing.kind.${pairing.kind}` as const)} ·{' '}
                      {pairing.mentorId === myId ? t('pairing.asMentor') : t('pairing.asMentee')}
                    </Anchor>
                    <Text size="sm">
                      {t('pairing.with', { name: pairing.mentorId === myId ? pairing.menteeName : pairing.mentorName })}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('pairing.since', {
                        date: formatInstantDay(pairing.acceptedAt ?? pairing.createdAt, timeZone, language),
                      })}
                    </Text>
                  </div>
                  <Badge color={pairingStatusColor[pairing.status]} variant="light">
                    {t(`pairing.status.${pairing.status}` as const)}
                  </Badge>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
