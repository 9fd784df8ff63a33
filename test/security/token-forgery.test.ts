/**
 * The token forgery suite (SECURITY.md, "What the suites prove"): every forged, stale, malformed or mis-addressed token
 * is refused with 401 on a read and on a write, and none is ever accepted.
 */
import { env } from 'cloudflare:workers';
import { base64url, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken } from '../../src/platform/auth/keys';
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

/** Tokens that claim Bangkom itself as issuer (`AUTH_ISSUER`) without its keys, or beyond its rules. */
async function ownIssuerForgeries(good: JWTPayload, now: number, stranger: CryptoKey): Promise<[string, string][]> {
  const own = { ...good, iss: env.AUTH_ISSUER, aud: env.JWT_AUDIENCE, iat: now, exp: now + 600 };
  const [current] = JSON.parse(env.AUTH_SIGNING_KEYS) as JWK[];
  const ownKey = (await importJWK(current as JWK, 'ES256')) as CryptoKey;
  const kid = current?.kid as string;
  const signOwn = (header: Record<string, unknown>, payload: JWTPayload, key: CryptoKey) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'ES256', ...header }).sign(key);
  const { d: _d, ...ownPublic } = current as JWK;
  return [
    ['Bangkom issuer, alg none', `${base64url.encode(JSON.stringify({ alg: 'none', kid }))}.${base64url.encode(JSON.stringify(own))}.`],
    [
      'Bangkom issuer, HS256 with its public key',
      await new SignJWT(own).setProtectedHeader({ alg: 'HS256', kid }).sign(new TextEncoder().encode(JSON.stringify(ownPublic))),
    ],
    ['Bangkom issuer, a stranger key under its kid', await signOwn({ kid }, own, stranger)],
    ['Bangkom issuer, the external key', await signRaw({ alg: 'ES256', kid: 'test-key' }, own)],
    ['Bangkom issuer, an unknown kid', await signOwn({ kid: 'bangkom-unknown' }, own, ownKey)],
    ['Bangkom issuer, an hour long', await signOwn({ kid }, { ...own, exp: now + 3600 }, ownKey)],
    ['Bangkom issuer, no iat', await signOwn({ kid }, { ...own, iat: undefined }, ownKey)],
    ['Bangkom issuer, wrong audience', await signOwn({ kid }, { ...own, aud: 'another-api' }, ownKey)],
    ['Bangkom issuer, expired', await signOwn({ kid }, { ...own, iat: now - 1200, exp: now - 300 }, ownKey)],
  ];
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
    ...(await ownIssuerForgeries(good, now, stranger)),
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

  it('still accepts the genuine tokens, external and Bangkom-issued (so the refusals above are not an accident)', async () => {
    expect((await api('GET', `/api/v1/tenants/${t.slug}/units`, { token: t.adminToken })).status).toBe(200);
    const own = await signAccessToken(env, { sub: 'acc_genuine', roles: ['tenant_admin'], tenant: t.slug });
    expect((await api('GET', `/api/v1/tenants/${t.slug}/units`, { token: own })).status).toBe(200);
  });
});
