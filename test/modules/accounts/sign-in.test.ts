/** Signing in: login → token → /me, generic failures, lockout and release, refresh rotation and reuse, sign-out and revocation. */
import { env } from 'cloudflare:workers';
import { scrypt } from '@noble/hashes/scrypt.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../src/modules/accounts/passwords';
import { base64url } from '../../../src/modules/accounts/secrets';
import { activatedEmployee, freshAddress, letLocksRunOut, login, refreshCookieOf, withCookie } from '../../support/accounts';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';

let t: TestTenant;
beforeAll(async () => {
  t = await createTenant();
});

const refresh = (token: string | undefined, address?: string) => api('POST', '/api/v1/auth/refresh', withCookie(token, address));

describe('signing in', () => {
  it('login → access token → /api/v1/me, with the refresh token in a strict cookie', async () => {
    const p = await activatedEmployee(t);
    const res = await login({ tenant: t.slug, username: p.username, password: p.password });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      account: { id: p.accountId, tenant: t.slug, roles: ['employee'] },
    });
    expect(res.body).not.toHaveProperty('refreshToken');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^bangkom_refresh=/);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/v1/auth']) expect(cookie).toContain(attribute);
    const me = await api('GET', '/api/v1/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ subject: p.accountId, roles: ['employee'], tenant: { slug: t.slug }, employee: { id: p.employeeId } });
  });

  it('answers a wrong password, an unknown user and an unknown region alike, and audits each', async () => {
    const p = await activatedEmployee(t);
    const wrong = await login({ tenant: t.slug, username: p.username, password: 'not-the-password-at-all' });
    const unknown = await login({ tenant: t.slug, username: '199901012020121999', password: 'not-the-password-at-all' });
    const region = await login({ tenant: 'no-such-region', username: p.username, password: p.password });
    const never = await login({ tenant: t.slug, username: p.username.replace(/.$/, '9'), password: p.password });
    for (const res of [wrong, unknown, region, never]) {
      expectProblem(res, 401);
      expect({ ...res.body, requestId: '', instance: '' }).toEqual({ ...wrong.body, requestId: '', instance: '' });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=auth.login_failed`, { token: t.adminToken });
    expect(audit.body.items.map((e: { entityId: string }) => e.entityId)).toEqual(
      expect.arrayContaining([p.accountId, '199901012020121999']),
    );
  });

  it('locks a name after 5 failures in a row (existing or not), with Retry-After, and releases it after the backoff', async () => {
    const p = await activatedEmployee(t);
    for (const username of [p.username, '199901012020121998']) {
      for (let i = 0; i < 5; i++) expectProblem(await login({ tenant: t.slug, username, password: `wrong-password-${i}` }), 401);
      const locked = await login({ tenant: t.slug, username, password: p.password });
      expectProblem(locked, 429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
      expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    }
    const listed = await api('GET', `/api/v1/tenants/${t.slug}/accounts?status=locked`, { token: t.adminToken });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(p.accountId);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=auth.lockout&entityId=${p.accountId}`, { token: t.adminToken });
    expect(audit.body.items).toHaveLength(1);

    await letLocksRunOut();
    expect((await login({ tenant: t.slug, username: p.username, password: p.password })).status).toBe(200);
    // Past the threshold the next failure locks again at once, for twice as long.
    for (let i = 0; i < 5; i++) await login({ tenant: t.slug, username: '199901012020121998', password: 'still-wrong-password' });
    await letLocksRunOut();
    expectProblem(await login({ tenant: t.slug, username: '199901012020121998', password: 'still-wrong-password' }), 401);
    const again = await login({ tenant: t.slug, username: '199901012020121998', password: 'still-wrong-password' });
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(30);
  });

  it('locks a client address after 30 failures across names', async () => {
    const p = await activatedEmployee(t);
    const address = freshAddress();
    for (let i = 0; i < 30; i++)
      await login({ tenant: t.slug, username: `1999010120201219${String(i).padStart(2, '0')}`, password: 'wrong-password-x' }, address);
    expectProblem(await login({ tenant: t.slug, username: p.username, password: p.password }, address), 429);
    expect((await login({ tenant: t.slug, username: p.username, password: p.password })).status).toBe(200);
  });

  it('rotates the refresh token, and a reused one ends the whole sign-in', async () => {
    const p = await activatedEmployee(t);
    const first = await refresh(p.refreshToken);
    expect(first.status).toBe(200);
    const second = refreshCookieOf(first) as string;
    expect(second).not.toBe(p.refreshToken);
    expect((await api('GET', '/api/v1/me', { token: first.body.accessToken })).status).toBe(200);
    const reused = await refresh(p.refreshToken);
    expectProblem(reused, 401);
    expect(reused.headers.get('set-cookie')).toMatch(/bangkom_refresh=;.*Max-Age=0/);
    expectProblem(await refresh(second), 401);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=session.reuse&entityId=${p.accountId}`, { token: t.adminToken });
    expect(audit.body.items).toHaveLength(1);
  });

  it('refuses a missing, malformed or forged refresh token, and one of another region', async () => {
    const p = await activatedEmployee(t);
    const other = await createTenant();
    const [, id, secret] = p.refreshToken.split('.');
    for (const token of [undefined, 'garbage', `${t.slug}.${id}.${'A'.repeat(43)}`, `${other.slug}.${id}.${secret}`, `_.${id}.${secret}`]) {
      expectProblem(await refresh(token), 401);
    }
    expect((await refresh(p.refreshToken)).status).toBe(200);
  });

  it('logout ends the session; logout everywhere ends every session of the account', async () => {
    const p = await activatedEmployee(t);
    const out = await api('POST', '/api/v1/auth/logout', withCookie(p.refreshToken));
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expectProblem(await refresh(p.refreshToken), 401);
    expect((await api('POST', '/api/v1/auth/logout', withCookie(undefined))).status).toBe(204);

    const a = await login({ tenant: t.slug, username: p.username, password: p.password });
    const b = await login({ tenant: t.slug, username: p.username, password: p.password });
    const everywhere = await api('POST', '/api/v1/auth/logout-everywhere', { token: a.body.accessToken });
    expect(everywhere.status).toBe(204);
    expectProblem(await refresh(refreshCookieOf(a)), 401);
    expectProblem(await refresh(refreshCookieOf(b)), 401);
    // With the cookie alone, `everywhere` ends every session of its account too.
    const c = await login({ tenant: t.slug, username: p.username, password: p.password });
    const d = await login({ tenant: t.slug, username: p.username, password: p.password });
    const out2 = await api('POST', '/api/v1/auth/logout', { ...withCookie(refreshCookieOf(c)), body: { everywhere: true } });
    expect(out2.status).toBe(204);
    expectProblem(await refresh(refreshCookieOf(d)), 401);
    // An external token has no Bangkom account to sign out.
    expectProblem(await api('POST', '/api/v1/auth/logout-everywhere', { token: t.adminToken }), 403);
  });

  it('disabling the account or deactivating the employee ends the sessions and the sign-ins', async () => {
    const p = await activatedEmployee(t);
    const disabled = await api('POST', `/api/v1/tenants/${t.slug}/accounts/${p.accountId}/disable`, { token: t.adminToken });
    expect(disabled.body.status).toBe('disabled');
    expectProblem(await refresh(p.refreshToken), 401);
    expectProblem(await login({ tenant: t.slug, username: p.username, password: p.password }), 401);
    await api('POST', `/api/v1/tenants/${t.slug}/accounts/${p.accountId}/enable`, { token: t.adminToken });
    const back = await login({ tenant: t.slug, username: p.username, password: p.password });
    expect(back.status).toBe(200);

    const employee = await api('GET', `/api/v1/tenants/${t.slug}/employees/${p.employeeId}`, { token: t.adminToken });
    const deactivated = await api('POST', `/api/v1/tenants/${t.slug}/employees/${p.employeeId}/deactivate`, {
      token: t.adminToken,
      headers: { 'if-match': employee.headers.get('etag') as string },
    });
    expect(deactivated.status).toBe(200);
    const rows = await env.DB.prepare('select count(*) as live from sessions where account_id = ? and revoked_at is null')
      .bind(p.accountId)
      .first();
    expect(rows?.live).toBe(0);
    expectProblem(await refresh(refreshCookieOf(back)), 401);
    expectProblem(await login({ tenant: t.slug, username: p.username, password: p.password }), 401);
  });

  it('changes a password with the current one; the other sessions end', async () => {
    const p = await activatedEmployee(t);
    const other = await login({ tenant: t.slug, username: p.username, password: p.password });
    expectProblem(
      await api('POST', '/api/v1/auth/password', {
        token: p.accessToken,
        body: { currentPassword: 'wrong-current-pw', newPassword: 'another-long-Phrase-77' },
      }),
      403,
    );
    expectProblem(
      await api('POST', '/api/v1/auth/password', {
        token: p.accessToken,
        body: { currentPassword: p.password, newPassword: 'Password2024!' },
      }),
      400,
    );
    const changed = await api('POST', '/api/v1/auth/password', {
      token: p.accessToken,
      body: { currentPassword: p.password, newPassword: 'another-long-Phrase-77' },
    });
    expect(changed.status).toBe(204);
    expectProblem(await refresh(refreshCookieOf(other)), 401);
    expect((await refresh(p.refreshToken)).status).toBe(200);
    expectProblem(await login({ tenant: t.slug, username: p.username, password: p.password }), 401);
    expect((await login({ tenant: t.slug, username: p.username, password: 'another-long-Phrase-77' })).status).toBe(200);
  });

  /** The legacy form an account kept from before PBKDF2: `scrypt$N$r$p$salt$hash`. */
  const legacyScrypt = (password: string) => {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    return [
      'scrypt',
      1024,
      8,
      1,
      base64url(salt),
      base64url(scrypt(password.normalize('NFKC'), salt, { N: 1024, r: 8, p: 1, dkLen: 32 })),
    ].join('$');
  };

  it.each([
    ['PBKDF2 with another iteration count', (password: string) => hashPassword(password, { iterations: 2000 })],
    ['the earlier scrypt', async (password: string) => legacyScrypt(password)],
  ])('verifies a hash made with %s, and makes it anew with the current scheme at the next sign-in', async (_, older) => {
    const p = await activatedEmployee(t);
    const stored = () =>
      env.DB.prepare('select password_hash as hash from accounts where id = ?').bind(p.accountId).first<{ hash: string }>();
    const current = (await stored())?.hash as string;
    expect(current).toMatch(/^pbkdf2-sha512\$1000\$/);
    const old = await older(p.password);
    await env.DB.prepare('update accounts set password_hash = ? where id = ?').bind(old, p.accountId).run();
    // A wrong password changes nothing.
    expectProblem(await login({ tenant: t.slug, username: p.username, password: 'not-the-password-at-all' }), 401);
    expect((await stored())?.hash).toBe(old);
    expect((await login({ tenant: t.slug, username: p.username, password: p.password })).status).toBe(200);
    const renewed = (await stored())?.hash as string;
    expect(renewed).toMatch(/^pbkdf2-sha512\$1000\$/);
    expect(renewed).not.toBe(current);
    expect((await login({ tenant: t.slug, username: p.username, password: p.password })).status).toBe(200);
    expect((await stored())?.hash).toBe(renewed);
  });

  it('rate-limits each sign-in route per client address: the 21st call in a minute is a 429 with Retry-After; renewals have room for an office', async () => {
    // The test pool's AUTH_RATE_LIMIT is Miniflare's: a fixed window of `period` (60 s) counted per
    // key in memory, reset when Date.now() enters the next minute. Deterministic as long as the
    // calls stay within one window: start well inside one, and check it did not roll over.
    const windowOf = () => Math.floor(Date.now() / 60_000);
    for (let attempt = 0; ; attempt++) {
      const intoWindow = Date.now() % 60_000;
      if (intoWindow > 50_000) await new Promise((r) => setTimeout(r, 60_000 - intoWindow + 100));
      const window = windowOf();
      const address = freshAddress();
      const answers = [];
      const wrong = (i: number) => ({
        tenant: t.slug,
        username: `1999020220201219${String(i).padStart(2, '0')}`,
        password: 'wrong-password-y',
      });
      for (let i = 0; i < 21; i++) answers.push(await login(wrong(i), address));
      const other = await login(wrong(21), freshAddress());
      const start = await api('GET', `/api/v1/auth/oidc/${t.slug}/start`, { headers: { 'cf-connecting-ip': address } });
      // Renewals from the same address (every page load makes one) count apart, with room for an office behind it.
      const renewals = [];
      for (let i = 0; i < 40; i++) renewals.push(await refresh(undefined, address));
      if (windowOf() !== window && attempt === 0) continue;
      expect(answers.slice(0, 20).map((r) => r.status)).toEqual(Array(20).fill(401));
      const limited = expectProblem(answers[20] as (typeof answers)[number], 429);
      expect(limited.detail).toMatch(/from this address/);
      expect(answers[20]?.headers.get('retry-after')).toBe('60');
      // Another address is not limited, and each route counts on its own.
      expectProblem(other, 401);
      expect(start.status).toBe(302);
      expect(renewals.map((r) => r.status)).toEqual(Array(40).fill(401));
      break;
    }
  });
});
