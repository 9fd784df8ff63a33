/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, started in Node by the
 * workers project's globalSetup: test/node/oidc-idp.ts): the whole flow end to end, each refusal
 * with its reason and nothing signed in, the mapping of the claim to an active account, a second
 * factor still owed, and the sign-in methods the console reads.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase32, hotp } from '../../../src/modules/accounts/totp';
import { activatedEmployee, freshAddress, nextNip, refreshCookieOf, withCookie } from '../../support/accounts';
import { type ApiResponse, api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { ssoRegions } from '../../support/oidc-clients';
import { callback, enableSso, type IdpPerson, idpIssuer, loginAtIdp, redirectOf, signInWithSso, start } from '../../support/sso';

let pesisir: TestTenant;
let gunung: TestTenant;
let plain: TestTenant;

beforeAll(async () => {
  const [a, b] = ssoRegions;
  pesisir = await createTenant({ slug: a.slug });
  gunung = await createTenant({ slug: b.slug });
  plain = await createTenant();
  await enableSso(pesisir, { claim: 'nip', match: 'nip' });
  await enableSso(gunung, { claim: 'email', match: 'email' });
});

const employeeAtIdp = (nip: string): IdpPerson => ({ sub: `idp-${nip}`, claims: { nip, name: 'Pegawai Uji', email: `${nip}@mail.test` } });
const failedWith = (reason: string) => `/masuk?sso=gagal&alasan=${reason}`;
const refresh = (token: string | undefined) => api('POST', '/api/v1/auth/refresh', withCookie(token, freshAddress()));

/** Nothing was signed in: no refresh cookie was set. */
function expectNoSession(res: ApiResponse): void {
  expect(refreshCookieOf(res)).toBeUndefined();
  expect(res.text).toBe('');
}

async function auditOf(t: TestTenant, action: string): Promise<string[]> {
  const res = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=${action}&limit=500`, { token: t.adminToken });
  return res.body.items.map((e: { entityId: string }) => e.entityId);
}

const loginsOf = async (t: TestTenant) =>
  (await env.DB.prepare('select count(*) as n from oidc_logins where tenant_id = ?').bind(t.id).first<{ n: number }>())?.n;

describe('single sign-on', () => {
  it('signs in end to end: start → the IdP → callback → refresh cookie → /me as the mapped account', async () => {
    const p = await activatedEmployee(pesisir);
    const started = await start(pesisir.slug);
    const { authorization } = started;
    expect(authorization.origin).toBe(idpIssuer());
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: ssoRegions[0].clientId,
      redirect_uri: `https://bangkom.test/api/v1/auth/oidc/${pesisir.slug}/callback`,
      scope: 'openid email profile',
      code_challenge_method: 'S256',
    });
    expect(authorization.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/);
    expect(authorization.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    const cookie = started.res.headers.get('set-cookie') ?? '';
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Lax', `Path=/api/v1/auth/oidc/${pesisir.slug}`, 'Max-Age=600']) {
      expect(cookie).toContain(attribute);
    }
    // Only the state's digest is stored.
    const row = await env.DB.prepare('select id from oidc_logins where tenant_id = ?').bind(pesisir.id).first<{ id: string }>();
    expect(row?.id).not.toBe(started.state);

    const back = await loginAtIdp(authorization, employeeAtIdp(p.username));
    expect(back.pathname).toBe(`/api/v1/auth/oidc/${pesisir.slug}/callback`);
    expect(back.searchParams.get('state')).toBe(started.state);
    const done = await callback(back, { cookie: started.cookie, address: started.address });
    expect(redirectOf(done)).toBe('/masuk?sso=ok');
    const session = refreshCookieOf(done);
    expect(session).toMatch(new RegExp(`^${pesisir.slug}\\.`));
    expect(done.headers.get('set-cookie')).toMatch(/bangkom_sso=;.*Max-Age=0/);

    const refreshed = await refresh(session);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ secondFactorRequired: false, account: { id: p.accountId, tenant: pesisir.slug } });
    const me = await api('GET', '/api/v1/me', { token: refreshed.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      subject: p.accountId,
      roles: ['employee'],
      tenant: { slug: pesisir.slug },
      employee: { id: p.employeeId },
    });
    expect(await auditOf(pesisir, 'auth.login_sso')).toContain(p.accountId);

    // The state is used up: the same answer again signs nobody in.
    const replayed = await callback(back, { cookie: started.cookie, address: started.address });
    expect(redirectOf(replayed)).toBe(failedWith('state'));
    expectNoSession(replayed);
  });

  it('refuses an unknown state, a state without its browser cookie and an expired state, signing nobody in', async () => {
    const p = await activatedEmployee(pesisir);
    const address = freshAddress();
    const bogus = await callback(new URL('https://bangkom.test/x?code=abc&state=not-a-state-we-made'), {
      cookie: 'not-a-state-we-made',
      address,
      slug: pesisir.slug,
    });
    expect(redirectOf(bogus)).toBe(failedWith('state'));
    expectNoSession(bogus);
    const none = await callback(new URL('https://bangkom.test/x?code=abc'), { address, slug: pesisir.slug });
    expect(redirectOf(none)).toBe(failedWith('state'));

    // Another browser (no cookie, or another sign-in's) carrying this sign-in's answer.
    const started = await start(pesisir.slug);
    const back = await loginAtIdp(started.authorization, employeeAtIdp(p.username));
    const elsewhere = await callback(back, { address: started.address });
    expect(redirectOf(elsewhere)).toBe(failedWith('state'));
    expectNoSession(elsewhere);

    const late = await start(pesisir.slug);
    const lateBack = await loginAtIdp(late.authorization, employeeAtIdp(p.username));
    await env.DB.prepare('update oidc_logins set expires_at = ? where tenant_id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), pesisir.id)
      .run();
    const expired = await callback(lateBack, { cookie: late.cookie, address: late.address });
    expect(redirectOf(expired)).toBe(failedWith('state'));
    expectNoSession(expired);
    expect((await auditOf(pesisir, 'auth.sso_failed')).filter((e) => e === 'state').length).toBeGreaterThanOrEqual(4);
  });

  it("refuses one region's state at another region's callback; the state stays its own region's", async () => {
    const p = await activatedEmployee(pesisir);
    const started = await start(pesisir.slug);
    const back = await loginAtIdp(started.authorization, employeeAtIdp(p.username));
    const atGunung = await callback(back, { cookie: started.cookie, address: started.address, slug: gunung.slug });
    expect(redirectOf(atGunung)).toBe(failedWith('state'));
    expectNoSession(atGunung);
    expect(await auditOf(gunung, 'auth.sso_failed')).toContain('state');
    // At its own region the same answer still signs in: the other region neither saw nor used it.
    const atHome = await callback(back, { cookie: started.cookie, address: started.address });
    expect(redirectOf(atHome)).toBe('/masuk?sso=ok');
  });

  it('refuses an ID token whose nonce is not the sign-in’s (the stored nonce tampered)', async () => {
    const p = await activatedEmployee(pesisir);
    const started = await start(pesisir.slug);
    const back = await loginAtIdp(started.authorization, employeeAtIdp(p.username));
    await env.DB.prepare('update oidc_logins set nonce = ? where tenant_id = ?').bind('a-nonce-this-sign-in-never-sent', pesisir.id).run();
    const res = await callback(back, { cookie: started.cookie, address: started.address });
    expect(redirectOf(res)).toBe(failedWith('nonce'));
    expectNoSession(res);
    expect(await auditOf(pesisir, 'auth.sso_failed')).toContain('nonce');
  });

  it('refuses a code whose PKCE verifier does not match its challenge (the stored verifier tampered)', async () => {
    const p = await activatedEmployee(pesisir);
    const started = await start(pesisir.slug);
    const back = await loginAtIdp(started.authorization, employeeAtIdp(p.username));
    await env.DB.prepare('update oidc_logins set code_verifier = ? where tenant_id = ?').bind('x'.repeat(43), pesisir.id).run();
    const res = await callback(back, { cookie: started.cookie, address: started.address });
    expect(redirectOf(res)).toBe(failedWith('pkce'));
    expectNoSession(res);
    expect(await auditOf(pesisir, 'auth.sso_failed')).toContain('pkce');
  });

  it('refuses a claim that names no account, and a disabled account, alike and audited', async () => {
    const stranger = nextNip();
    const unknown = await signInWithSso(pesisir.slug, employeeAtIdp(stranger));
    expect(redirectOf(unknown)).toBe(failedWith('akun'));
    expectNoSession(unknown);

    const p = await activatedEmployee(pesisir);
    const disabled = await api('POST', `/api/v1/tenants/${pesisir.slug}/accounts/${p.accountId}/disable`, { token: pesisir.adminToken });
    expect(disabled.status).toBe(200);
    const refused = await signInWithSso(pesisir.slug, employeeAtIdp(p.username));
    expect(redirectOf(refused)).toBe(failedWith('akun'));
    expectNoSession(refused);
    const failures = await auditOf(pesisir, 'auth.sso_failed');
    expect(failures).toContain(`akun:${stranger}`);
    expect(failures).toContain(`akun:${p.accountId}`);

    // A claim that is not a NIP at all names nobody either.
    const odd = await signInWithSso(pesisir.slug, { sub: 'idp-odd', claims: { nip: 'not-a-nip', email: 'odd@mail.test' } });
    expect(redirectOf(odd)).toBe(failedWith('akun'));
  });

  it('refuses when the person cancels at the IdP (an error instead of a code)', async () => {
    const started = await start(pesisir.slug);
    const res = await callback(new URL(`https://bangkom.test/x?error=access_denied&state=${started.state}`), {
      cookie: started.cookie,
      address: started.address,
      slug: pesisir.slug,
    });
    expect(redirectOf(res)).toBe(failedWith('token'));
    expectNoSession(res);
  });

  it('sends a region without single sign-on (or an unknown one) back with konfigurasi', async () => {
    for (const slug of [plain.slug, 'no-such-region']) {
      const res = await api('GET', `/api/v1/auth/oidc/${slug}/start`, { headers: { 'cf-connecting-ip': freshAddress() } });
      expect(redirectOf(res)).toBe(failedWith('konfigurasi'));
      expect(res.headers.get('set-cookie') ?? '').not.toMatch(/bangkom_sso=[^;]/);
    }
    expect(await auditOf(plain, 'auth.sso_failed')).toContain('konfigurasi');
    expect(await loginsOf(plain)).toBe(0);
  });

  it('maps an email claim to an admin account; the region’s second-factor rule and an account’s own factor still apply', async () => {
    const email = `admin.${crypto.randomUUID().slice(0, 8)}@bkd.example.go.id`;
    const created = await api('POST', `/api/v1/tenants/${gunung.slug}/accounts`, {
      token: gunung.adminToken,
      body: { roles: ['tenant_admin'], email },
    });
    expect(created.status).toBe(201);
    const person = { sub: 'idp-admin', claims: { email: email.toUpperCase(), email_verified: true, name: 'Admin Uji' } };

    // The region requires a second factor of admins: the sign-in reaches only its set-up.
    await enableSso(gunung, { claim: 'email', match: 'email' }, true);
    const first = await signInWithSso(gunung.slug, person);
    expect(redirectOf(first)).toBe('/masuk?sso=ok');
    const limited = await refresh(refreshCookieOf(first));
    expect(limited.body).toMatchObject({ twoFactorSetupRequired: true, secondFactorRequired: false, account: { id: created.body.id } });
    const token = limited.body.accessToken;
    expectProblem(await api('GET', `/api/v1/tenants/${gunung.slug}/accounts`, { token }), 403);
    const setup = await api('POST', '/api/v1/auth/two-factor/setup', { token });
    const secret = setup.body.secret as string;
    const code = await hotp(fromBase32(secret), Math.floor(Date.now() / 30_000));
    const confirmed = await api('POST', '/api/v1/auth/two-factor/confirm', { token, body: { code } });
    expect(confirmed.status).toBe(200);
    const recovery = confirmed.body.recoveryCodes as string[];

    // With a second factor set up, a single sign-on still owes it.
    const second = await signInWithSso(gunung.slug, person);
    expect(redirectOf(second)).toBe('/masuk?sso=ok');
    const owing = await refresh(refreshCookieOf(second));
    expect(owing.body).toMatchObject({ secondFactorRequired: true, twoFactorSetupRequired: false });
    const owed = owing.body.accessToken;
    expectProblem(await api('GET', '/api/v1/me', { token: owed }), 403);
    expectProblem(await api('POST', '/api/v1/auth/two-factor/verify', { token: owed, body: { totp: '000000' } }), 403);
    expect(await auditOf(gunung, 'auth.second_factor_failed')).toContain(created.body.id);
    // Refreshing does not shed the debt.
    const still = await refresh(refreshCookieOf(owing));
    expect(still.body.secondFactorRequired).toBe(true);
    const given = await api('POST', '/api/v1/auth/two-factor/verify', { token: still.body.accessToken, body: { totp: recovery[0] } });
    expect(given.status).toBe(204);
    const full = await refresh(refreshCookieOf(still));
    expect(full.body).toMatchObject({ secondFactorRequired: false, twoFactorSetupRequired: false });
    expect((await api('GET', `/api/v1/tenants/${gunung.slug}/accounts`, { token: full.body.accessToken })).status).toBe(200);
    // A full token owes nothing.
    expectProblem(await api('POST', '/api/v1/auth/two-factor/verify', { token: full.body.accessToken, body: { totp: recovery[1] } }), 409);

    // An email the IdP says it has not verified names nobody.
    const unverified = await signInWithSso(gunung.slug, { ...person, claims: { ...person.claims, email_verified: false } });
    expect(redirectOf(unverified)).toBe(failedWith('akun'));
  });
});

describe('sign-in methods', () => {
  it("shows a region's single sign-on, and answers an unknown region as one without", async () => {
    const methods = (slug?: string) =>
      api('GET', `/api/v1/auth/methods${slug ? `?tenant=${slug}` : ''}`, { headers: { 'cf-connecting-ip': freshAddress() } });
    expect((await methods(pesisir.slug)).body).toEqual({ password: true, sso: { startUrl: `/api/v1/auth/oidc/${pesisir.slug}/start` } });
    const without = await methods(plain.slug);
    expect(without.body).toEqual({ password: true, sso: null });
    for (const other of [await methods('no-such-region'), await methods('NOT A SLUG'), await methods()]) {
      expect(other.status).toBe(200);
      expect(other.body).toEqual(without.body);
    }
  });
});
