/**
 * Sign-in figures (bench/README.md, "Sign-in"): one password hash's time in the Worker and the
 * login's latency, against the real Worker under `wrangler dev`.
 *
 * An admin account is made and activated through the API (its password hashed with the Worker's
 * password scheme: the production one, or `AUTH_PBKDF2_ITERATIONS` when the server was started with it), then
 * signs in `warmUp + samples` times in a row with the right password. Each login verifies one
 * hash at the stored scheme and nothing else heavy; the Worker reports the time its hashing took as
 * `Server-Timing: password-hash;dur=…` (measured inside workerd around the verification;
 * WebCrypto's PBKDF2 runs natively, and the elapsed time is its CPU time unless the machine takes
 * the core away: the load average is printed beside it). The latency is the client's: request to full answer, through wrangler's
 * proxy. 18 logins stay under the sign-in routes' rate limit (20 a minute per address and route).
 */
import { loadavg } from 'node:os';
import { expectOk, median, percentile, request } from './client';

const warmUp = 3;
const samples = 15;

export interface SignInFigures {
  /** Median of the logins' `password-hash` time, ms. */
  hashMs: number;
  loginP50: number;
  loginP95: number;
  samples: number;
  /** The machine's 1-minute load average when measured. */
  load: number;
}

async function login(url: string, body: Record<string, string>, address: string): Promise<{ ms: number; hashMs: number }> {
  const started = performance.now();
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': address },
    body: JSON.stringify(body),
  });
  await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`login answered ${res.status}`);
  const hashMs = Number(/password-hash;dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN);
  return { ms, hashMs };
}

/** Makes and activates an admin account of region `slug`, then measures its sign-ins. */
export async function measureSignIn(url: string, slug: string, adminToken: string): Promise<SignInFigures> {
  const email = `bench.${Date.now().toString(36)}@bkd.example.go.id`;
  const created = await request<{ id: string }>(`${url}/api/v1/tenants/${slug}/accounts`, {
    method: 'POST',
    token: adminToken,
    json: { roles: ['tenant_admin'], email },
  });
  expectOk(created, 'create the account');
  const issued = await request<{ items: { code: string }[] }>(`${url}/api/v1/tenants/${slug}/accounts/activation-codes`, {
    method: 'POST',
    token: adminToken,
    json: { accountIds: [created.body.id] },
  });
  expectOk(issued, 'issue its activation code');
  const password = `kuda-lari-bench-${Date.now().toString(36)}-Sawah`;
  const activated = await request(`${url}/api/v1/auth/activate`, {
    method: 'POST',
    json: { tenant: slug, username: email, code: issued.body.items[0]?.code, password },
  });
  expectOk(activated, 'activate it');
  const times: number[] = [];
  const hashes: number[] = [];
  for (let i = 0; i < warmUp + samples; i++) {
    const { ms, hashMs } = await login(url, { tenant: slug, username: email, password }, `198.51.100.${i + 1}`);
    if (i < warmUp) continue;
    times.push(ms);
    hashes.push(hashMs);
  }
  return {
    hashMs: median(hashes),
    loginP50: median(times),
    loginP95: percentile(times, 95),
    samples,
    load: Number((loadavg()[0] ?? 0).toFixed(1)),
  };
}
