/**
 * The session: the access token in memory only (never in storage), its expiry, and what happened
 * last. The refresh token is an HttpOnly cookie the browser sends to /api/v1/auth/refresh by
 * itself; this module never sees it. Components read the session through `useSession()`.
 */
import { useSyncExternalStore } from 'react';

export type SessionState =
  | { status: 'starting' }
  | { status: 'signed-in'; accessToken: string; expiresAt: number }
  | { status: 'signed-out'; reason: 'signed-out' | 'expired' | 'none' };

let state: SessionState = { status: 'starting' };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export const session = {
  get: (): SessionState => state,
  token: (): string | undefined => (state.status === 'signed-in' ? state.accessToken : undefined),
  signIn(accessToken: string, expiresInSeconds: number, now = Date.now()): void {
    set({ status: 'signed-in', accessToken, expiresAt: now + expiresInSeconds * 1000 });
  },
  signOut(reason: 'signed-out' | 'expired' | 'none'): void {
    set({ status: 'signed-out', reason });
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

/** Seconds until a JWT's `exp`, read without verifying (the server verifies); 0 if unreadable. */
export function secondsLeft(jwt: string, now = Date.now()): number {
  const payload = jwt.split('.')[1];
  if (!payload) return 0;
  try {
    const claims = JSON.parse(atob(payload.replaceAll('-', '+').replaceAll('_', '/'))) as { exp?: unknown };
    return typeof claims.exp === 'number' ? Math.max(0, Math.floor(claims.exp - now / 1000)) : 0;
  } catch {
    return 0;
  }
}
