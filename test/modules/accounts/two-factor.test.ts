/** Two-factor sign-in: RFC 6238 itself, set-up, sign-in with a code, replay, recovery codes, the region's requirement, reset. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase32, hotp } from '../../../src/modules/accounts/totp';
import {
  first,
  freshAddress,
  issuedCodes,
  login,
  putSignInSettings,
  refreshCookieOf,
  strongPassword,
  withCookie,
} from '../../support/accounts';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';

let t: TestTenant;
beforeAll(async () => {
  t = await createTenant();
});

const codeAt = async (secret: string, when = Date.now()) => hotp(fromBase32(secret), Math.floor(when / 30_000));

/** A tenant admin account of `t`, activated: its username, password and first sign-in. */
async function admin() {
  const email = `admin.${crypto.randomUUID().slice(0, 8)}@bkd.example.go.id`;
  const created = await api('POST', `/api/v1/tenants/${t.slug}/accounts`, {
    token: t.adminToken,
    body: { roles: ['tenant_admin'], email },
  });
  const issued = await api('POST', `/api/v1/tenants/${t.slug}/accounts/activation-codes`, {
    token: t.adminToken,
    body: { accountIds: [created.body.id] },
  });
  const password = strongPassword();
  const signedIn = await api('POST', '/api/v1/auth/activate', {
    body: { tenant: t.slug, username: email, code: first(issuedCodes(issued)).code, password },
    headers: { 'cf-connecting-ip': freshAddress() },
  });
  return { id: created.body.id as string, email, password, signedIn };
}

/** Sets up TOTP for the holder of `token`; returns the secret and the recovery codes. */
async function enroll(token: string) {
  const setup = await api('POST', '/api/v1/auth/two-factor/setup', { token });
  expect(setup.status).toBe(200);
  expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]{32}/);
  const confirmed = await api('POST', '/api/v1/auth/two-factor/confirm', { token, body: { code: await codeAt(setup.body.secret) } });
  expect(confirmed.status).toBe(200);
  return { secret: setup.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 test vectors (SHA-1, 8 digits)', async () => {
    const secret = new TextEncoder().encode('12345678901234567890');
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [time, code] of vectors) expect(await hotp(secret, Math.floor(time / 30), 8)).toBe(code);
  });
});

describe('two-factor sign-in', () => {
  it('is set up by an admin and then asked for at every sign-in; a used code is refused', async () => {
    const a = await admin();
    const { secret } = await enroll(a.signedIn.body.accessToken);
    const without = await login({ tenant: t.slug, username: a.email, password: a.password });
    const asked = expectProblem(without, 401);
    expect(asked.detail).toMatch(/second factor/);
    // The field names what is missing, so the console asks for the code without reading the English detail.
    expect(asked.errors).toEqual([{ path: 'body.totp', message: 'required' }]);
    // The code that confirmed the set-up is spent; wait for the next step's code instead of the clock: use the step after.
    const next = await codeAt(secret, Date.now() + 30_000);
    const ok = await login({ tenant: t.slug, username: a.email, password: a.password, totp: next });
    expect(ok.status).toBe(200);
    const replay = await login({ tenant: t.slug, username: a.email, password: a.password, totp: next });
    expectProblem(replay, 401);
    expect(expectProblem(await login({ tenant: t.slug, username: a.email, password: a.password, totp: '000000' }), 401).errors).toEqual([
      { path: 'body.totp', message: 'not correct' },
    ]);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?entityId=${a.id}&action=auth.second_factor_failed`, {
      token: t.adminToken,
    });
    expect(audit.body.items.length).toBeGreaterThanOrEqual(2);
  });

  it('takes each recovery code once', async () => {
    const a = await admin();
    const { recoveryCodes } = await enroll(a.signedIn.body.accessToken);
    expect(recoveryCodes).toHaveLength(10);
    const code = recoveryCodes[0] as string;
    expect((await login({ tenant: t.slug, username: a.email, password: a.password, totp: code })).status).toBe(200);
    expectProblem(await login({ tenant: t.slug, username: a.email, password: a.password, totp: code }), 401);
    const stored = await env.DB.prepare('select code_hash from recovery_codes where account_id = ?')
      .bind(a.id)
      .all<{ code_hash: string }>();
    expect(stored.results.map((r) => r.code_hash)).not.toContain(code);
  });

  it("the region's setting makes admins set one up first: their token reaches only the set-up", async () => {
    expect((await putSignInSettings(t, { requireAdminTotp: true, sso: null })).status).toBe(200);
    try {
      const a = await admin();
      expect(a.signedIn.body.twoFactorSetupRequired).toBe(true);
      const limited = a.signedIn.body.accessToken;
      expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/accounts`, { token: limited }), 403);
      const { secret } = await enroll(limited);
      const refreshed = await api('POST', '/api/v1/auth/refresh', withCookie(refreshCookieOf(a.signedIn)));
      expect(refreshed.body.twoFactorSetupRequired).toBe(false);
      expect((await api('GET', `/api/v1/tenants/${t.slug}/accounts`, { token: refreshed.body.accessToken })).status).toBe(200);
      const full = await login({
        tenant: t.slug,
        username: a.email,
        password: a.password,
        totp: await codeAt(secret, Date.now() + 30_000),
      });
      expect(full.body.twoFactorSetupRequired).toBe(false);
    } finally {
      await putSignInSettings(t, { requireAdminTotp: false, sso: null });
    }
  });

  it('is removed by an admin reset (a lost phone), which ends the sessions', async () => {
    const a = await admin();
    await enroll(a.signedIn.body.accessToken);
    const reset = await api('POST', `/api/v1/tenants/${t.slug}/accounts/${a.id}/reset-two-factor`, { token: t.adminToken });
    expect(reset.body.twoFactor).toBe(false);
    expectProblem(await api('POST', '/api/v1/auth/refresh', withCookie(refreshCookieOf(a.signedIn))), 401);
    expect((await login({ tenant: t.slug, username: a.email, password: a.password })).status).toBe(200);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?entityId=${a.id}&action=account.two_factor_reset`, {
      token: t.adminToken,
    });
    expect(audit.body.items).toHaveLength(1);
  });

  it('refuses a wrong confirmation code and a second set-up', async () => {
    const a = await admin();
    const token = a.signedIn.body.accessToken;
    await api('POST', '/api/v1/auth/two-factor/setup', { token });
    expectProblem(await api('POST', '/api/v1/auth/two-factor/confirm', { token, body: { code: '123' } }), 400);
    await enroll(token).catch(() => undefined);
    expectProblem(await api('POST', '/api/v1/auth/two-factor/setup', { token }), 409);
  });
});
