/**
 * Bangkom as an issuer: its own ES256 signing keys. The private keys come only from the Worker
 * secret `AUTH_SIGNING_KEYS` — a JSON array of private JWKs, each with its own `kid` — and never
 * leave the Worker; their public halves are served at `/.well-known/jwks.json`.
 *
 * Rotation: put a new key first in the list (the first key signs) and keep the previous one after
 * it for at least `accessTokenSeconds`, so every token it signed can still be verified until it
 * expires; then drop it. Keys are read once per isolate and per secret value.
 */
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';
import type { Bindings } from '../../env';

/** Lifetime of the access tokens Bangkom issues (the spec caps it at 15 minutes). */
export const accessTokenSeconds = 15 * 60;

interface KeyRing {
  signing: { key: CryptoKey; kid: string };
  publicKeys: JWK[];
  verifier: ReturnType<typeof createLocalJWKSet>;
}

const rings = new Map<string, Promise<KeyRing>>();

async function buildRing(secret: string): Promise<KeyRing> {
  const parsed: unknown = JSON.parse(secret);
  const list = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown }).keys;
  if (!Array.isArray(list) || list.length === 0) throw new Error('AUTH_SIGNING_KEYS must be a JSON array of private ES256 JWKs');
  const publicKeys: JWK[] = [];
  let signing: KeyRing['signing'] | undefined;
  for (const jwk of list as JWK[]) {
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.kid) {
      throw new Error('every AUTH_SIGNING_KEYS entry must be a private P-256 JWK with a kid');
    }
    const key = (await importJWK(jwk, 'ES256')) as CryptoKey;
    signing ??= { key, kid: jwk.kid };
    const { kty, crv, x, y, kid } = jwk;
    publicKeys.push({ kty, crv, x, y, kid, alg: 'ES256', use: 'sig' } as JWK);
  }
  if (!signing) throw new Error('AUTH_SIGNING_KEYS holds no key');
  return { signing, publicKeys, verifier: createLocalJWKSet({ keys: publicKeys }) };
}

function ringOf(env: Bindings): Promise<KeyRing> | undefined {
  const secret = env.AUTH_SIGNING_KEYS;
  if (!secret) return undefined;
  let ring = rings.get(secret);
  if (!ring) {
    ring = buildRing(secret);
    rings.set(secret, ring);
  }
  return ring;
}

/** The public keys, for `/.well-known/jwks.json` (an empty set when Bangkom issues nothing). */
export async function publicJwks(env: Bindings): Promise<{ keys: JWK[] }> {
  const ring = ringOf(env);
  return { keys: ring ? (await ring).publicKeys : [] };
}

/** The verifier of Bangkom's own tokens, or undefined when no key is configured. */
export async function ownVerifier(env: Bindings): Promise<KeyRing['verifier'] | undefined> {
  const ring = ringOf(env);
  return ring ? (await ring).verifier : undefined;
}

/** An access token signed with the current key: `iss` Bangkom, `aud` the API, ≤ 15 minutes. */
export async function signAccessToken(env: Bindings, claims: JWTPayload, now = Math.floor(Date.now() / 1000)): Promise<string> {
  const ring = ringOf(env);
  if (!ring || !env.AUTH_ISSUER) throw new Error('AUTH_SIGNING_KEYS and AUTH_ISSUER are not configured');
  const { key, kid } = (await ring).signing;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setIssuer(env.AUTH_ISSUER)
    .setAudience(env.JWT_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + accessTokenSeconds)
    .sign(key);
}

/** A new private signing key as a JWK (for `npm start` and the tests; production keys are made the same way). */
export async function newSigningJwk(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
}
