/**
 * The one way to the API: openapi-fetch over the types generated from the Worker's OpenAPI
 * document. A middleware puts the access token on every call but the public sign-in routes; an
 * answer 401 renews the token once through the refresh cookie and repeats the call, and when that
 * fails too the session ends as expired (the router then shows the sign-in screen and comes back
 * to the page afterwards). Renewal is silent: a timer renews the token a minute before it
 * expires, and a refused renewal then ends the session as expired.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { session } from './session';

export type SignedIn = components['schemas']['SignedIn'];
type Grant = Pick<SignedIn, 'accessToken' | 'expiresIn' | 'twoFactorSetupRequired' | 'secondFactorRequired'>;

// The global fetch is looked up on every call (not captured once), so component tests can stand in for the server.
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', fetch: (request) => globalThis.fetch(request) });

/** The routes that work without an access token (the refresh cookie or credentials instead, or none: the public survey): never sent one, never renewed for. */
const publicAuthPath = /^\/api\/v1\/(auth\/(login|activate|refresh|logout|methods)|survei\/.+)$/;
const isPublic = (request: Request) => publicAuthPath.test(new URL(request.url, location.origin).pathname);
const retried = new WeakSet<Request>();
const originals = new WeakMap<Request, Request>();

type Renewal = 'renewed' | 'refused' | 'unreachable';
let renewing: Promise<Renewal> | undefined;
let renewedAs: SignedIn['account'] | undefined;
let renewTimer: ReturnType<typeof setTimeout> | undefined;

function refresh(): Promise<Renewal> {
  renewing ??= (async (): Promise<Renewal> => {
    try {
      const { data, response } = await (takeEarlyRenewal() ?? api.POST('/api/v1/auth/refresh'));
      if (!data) return response.status >= 500 ? 'unreachable' : 'refused';
      startSession(data);
      renewedAs = data.account;
      return 'renewed';
    } catch {
      return 'unreachable';
    } finally {
      renewing = undefined;
    }
  })();
  return renewing;
}

/**
 * The renewal the page sent before the console's code arrived (app/renewal.ts), taken once: after
 * this, that script sends nothing. Its answer read as the client would read it.
 */
function takeEarlyRenewal(): Promise<{ data?: SignedIn; response: Response }> | undefined {
  const early = window.bangkomRenewal;
  window.bangkomRenewal = null;
  return early?.then(async (response) => (response.ok ? { data: (await response.json()) as SignedIn, response } : { response }));
}

/** Renews the access token with the refresh cookie (one request at a time); answers whether it worked. */
export async function renewSession(): Promise<boolean> {
  return (await refresh()) === 'renewed';
}

/** Renews like `renewSession`; answers whose session it is (the account), or undefined when it did not work. */
export async function renewSessionAs(): Promise<SignedIn['account'] | undefined> {
  return (await refresh()) === 'renewed' ? renewedAs : undefined;
}

/** Keeps a token and schedules its silent renewal a minute before it expires. */
export function startSession(grant: Grant): void {
  session.signIn(grant.accessToken, grant.expiresIn, grant.twoFactorSetupRequired, Date.now(), grant.secondFactorRequired);
  clearTimeout(renewTimer);
  const delay = Math.max(5, grant.expiresIn - 60) * 1000;
  renewTimer = setTimeout(() => {
    void refresh().then((outcome) => {
      // Refused: the sign-in ended elsewhere (signed out everywhere, password changed, cookie gone).
      // Unreachable: the token still has a minute; the next answer 401 tries again.
      if (outcome === 'refused' && session.get().status === 'signed-in') endSession('expired');
    });
  }, delay);
}

export function endSession(reason: 'signed-out' | 'expired'): void {
  clearTimeout(renewTimer);
  session.signOut(reason);
}

const authMiddleware: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token && !isPublic(request)) request.headers.set('authorization', `Bearer ${token}`);
    // Kept unread so that the call can be repeated after a renewal.
    originals.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 || isPublic(request) || retried.has(request)) return response;
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
