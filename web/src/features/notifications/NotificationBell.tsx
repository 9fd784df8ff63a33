/**
 * The bell in the header: the unread count as a badge (polled, and asked again when the window
 * regains focus), a popover with the latest few and "Lihat semua" to the inbox. Only for a person
 * with an employee record: the inbox is theirs.
 */
import { ActionIcon, Anchor, Divider, Group, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { NotificationItem } from './NotificationItem';
import { notificationKeys, useLatestNotifications, useUnreadCount } from './queries';

function BellIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function NotificationBell() {
  const { t } = useI18n();
  const [opened, { toggle, close }] = useDisclosure();
  const unread = useUnreadCount();
  const latest = useLatestNotifications(opened);
  const queryClient = useQueryClient();
  const count = unread.data?.unread ?? 0;
  // A new notification: the lists are stale too.
  const seen = useRef(count);
  useEffect(() => {
    if (count !== seen.current) {
      seen.current = count;
      void queryClient.invalidateQueries({ queryKey: notificationKeys.latest });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.list });
    }
  }, [count, queryClient]);
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  // The badge stays outside the popover's target: the target's ARIA (expanded, controls) goes on the button itself.
  return (
    <Indicator label={count > 99 ? '99+' : count} disabled={count === 0} size={18} color="red" offset={6} inline>
      <Popover
        opened={opened}
        onChange={(next) => (next ? undefined : close())}
        position="bottom-end"
        width={340}
        shadow="md"
        withinPortal
        hideDetached={false}
      >
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} onClick={toggle}>
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs" maw="calc(100vw - 16px)">
          <Stack gap={4}>
            <Group justify="space-between" px="xs">
              <Text fw={600} size="sm">
                {t('notifications.title')}
              </Text>
              {count > 0 ? (
                <Text size="xs" c="dimmed">
                  {t('notifications.unreadCount', { count })}
                </Text>
              ) : null}
            </Group>
            <QueryState query={latest} lines={3} isEmpty={(d) => d.items.length === 0} empty={t('notifications.empty')}>
              {(data) => (
                <Stack gap={2}>
                  {data.items.map((n) => (
                    <NotificationItem key={n.id} notification={n} onOpen={close} />
                  ))}
                </Stack>
              )}
            </QueryState>
            <Divider />
            <Anchor component={Link} to="/notifikasi" size="sm" ta="center" py={4} onClick={close}>
              {t('notifications.seeAll')}
            </Anchor>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
