/**
 * The frame of every signed-in page: a header with the region, the caller's name, the
 * notifications bell (an employee's) and the language switch; the navigation (a drawer on a phone); the offline banner; the page.
 */
import { AppShell, Burger, Group, NavLink, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { OfflineBanner } from '../components/OfflineBanner';
import { ProblemAlert } from '../components/ProblemAlert';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useI18n } from '../i18n';
import { useMe } from '../lib/api/caller';
import { activeEntry, navigationFor } from './navigation';

export function Layout() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();
  const items = me.data ? navigationFor(me.data) : [];
  const current = activeEntry(items, location.pathname);
  const active = (to: string) => to === current;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <UnstyledButton component={Link} to="/" onClick={close}>
              <Text fw={700} c="teal.9">
                Bangkom
              </Text>
            </UnstyledButton>
            <Text size="sm" c="dimmed" visibleFrom="sm" lineClamp={1}>
              {me.data?.tenant?.name ?? ''}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" visibleFrom="md" lineClamp={1}>
              {me.data?.employee?.name ?? ''}
            </Text>
            {me.data?.roles.includes('employee') && me.data.employee ? <NotificationBell /> : null}
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        {/* Scrolls on its own: an admin's entries are taller than a phone's screen. */}
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          <nav aria-label={t('nav.label')}>
            {me.isPending ? (
              <Stack gap="xs">
                <Skeleton height={28} />
                <Skeleton height={28} />
              </Stack>
            ) : (
              items.map((item) => (
                <NavLink
                  key={item.to}
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  active={active(item.to)}
                  aria-current={active(item.to) ? 'page' : undefined}
                  onClick={close}
                />
              ))
            )}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <OfflineBanner />
        {me.isError ? <ProblemAlert error={me.error} /> : <Outlet />}
      </AppShell.Main>
    </AppShell>
  );
}
