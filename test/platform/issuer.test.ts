/** Bangkom as an issuer: its public keys, its own tokens accepted beside external ones, rotation. */
import { env } from 'cloudflare:workers';
import { generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken } from '../../src/platform/auth/keys';
import { api, expectProblem } from '../support/api';
import { createTenant, type TestTenant } from '../support/factories';
import { signToken } from '../support/tokens';

let a: TestTenant;
let b: TestTenant;
const ownKeys = JSON.parse(env.AUTH_SIGNING_KEYS ?? '[]') as JWK[];

beforeAll(async () => {
  [a, b] = [await createTenant(), await createTenant()];
});

const adminClaims = (slug: string) => ({ sub: `acc_admin_${slug}`, roles: ['tenant_admin'], tenant: slug });

/** A token with Bangkom's issuer, signed by `key` under `kid`, living `ttl` seconds. */
async function ownIssuerToken(key: CryptoKey, kid: string, ttl = 600, claims: Record<string, unknown> = adminClaims(a.slug)) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid })
    .setIssuer(env.AUTH_ISSUER ?? '')
    .setAudience(env.JWT_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + ttl)
    .sign(key);
}

describe('Bangkom as an issuer', () => {
  it('publishes its public keys, and no private part, at /.well-known/jwks.json', async () => {
    const res = await api('GET', '/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/public/);
    const { keys } = res.body as { keys: JWK[] };
    expect(keys.map((k) => k.kid)).toEqual(ownKeys.map((k) => k.kid));
    for (const k of keys) {
      expect(k).not.toHaveProperty('d');
      expect(k).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    }
  });

  it('accepts its own tokens beside the external issuer, and a tenant A token stays out of tenant B', async () => {
    const own = await signAccessToken(env, adminClaims(a.slug));
    expect((await api('GET', `/api/v1/tenants/${a.slug}`, { token: own })).status).toBe(200);
    expect((await api('GET', `/api/v1/tenants/${a.slug}`, { token: a.adminToken })).status).toBe(200);
    expectProblem(await api('GET', `/api/v1/tenants/${b.slug}`, { token: own }), 403);
    expectProblem(await api('GET', `/api/v1/tenants/${b.slug}/units`, { token: own }), 403);
  });

  it('keeps verifying tokens of the previous key after a rotation', async () => {
    const previous = ownKeys[1] as JWK;
    const token = await ownIssuerToken((await importJWK(previous, 'ES256')) as CryptoKey, previous.kid as string);
    expect((await api('GET', `/api/v1/tenants/${a.slug}`, { token })).status).toBe(200);
  });

  it('refuses own-issuer tokens not signed by its keys, or longer than 15 minutes', async () => {
    const stranger = (await generateKeyPair('ES256')).privateKey;
    const current = ownKeys[0] as JWK;
    const currentKey = (await importJWK(current, 'ES256')) as CryptoKey;
    const refused: [string, string][] = [
      ['a stranger key under the current kid', await ownIssuerToken(stranger, current.kid as string)],
      ['a kid that left the ring', await ownIssuerToken(stranger, 'bangkom-retired')],
      ['a lifetime of an hour', await ownIssuerToken(currentKey, current.kid as string, 3600)],
      // The external key cannot sign as Bangkom, nor Bangkom's key as the external issuer.
      [
        'the external key under Bangkom issuer',
        await ownIssuerToken((await importJWK(JSON.parse(env.TEST_SIGNING_JWK), 'ES256')) as CryptoKey, 'test-key'),
      ],
      ['Bangkom key under the external issuer', await signToken(adminClaims(a.slug), { key: currentKey, kid: current.kid as string })],
    ];
    for (const [what, token] of refused) {
      const res = await api('GET', `/api/v1/tenants/${a.slug}`, { token });
      expect(res.status, what).toBe(401);
      expectProblem(res, 401);
    }
  });
});
