/**
 * One notification as a link to its screen (screens.ts): its line in the user's language, when it
 * came, and whether it is unread. Following it marks it read.
 */
import { Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { type MessageKey, useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { formatDay, formatInstant } from '../../lib/format';
import { type Notification, useMarkRead } from './queries';
import { screenOf } from './screens';

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The notification's line, from its kind and data, in the user's language. */
function useNotificationTitle(): (notification: Pick<Notification, 'kind' | 'data'>) => string {
  const { t, language } = useI18n();
  return ({ kind, data }) => {
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) {
      if (value === null || value === '') values[key] = '–';
      else if (typeof value === 'string' && isDay(value)) values[key] = formatDay(value, language);
      else values[key] = String(value);
    }
    const pairingKind = data.pairingKind === 'coaching' ? 'coaching' : 'mentoring';
    values.pairingKind = t(`pairing.kind.${pairingKind}` as const).toLowerCase();
    return t(`notifications.kind.${kind}` as MessageKey, values).replace(/\{\w+\}/g, '–');
  };
}

export function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen?: () => void }) {
  const { t, language } = useI18n();
  const { timeZone } = useTenantClock();
  const title = useNotificationTitle();
  const markRead = useMarkRead();
  const unread = notification.readAt === null;
  return (
    <UnstyledButton
      component={Link}
      to={screenOf(notification)}
      onClick={() => {
        if (unread) markRead.mutate(notification);
        onOpen?.();
      }}
      data-testid="notification"
      data-unread={unread}
      display="block"
      w="100%"
      py="xs"
      px="xs"
      style={{ borderRadius: 'var(--mantine-radius-sm)', background: unread ? 'var(--mantine-color-teal-0)' : undefined }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Box
          mt={6}
          w={8}
          h={8}
          style={{ flexShrink: 0, borderRadius: '50%', background: unread ? 'var(--mantine-color-teal-8)' : 'transparent' }}
          aria-hidden
        />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 700 : 400}>
            {title(notification)}
          </Text>
          <Text size="xs" c="dimmed">
            {unread ? `${t('notifications.unread')} · ` : ''}
            {formatInstant(notification.createdAt, timeZone, language)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
