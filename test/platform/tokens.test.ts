import { env } from 'cloudflare:workers';
import { base64url, generateKeyPair, importJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectProblem } from '../support/api';
import { createTenant, type TestTenant } from '../support/factories';
import { signToken, tokenFor } from '../support/tokens';

let t: TestTenant;
beforeAll(async () => {
  t = await createTenant();
});

const get = (token: string) => api('GET', `/api/v1/tenants/${t.slug}`, { token });

describe('token verification', () => {
  it('accepts a valid token', async () => {
    const res = await get(t.adminToken);
    expect(res.status).toBe(200);
    expect(res.body.slug).toBe(t.slug);
  });

  it('refuses a missing or malformed Authorization header with 401 and WWW-Authenticate', async () => {
    const none = await api('GET', `/api/v1/tenants/${t.slug}`);
    expectProblem(none, 401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}`, { headers: { authorization: `Basic ${btoa('a:b')}` } }), 401);
  });

  it('refuses an expired token, even one just past the 30 s tolerance', async () => {
    expectProblem(await get(await tokenFor('tenant_admin', { tenant: t.slug, ttlSeconds: -120 })), 401);
  });

  it('refuses a wrong issuer, a wrong audience and a missing exp', async () => {
    const signing = await importJWK(JSON.parse(env.TEST_SIGNING_JWK), 'ES256');
    const build = (iss: string, aud: string, exp = true) => {
      const jwt = new SignJWT({ sub: 'x', roles: ['tenant_admin'], tenant: t.slug })
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
        .setIssuer(iss)
        .setAudience(aud);
      return (exp ? jwt.setExpirationTime('10m') : jwt).sign(signing);
    };
    expectProblem(await get(await build('https://evil.example', env.JWT_AUDIENCE)), 401);
    expectProblem(await get(await build(env.JWT_ISSUER, 'another-api')), 401);
    expectProblem(await get(await build(env.JWT_ISSUER, env.JWT_AUDIENCE, false)), 401);
    expect((await get(await build(env.JWT_ISSUER, env.JWT_AUDIENCE))).status).toBe(200);
  });

  it('refuses a token signed by another key, even under the known kid', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await signToken({ sub: 'x', roles: ['tenant_admin'], tenant: t.slug }, { key: privateKey });
    expectProblem(await get(forged), 401);
  });

  it('refuses alg none and HS256 made with the public key', async () => {
    const payload = base64url.encode(
      JSON.stringify({ sub: 'x', roles: ['tenant_admin'], tenant: t.slug, iss: env.JWT_ISSUER, aud: env.JWT_AUDIENCE, exp: Math.floor(Date.now() / 1000) + 600 }),
    );
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
    expectProblem(await get(none), 401);

    const publicJwk = JSON.parse(env.JWT_JWKS ?? "{}").keys[0];
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const hs = await new SignJWT({ sub: 'x', roles: ['tenant_admin'], tenant: t.slug })
      .setProtectedHeader({ alg: 'HS256', kid: 'test-key' })
      .setIssuer(env.JWT_ISSUER)
      .setAudience(env.JWT_AUDIENCE)
      .setExpirationTime('10m')
      .sign(secret);
    expectProblem(await get(hs), 401);
  });

  it('refuses claims that do not make a Bangkom principal', async () => {
    const cases = [
      { sub: 'x', roles: ['tenant_admin'] }, // no tenant
      { sub: 'x', roles: ['tenant_admin'], tenant: 'no-such-tenant' },
      { sub: 'x', roles: ['superuser'], tenant: t.slug },
      { sub: 'x', roles: ['employee'], tenant: t.slug }, // no employee_id
      { sub: 'x', roles: ['national_admin'], tenant: t.slug },
      { sub: 'x', roles: ['tenant_admin'], tenant: t.slug, scope: 'admin' },
      { roles: ['tenant_admin'], tenant: t.slug }, // no sub
    ];
    for (const claims of cases) expectProblem(await get(await signToken(claims)), 401);
  });

  it('refuses a tampered payload and an oversized token', async () => {
    const [h, , s] = t.adminToken.split('.');
    const tampered = `${h ?? ''}.${base64url.encode(JSON.stringify({ sub: 'x', roles: ['national_admin'] }))}.${s ?? ''}`;
    expectProblem(await get(tampered), 401);
    expectProblem(await get(await signToken({ sub: 'x', roles: ['tenant_admin'], tenant: t.slug, pad: 'x'.repeat(9000) })), 401);
  });

  it('lets a read-scoped token read but not write', async () => {
    const reader = await tokenFor('tenant_admin', { tenant: t.slug, scope: 'read' });
    expect((await api('GET', `/api/v1/tenants/${t.slug}/units`, { token: reader })).status).toBe(200);
    const write = await api('POST', `/api/v1/tenants/${t.slug}/units`, { token: reader, body: { code: 'X1', name: 'Bagian X', kind: 'bagian' } });
    expectProblem(write, 403);
  });

});
