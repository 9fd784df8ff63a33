/**
 * The session: the access token in memory only (never in storage), its expiry, whether it only
 * reaches the two-factor set-up, and what happened last. The refresh token is an HttpOnly cookie
 * the browser sends to /api/v1/auth/refresh by itself; this module never sees it. Components read
 * the session through `useSession()` (use-session.ts); this module is free of React, for the
 * console's entry.
 */

export type SessionState =
  | { status: 'starting' }
  | { status: 'signed-in'; accessToken: string; expiresAt: number; setupOnly: boolean; codeOnly: boolean }
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
  /**
   * `setupOnly`: the token reaches only the two-factor set-up (the region requires one of its
   * admins); `codeOnly`: it reaches only the second factor's check (an admin with an authenticator
   * app who signed in by single sign-on).
   */
  signIn(accessToken: string, expiresInSeconds: number, setupOnly = false, now = Date.now(), codeOnly = false): void {
    set({ status: 'signed-in', accessToken, expiresAt: now + expiresInSeconds * 1000, setupOnly, codeOnly });
  },
  signOut(reason: 'signed-out' | 'expired' | 'none'): void {
    set({ status: 'signed-out', reason });
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
