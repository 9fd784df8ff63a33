/**
 * The token forgery suite (SECURITY.md, "What the suites prove"): every forged, stale, malformed or mis-addressed token
 * is refused with 401 on a read and on a write, and none is ever accepted.
 */
import { env } from 'cloudflare:workers';
import { base64url, generateKeyPair, importJWK, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectProblem } from '../support/api';
import { createTenant, type TestTenant } from '../support/factories';
import { signToken, tokenFor } from '../support/tokens';

let t: TestTenant;
let forgeries: [string, string][];

/** Signs header and payload exactly as given, bypassing jose's own checks (for `crit`). */
async function signRaw(header: Record<string, unknown>, payload: JWTPayload): Promise<string> {
  const key = (await importJWK(JSON.parse(env.TEST_SIGNING_JWK), 'ES256')) as CryptoKey;
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new TextEncoder().encode(input));
  return `${input}.${base64url.encode(new Uint8Array(signature))}`;
}

beforeAll(async () => {
  t = await createTenant();
  const now = Math.floor(Date.now() / 1000);
  const good = { sub: 'forger', roles: ['tenant_admin'], tenant: t.slug };
  const full = { ...good, iss: env.JWT_ISSUER, aud: env.JWT_AUDIENCE, exp: now + 600 };
  const signing = await importJWK(JSON.parse(env.TEST_SIGNING_JWK), 'ES256');
  const stranger = (await generateKeyPair('ES256')).privateKey;
  const publicJwk = JSON.parse(env.JWT_JWKS ?? '{}').keys[0];
  const valid = await tokenFor('tenant_admin', { tenant: t.slug });
  const [h, p, s] = valid.split('.') as [string, string, string];

  forgeries = [
    ['alg none', `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify(full))}.`],
    [
      'HS256 signed with the public key',
      await new SignJWT(good)
        .setProtectedHeader({ alg: 'HS256', kid: 'test-key' })
        .setIssuer(env.JWT_ISSUER)
        .setAudience(env.JWT_AUDIENCE)
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(JSON.stringify(publicJwk))),
    ],
    ['unknown kid', await signToken(good, { kid: 'no-such-key' })],
    ['signed by another key under the known kid', await signToken(good, { key: stranger })],
    ['expired', await signToken(good, { ttlSeconds: -120 })],
    [
      'not yet valid',
      await new SignJWT(good)
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
        .setIssuer(env.JWT_ISSUER)
        .setAudience(env.JWT_AUDIENCE)
        .setNotBefore(now + 3600)
        .setExpirationTime(now + 7200)
        .sign(signing),
    ],
    ['issued an hour in the future', await signRaw({ alg: 'ES256', kid: 'test-key' }, { ...full, iat: now + 3600, exp: now + 4000 })],
    ['a lifetime of three years', await signRaw({ alg: 'ES256', kid: 'test-key' }, { ...full, iat: now, exp: now + 3 * 365 * 86400 })],
    ['a lifetime of years without iat', await signRaw({ alg: 'ES256', kid: 'test-key' }, { ...full, exp: now + 2 * 365 * 86400 })],
    ['wrong issuer', await signRaw({ alg: 'ES256', kid: 'test-key' }, { ...full, iss: 'https://evil.example' })],
    ['wrong audience', await signRaw({ alg: 'ES256', kid: 'test-key' }, { ...full, aud: 'another-api' })],
    ['missing exp', await signRaw({ alg: 'ES256', kid: 'test-key' }, { ...good, iss: env.JWT_ISSUER, aud: env.JWT_AUDIENCE })],
    ['missing tenant', await signToken({ sub: 'forger', roles: ['tenant_admin'] })],
    ['unknown tenant', await signToken({ ...good, tenant: 'atlantis' })],
    ['unknown role', await signToken({ ...good, roles: ['root'] })],
    ['no roles', await signToken({ sub: 'forger', tenant: t.slug })],
    ['employee without employee_id', await signToken({ ...good, roles: ['employee'] })],
    ['national admin bound to a tenant', await signToken({ ...good, roles: ['national_admin'] })],
    ['unknown scope', await signToken({ ...good, scope: 'everything' })],
    ['tampered payload', `${h}.${base64url.encode(JSON.stringify({ ...full, roles: ['national_admin'], tenant: undefined }))}.${s}`],
    ['truncated', valid.slice(0, -12)],
    ['signature removed', `${h}.${p}.`],
    ['unknown crit header', await signRaw({ alg: 'ES256', kid: 'test-key', crit: ['x-bangkom-policy'], 'x-bangkom-policy': 1 }, full)],
    ['oversized', await signToken({ ...good, padding: 'x'.repeat(10_000) })],
    ['not a JWT at all', 'bangkom'],
  ];
});

describe('token forgery suite', () => {
  it('refuses every forged token with 401, on a read and on a write', async () => {
    for (const [name, token] of forgeries) {
      const read = await api('GET', `/api/v1/tenants/${t.slug}/units`, { token });
      expect(read.status, name).toBe(401);
      expectProblem(read, 401);
      const write = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
        token,
        body: { code: 'FORGED', name: 'Bagian Palsu', kind: 'bagian' },
      });
      expect(write.status, name).toBe(401);
    }
    const units = await api('GET', `/api/v1/tenants/${t.slug}/units?limit=500`, { token: t.adminToken });
    expect(units.body.items.map((u) => u.code)).not.toContain('FORGED');
    console.info(`token forgery suite: ${forgeries.length} forged tokens refused`);
  });

  it('still accepts the genuine token (so the refusals above are not an accident)', async () => {
    expect((await api('GET', `/api/v1/tenants/${t.slug}/units`, { token: t.adminToken })).status).toBe(200);
  });
});
