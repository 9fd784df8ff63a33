/** Accounts for tests: made and activated through the API, as a person would. */
import { env } from 'cloudflare:workers';
import { type ApiResponse, api } from './api';

export interface IssuedCode {
  accountId: string;
  username: string;
  name: string | null;
  unit: string | null;
  code: string;
  expiresAt: string;
}

/** The codes of a JSON answer of an activation-codes route (its other form is the CSV sheet). */
export function issuedCodes(res: ApiResponse<unknown>): IssuedCode[] {
  const body = res.body as { items?: IssuedCode[] };
  if (res.status !== 201 || !Array.isArray(body.items)) throw new Error(`no codes issued: ${res.status} ${res.text}`);
  return body.items;
}

/** The first of `items`, which must exist. */
export function first<T>(items: readonly T[]): T {
  const [item] = items;
  if (item === undefined) throw new Error('expected at least one item');
  return item;
}

import type { TestTenant } from './factories';

let nips = 0;
let addresses = 0;
/** A valid PNS NIP unused elsewhere: born 1985-06-15, appointed 2012-03, sequence counting up. */
export const nextNip = () => `19850615201203${1 + (Math.floor(nips / 999) % 2)}${String((nips++ % 999) + 1).padStart(3, '0')}`;
/** A client address of its own, so one test's failures never lock another's. */
export const freshAddress = () => `10.${Math.floor(Math.random() * 250)}.${(addresses >> 8) & 255}.${addresses++ & 255}`;

export const strongPassword = () => `kuda-lari-${crypto.randomUUID().slice(0, 8)}-Sawah`;

/** The refresh token a response set as its cookie (undefined when it cleared or set none). */
export function refreshCookieOf(res: ApiResponse): string | undefined {
  const header = res.headers.get('set-cookie') ?? '';
  const value = /bangkom_refresh=([^;]*)/.exec(header)?.[1];
  return value ? decodeURIComponent(value) : undefined;
}

export const withCookie = (token: string | undefined, address = 'cookie-client') => ({
  headers: { ...(token ? { cookie: `bangkom_refresh=${encodeURIComponent(token)}` } : {}), 'cf-connecting-ip': address },
});

export interface Person {
  employeeId: string;
  username: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  accountId: string;
  address: string;
}

/** An employee of `t` with an activated account (their own password), signed in once. */
export async function activatedEmployee(t: TestTenant): Promise<Person> {
  const units = first((await api('GET', `/api/v1/tenants/${t.slug}/units?limit=1`, { token: t.adminToken })).body.items);
  const positions = first((await api('GET', `/api/v1/tenants/${t.slug}/positions?limit=1`, { token: t.adminToken })).body.items);
  const employee = await api('POST', `/api/v1/tenants/${t.slug}/employees`, {
    token: t.adminToken,
    body: {
      nip: nextNip(),
      name: `Pegawai Masuk ${nips}`,
      unitId: units.id,
      positionId: positions.id,
      grade: 'III/a',
      employmentType: 'pns',
    },
  });
  if (employee.status !== 201) throw new Error(`employee: ${employee.text}`);
  const issued = await api('POST', `/api/v1/tenants/${t.slug}/accounts/activation-codes`, {
    token: t.adminToken,
    body: { employeeIds: [employee.body.id] },
  });
  const item = first(issuedCodes(issued));
  const password = strongPassword();
  const address = freshAddress();
  const activated = await api('POST', '/api/v1/auth/activate', {
    body: { tenant: t.slug, username: item.username, code: item.code, password },
    headers: { 'cf-connecting-ip': address },
  });
  if (activated.status !== 200) throw new Error(`activate: ${activated.text}`);
  return {
    employeeId: employee.body.id,
    username: item.username,
    password,
    accessToken: activated.body.accessToken,
    refreshToken: refreshCookieOf(activated) as string,
    accountId: item.accountId,
    address,
  };
}

export const login = (body: Record<string, unknown>, address = freshAddress()) =>
  api('POST', '/api/v1/auth/login', { body, headers: { 'cf-connecting-ip': address } });

/** Moves every lock of the control database's throttle into the past: the backoff has run out. */
export async function letLocksRunOut(): Promise<void> {
  const past = new Date(Date.now() - 1000).toISOString();
  await env.DB.prepare('update sign_in_throttle set locked_until = ? where locked_until is not null').bind(past).run();
}

/** Saves `t`'s sign-in settings at the version read just before (the route wants If-Match). */
export async function putSignInSettings(
  t: Pick<TestTenant, 'slug' | 'adminToken'>,
  body: Record<string, unknown>,
): Promise<ApiResponse<unknown>> {
  const url = `/api/v1/tenants/${t.slug}/sign-in-settings` as const;
  const read = await api('GET', url, { token: t.adminToken });
  return api('PUT', url, { token: t.adminToken, body, headers: { 'if-match': read.headers.get('etag') ?? '' } });
}
