/**
 * Pengiriman notifikasi (/admin/notifikasi): the tenant admin sees every notification e-mail with
 * its recipient, status, attempts and last problem, newest first, by status, twenty at a time;
 * a failed or sent one is resent after a confirmation, and the answer (sent, or failed again and
 * left for the retries) is shown.
 */
import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatInstant } from '../../lib/format';
import { type Delivery, type DeliveryStatus, deliveryStatuses, useDeliveries, useResend } from './admin-queries';

const statusColor: Record<DeliveryStatus, string> = {
  menunggu: 'orange',
  mengirim: 'blue',
  terkirim: 'teal',
  gagal: 'red',
  dilewati: 'gray',
};

function Resend({ delivery, tenant, onDone }: { delivery: Delivery; tenant: string | undefined; onDone: (d: Delivery) => void }) {
  const { t } = useI18n();
  const resend = useResend(tenant);
  // One decision to resend, from opening the confirmation: retries of it share its Idempotency-Key.
  const [asking, setAsking] = useState<string | null>(null);
  if (delivery.status !== 'gagal' && delivery.status !== 'terkirim') return null;
  const email = delivery.recipient.email ?? '';
  return (
    <Stack gap={4}>
      {asking ? (
        <>
          <Text size="xs">{t('deliveries.confirmResend', { email })}</Text>
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              loading={resend.isPending}
              onClick={() =>
                resend.mutate(
                  { id: delivery.id, attempt: asking },
                  {
                    onSuccess: (d) => {
                      setAsking(null);
                      onDone(d);
                    },
                  },
                )
              }
            >
              {t('deliveries.confirm')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setAsking(null)}>
              {t('form.cancel')}
            </Button>
          </Group>
        </>
      ) : (
        <Button size="xs" variant="light" onClick={() => setAsking(crypto.randomUUID())}>
          {t('deliveries.resend')}
        </Button>
      )}
      {resend.isError ? <ProblemAlert error={resend.error} /> : null}
    </Stack>
  );
}

export function DeliveriesPage() {
  const { t, language } = useI18n();
  const { slug, timeZone } = useTenantClock();
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [done, setDone] = useState<Delivery | null>(null);
  const deliveries = useDeliveries(slug, status);
  const at = (iso: string) => formatInstant(iso, timeZone, language);
  return (
    <Stack gap="md" maw={1100}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('deliveries.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('deliveries.intro')}
        </Text>
      </Stack>
      <NativeSelect
        label={t('deliveries.status')}
        value={status}
        onChange={(e) => {
          setStatus(e.currentTarget.value as DeliveryStatus | '');
          setDone(null);
        }}
        data={[
          { value: '', label: t('deliveries.statusAll') },
          ...deliveryStatuses.map((s) => ({ value: s, label: t(`deliveries.status.${s}` as const) })),
        ]}
        w={{ base: '100%', xs: 240 }}
      />
      {done ? (
        done.status === 'terkirim' ? (
          <Alert color="teal" role="status">
            {t('deliveries.resent', { email: done.recipient.email ?? '' })}
          </Alert>
        ) : (
          <Alert color="red" role="status">
            {t('deliveries.resendFailed', { error: done.lastError ?? '' })}
          </Alert>
        )
      ) : null}
      <QueryState query={deliveries} lines={6} isEmpty={(d) => d.pages.every((p) => p.items.length === 0)} empty={t('deliveries.empty')}>
        {(data) => (
          <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} role="region" aria-label={t('deliveries.list')}>
            <Table verticalSpacing="sm" aria-label={t('deliveries.list')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deliveries.recipient')}</Table.Th>
                  <Table.Th>{t('deliveries.message')}</Table.Th>
                  <Table.Th>{t('deliveries.status')}</Table.Th>
                  <Table.Th>{t('deliveries.attempts')}</Table.Th>
                  <Table.Th>{t('deliveries.when')}</Table.Th>
                  <Table.Th aria-label={t('deliveries.resend')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.pages
                  .flatMap((p) => p.items)
                  .map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {d.recipient.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {d.recipient.email ?? t('deliveries.noAddress')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{d.title}</Text>
                        {d.mode === 'harian' ? (
                          <Text size="xs" c="dimmed">
                            {t('deliveries.digest')}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={statusColor[d.status]} variant="light">
                          {t(`deliveries.status.${d.status}` as const)}
                        </Badge>
                        {d.lastError ? (
                          <Text size="xs" c={d.status === 'dilewati' ? 'dimmed' : 'red'} mt={4}>
                            {d.lastError}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{d.attempts}</Table.Td>
                      <Table.Td>
                        <Text size="xs">{t('deliveries.created', { time: at(d.createdAt) })}</Text>
                        {d.sentAt ? <Text size="xs">{t('deliveries.sent', { time: at(d.sentAt) })}</Text> : null}
                        {d.status === 'menunggu' ? <Text size="xs">{t('deliveries.next', { time: at(d.nextAttemptAt) })}</Text> : null}
                      </Table.Td>
                      <Table.Td>
                        <Resend delivery={d} tenant={slug} onDone={setDone} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {deliveries.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" size="xs" loading={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
            {t('deliveries.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
