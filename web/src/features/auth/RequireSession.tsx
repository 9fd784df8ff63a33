/**
 * The pages behind sign-in. Without a session the caller goes to /masuk with the page to come back
 * to; an expired session says so there.
 */
import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../../i18n';
import { useSession } from '../../lib/api/session';

export function RequireSession({ children }: { children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (state.status === 'starting') {
    return (
      <Center h="100vh">
        <Loader aria-label={t('state.loading')} />
      </Center>
    );
  }
  if (state.status === 'signed-out') {
    // Signing out on purpose starts afresh; otherwise come back here after signing in.
    if (state.reason === 'signed-out') return <Navigate to="/masuk" replace />;
    const next = `${location.pathname}${location.search}`;
    const params = new URLSearchParams({ next });
    if (state.reason === 'expired') params.set('reason', 'expired');
    return <Navigate to={`/masuk?${params}`} replace />;
  }
  return <>{children}</>;
}
