/**
 * Single sign-on as a browser does it, against the real test IdP (test/node/oidc-idp.ts): the
 * Worker's start, the IdP's authorization endpoint and its login (cookies carried by hand: workerd's
 * fetch keeps none), the IdP's redirect back, and the Worker's callback with the state cookie.
 */
import { inject } from 'vitest';
import { freshAddress, putSignInSettings } from './accounts';
import { type ApiResponse, api } from './api';
import type { TestTenant } from './factories';
import { ssoRegions } from './oidc-clients';

export const idpIssuer = (): string => inject('oidcIssuer');

/** Turns single sign-on on for `t` (one of `ssoRegions`), to the test IdP. */
export async function enableSso(t: TestTenant, sso: { claim: string; match: 'nip' | 'email' }, requireAdminTotp = false) {
  const region = ssoRegions.find((r) => r.slug === t.slug);
  if (!region) throw new Error(`${t.slug} has no client at the test IdP`);
  const res = await putSignInSettings(t, { requireAdminTotp, sso: { issuer: idpIssuer(), clientId: region.clientId, ...sso } });
  if (res.status !== 200) throw new Error(`sign-in settings: ${res.text}`);
}

/** A cookie jar for the IdP's own cookies (its interaction and session). */
class Jar {
  readonly #cookies = new Map<string, string>();

  take(res: Response): void {
    // workerd has getSetCookie(); the Workers types do not declare it yet.
    for (const line of (res.headers as Headers & { getSetCookie(): string[] }).getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=.*1970)/i.test(a));
      if (!value || expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  get header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function next(res: Response, base: URL | string): Promise<URL> {
  const location = res.headers.get('location');
  if (!location) throw new Error(`the IdP answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
  await res.arrayBuffer();
  return new URL(location, base);
}

export interface IdpPerson {
  sub: string;
  claims: Record<string, unknown>;
}

/**
 * A person signing in at the IdP for `authorizationUrl` (the Worker's start redirect): the
 * authorization request, the login interaction, the IdP's resume; answers the URL the IdP sends
 * the browser back to (the Worker's callback, with `code` and `state`, or an `error`).
 */
export async function loginAtIdp(authorizationUrl: URL, person: IdpPerson): Promise<URL> {
  const issuer = new URL(idpIssuer());
  const jar = new Jar();
  let res = await fetch(authorizationUrl, { redirect: 'manual' });
  jar.take(res);
  const interaction = await next(res, authorizationUrl);
  if (!interaction.pathname.startsWith('/interaction/')) throw new Error(`no login interaction: ${interaction}`);
  res = await fetch(new URL(`${interaction.pathname}/login`, issuer), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar.header, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: person.sub, claims: JSON.stringify(person.claims) }),
  });
  jar.take(res);
  let location = await next(res, issuer);
  for (let hops = 0; location.origin === issuer.origin; hops++) {
    if (hops > 5) throw new Error('the IdP keeps redirecting to itself');
    res = await fetch(location, { redirect: 'manual', headers: { cookie: jar.header } });
    jar.take(res);
    location = await next(res, location);
  }
  return location;
}

export interface Started {
  res: ApiResponse;
  /** The IdP's authorization URL the start redirected to. */
  authorization: URL;
  state: string;
  /** The `bangkom_sso` cookie the start set (the browser's binding). */
  cookie: string;
  address: string;
}

export async function start(slug: string, address = freshAddress()): Promise<Started> {
  const res = await api('GET', `/api/v1/auth/oidc/${slug}/start`, { headers: { 'cf-connecting-ip': address } });
  if (res.status !== 302) throw new Error(`start: ${res.status} ${res.text}`);
  const authorization = new URL(res.headers.get('location') ?? '');
  const cookie = /bangkom_sso=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  return { res, authorization, state: authorization.searchParams.get('state') ?? '', cookie: decodeURIComponent(cookie), address };
}

/** The Worker's callback for the URL the IdP sent back (its path may be changed to another region's). */
export function callback(url: URL, options: { cookie?: string; address: string; slug?: string }): Promise<ApiResponse> {
  const path = options.slug ? `/api/v1/auth/oidc/${options.slug}/callback` : url.pathname;
  return api('GET', `${path}${url.search}`, {
    headers: {
      'cf-connecting-ip': options.address,
      ...(options.cookie !== undefined ? { cookie: `bangkom_sso=${encodeURIComponent(options.cookie)}` } : {}),
    },
  });
}

/** The whole sign-in of `person` at region `slug`: answers the callback's response. */
export async function signInWithSso(slug: string, person: IdpPerson): Promise<ApiResponse> {
  const started = await start(slug);
  const back = await loginAtIdp(started.authorization, person);
  return callback(back, { cookie: started.cookie, address: started.address });
}

/** Where a start or callback sent the browser. */
export const redirectOf = (res: ApiResponse): string => {
  if (res.status !== 302) throw new Error(`expected a 302, got ${res.status}: ${res.text.slice(0, 300)}`);
  return res.headers.get('location') ?? '';
};
