/**
 * The token forgery suite (SECURITY.md, "What the suites prove"): every forged, stale, malformed or mis-addressed token
 * is refused with 401 on a read and on a write, and none is ever accepted. And the ID tokens of
 * single sign-on: every forged, stale or mis-addressed one is refused by the check the callback
 * makes, against the real test IdP's discovery and keys (test/node/oidc-idp.ts).
 */
import { env } from 'cloudflare:workers';
import { base64url, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { discover, SsoFailure, verifyIdToken } from '../../src/modules/accounts/oidc';
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

describe('ID token forgery at single sign-on', () => {
  it('refuses every forged, stale or mis-addressed ID token, and accepts the genuine one', async () => {
    const provider = await discover(inject('oidcIssuer'));
    const idpJwk = JSON.parse(inject('oidcSigningJwk')) as JWK;
    const idpKey = (await importJWK(idpJwk, 'RS256')) as CryptoKey;
    const stranger = (await generateKeyPair('RS256')).privateKey;
    const kid = idpJwk.kid as string;
    const clientId = 'bangkom-pesisir';
    const nonce = 'nonce-of-this-sign-in';
    const now = Math.floor(Date.now() / 1000);
    const claims = { iss: provider.issuer, aud: clientId, sub: 'idp-person', nip: '198506152012031001', nonce, iat: now, exp: now + 300 };
    const sign = (payload: JWTPayload, key: CryptoKey = idpKey, header: Record<string, unknown> = {}) =>
      new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, ...header }).sign(key);
    const genuine = await sign(claims);
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...idpPublic } = idpJwk;
    const [h, , sig] = genuine.split('.') as [string, string, string];
    const { exp: _exp, ...noExp } = claims;
    const { nonce: _nonce, ...noNonce } = claims;

    const forged: [string, string, 'token' | 'nonce'][] = [
      ['alg none', `${base64url.encode(JSON.stringify({ alg: 'none', kid }))}.${base64url.encode(JSON.stringify(claims))}.`, 'token'],
      [
        'HS256 with the IdP public key',
        await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid }).sign(new TextEncoder().encode(JSON.stringify(idpPublic))),
        'token',
      ],
      ["a stranger key under the IdP's kid", await sign(claims, stranger), 'token'],
      ['an unknown kid', await sign(claims, stranger, { kid: 'not-the-idp' }), 'token'],
      ['another issuer', await sign({ ...claims, iss: 'https://idp.elsewhere.example' }), 'token'],
      ['another audience', await sign({ ...claims, aud: 'another-client' }), 'token'],
      ['authorized for another client', await sign({ ...claims, aud: [clientId, 'another-client'], azp: 'another-client' }), 'token'],
      ['expired', await sign({ ...claims, iat: now - 900, exp: now - 300 }), 'token'],
      ['issued two hours ago', await sign({ ...claims, iat: now - 7200 }), 'token'],
      ['without exp', await sign(noExp), 'token'],
      ['tampered payload', `${h}.${base64url.encode(JSON.stringify({ ...claims, nip: '199001012015011001' }))}.${sig}`, 'token'],
      ['truncated', genuine.slice(0, -10), 'token'],
      ['another nonce', await sign({ ...claims, nonce: 'nonce-of-another-sign-in' }), 'nonce'],
      ['without nonce', await sign(noNonce), 'nonce'],
    ];
    for (const [name, token, reason] of forged) {
      const refused = await verifyIdToken(provider, token, { clientId, nonce }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(refused, name).toBeInstanceOf(SsoFailure);
      expect((refused as SsoFailure).reason, name).toBe(reason);
    }
    expect(await verifyIdToken(provider, genuine, { clientId, nonce })).toMatchObject({ sub: 'idp-person', nip: claims.nip });
    console.info(`token forgery suite: ${forged.length} forged ID tokens refused`);
  });
});
