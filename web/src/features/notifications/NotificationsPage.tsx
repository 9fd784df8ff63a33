/**
 * The inbox (/notifikasi): unread first, then newest, twenty at a time with "Muat lebih banyak";
 * each notification opens its screen and is marked read; "Tandai semua dibaca".
 */
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { NotificationItem } from './NotificationItem';
import { useMarkAllRead, useNotificationPages, useUnreadCount } from './queries';

export function NotificationsPage() {
  const { t } = useI18n();
  const pages = useNotificationPages();
  const unread = useUnreadCount();
  const markAll = useMarkAllRead();
  const count = unread.data?.unread ?? 0;
  return (
    <Stack gap="md" maw={760}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} size="h2">
          {t('notifications.title')}
        </Title>
        <Button size="xs" variant="light" disabled={count === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {count > 0 ? t('notifications.unreadCount', { count }) : t('notifications.allRead')}
      </Text>
      {markAll.isError ? <ProblemAlert error={markAll.error} /> : null}
      <Card withBorder radius="md" padding="xs">
        <QueryState query={pages} lines={5} isEmpty={(d) => d.pages.every((p) => p.items.length === 0)} empty={t('notifications.empty')}>
          {(data) => (
            <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('notifications.title')}>
              {data.pages
                .flatMap((p) => p.items)
                .map((n) => (
                  <li key={n.id}>
                    <NotificationItem notification={n} />
                  </li>
                ))}
            </Stack>
          )}
        </QueryState>
      </Card>
      {pages.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" size="xs" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {t('notifications.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
