/**
 * The pages behind sign-in. Without a session the caller goes to /masuk with the page to come back
 * to; an expired session says so there. A token that reaches only the two-factor set-up (the
 * region requires one of its admins) goes to the set-up first.
 */
import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useI18n } from '../../i18n';
import { useSession } from '../../lib/api/use-session';

export function RequireSession({ children }: { children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  const { t } = useI18n();
  const next = `${location.pathname}${location.search}`;
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
    const params = new URLSearchParams({ next });
    if (state.reason === 'expired') params.set('reason', 'expired');
    return <Navigate to={`/masuk?${params}`} replace />;
  }
  if (state.codeOnly) return <Navigate to={`/masuk/kode?${new URLSearchParams({ next })}`} replace />;
  if (state.setupOnly) return <Navigate to={`/masuk/dua-faktor?${new URLSearchParams({ next })}`} replace />;
  return <>{children}</>;
}
