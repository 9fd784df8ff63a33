/**
 * The one way to the API: openapi-fetch over the types generated from the Worker's OpenAPI
 * document. A middleware puts the access token on every call; an answer 401 renews the token once
 * through the refresh cookie and repeats the call, and when that fails too the session ends as
 * expired (the router then shows the sign-in screen and comes back to the page afterwards).
 * Renewal is silent: a timer renews the token a minute before it expires.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { AccessGrant, AuthPaths } from './auth-paths';
import type { paths } from './schema';
import { session } from './session';

export type ApiPaths = paths & AuthPaths;

// The global fetch is looked up on every call (not captured once), so component tests can stand in for the server.
export const api = createClient<ApiPaths>({ baseUrl: '', credentials: 'same-origin', fetch: (request) => globalThis.fetch(request) });

const authPath = /^\/api\/v1\/auth\//;
const retried = new WeakSet<Request>();
const originals = new WeakMap<Request, Request>();

let renewing: Promise<boolean> | undefined;
let renewTimer: ReturnType<typeof setTimeout> | undefined;

/** Renews the access token with the refresh cookie (one request at a time); answers whether it worked. */
export function renewSession(): Promise<boolean> {
  renewing ??= (async () => {
    try {
      const res = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
      });
      if (!res.ok) return false;
      const grant = (await res.json()) as AccessGrant;
      startSession(grant.accessToken, grant.expiresIn);
      return true;
    } catch {
      return false;
    } finally {
      renewing = undefined;
    }
  })();
  return renewing;
}

/** Keeps a token and schedules its silent renewal a minute before it expires. */
export function startSession(accessToken: string, expiresIn: number): void {
  session.signIn(accessToken, expiresIn);
  clearTimeout(renewTimer);
  const delay = Math.max(5, expiresIn - 60) * 1000;
  renewTimer = setTimeout(() => {
    void renewSession();
  }, delay);
}

export function endSession(reason: 'signed-out' | 'expired'): void {
  clearTimeout(renewTimer);
  session.signOut(reason);
}

const authMiddleware: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token && !authPath.test(new URL(request.url, location.origin).pathname)) request.headers.set('authorization', `Bearer ${token}`);
    // Kept unread so that the call can be repeated after a renewal.
    originals.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 || authPath.test(new URL(request.url, location.origin).pathname) || retried.has(request)) return response;
    const original = originals.get(request);
    if (original && (await renewSession())) {
      const again = new Request(original);
      again.headers.set('authorization', `Bearer ${session.token() ?? ''}`);
      retried.add(again);
      return fetch(again);
    }
    if (session.get().status === 'signed-in') endSession('expired');
    return response;
  },
};

api.use(authMiddleware);

/**
 * The path parameters of one of the caller's tenant's resources. Before the caller is known the
 * tenant is '' (queries wait with `enabled`; a mutation then answers 404, never another tenant's).
 */
export const tenantPath = (tenant: string | undefined, id: string) => ({ path: { tenant: tenant ?? '', id } });
