/**
 * Token verification with jose: algorithms pinned to an asymmetric allow-list; `iss`, `aud` and
 * `exp` required; 30 s of clock tolerance; a token issued in the future (`iat` beyond the tolerance)
 * or living longer than `JWT_MAX_LIFETIME` seconds (default 24 h, counted from `iat`, or from now
 * without one) is refused, so a leaked long-lived token cannot be minted. Anything wrong is the
 * same 401.
 *
 * Two issuers are accepted, each only with its own keys: Bangkom itself (`iss` = `AUTH_ISSUER`,
 * ES256 only, its own keys from `AUTH_SIGNING_KEYS`, at most 15 minutes long, platform/auth/keys.ts),
 * and the configured external one (`iss` = `JWT_ISSUER`, keys from a remote JWKS in production —
 * an OIDC IdP or Cloudflare Access — or an inline JWKS for local development and tests). The
 * unverified `iss` only chooses which of the two checks the token; each check then pins issuer,
 * keys and algorithms itself.
 */
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, type JWTPayload, jwtVerify } from 'jose';
import type { Bindings } from '../../env';
import { DomainError } from '../errors';
import { accessTokenSeconds, ownVerifier } from './keys';

const asymmetric = new Set(['ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA']);
/** Larger than any honest token; refused before any parsing. */
export const maxTokenLength = 8192;

type KeySet = ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet>;
// Key sets are configuration, not request state: cached per isolate so the remote set's own
// cache and cooldown work across requests.
const keySets = new Map<string, KeySet>();

function keySetFor(env: Bindings): KeySet {
  const source = env.JWT_JWKS_URL ?? env.JWT_JWKS;
  if (!source || !env.JWT_ISSUER) throw unauthenticated('The token is not valid.');
  let keySet = keySets.get(source);
  if (!keySet) {
    keySet = env.JWT_JWKS_URL
      ? createRemoteJWKSet(new URL(env.JWT_JWKS_URL), { cooldownDuration: 30_000, cacheMaxAge: 600_000 })
      : createLocalJWKSet(JSON.parse(source));
    keySets.set(source, keySet);
  }
  return keySet;
}

export function allowedAlgorithms(env: Bindings): string[] {
  const list = (env.JWT_ALGORITHMS ?? 'ES256,RS256')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const unsafe = list.filter((a) => !asymmetric.has(a));
  if (unsafe.length > 0) throw new Error(`JWT_ALGORITHMS may list asymmetric algorithms only, not ${unsafe.join(', ')}`);
  return list;
}

const unauthenticated = (detail: string) => new DomainError('unauthenticated', detail);

const clockToleranceSeconds = 30;
const defaultMaxLifetimeSeconds = 24 * 3600;

function maxLifetime(env: Bindings): number {
  const configured = Number(env.JWT_MAX_LIFETIME ?? defaultMaxLifetimeSeconds);
  return Number.isFinite(configured) && configured > 0 ? configured : defaultMaxLifetimeSeconds;
}

/** `iat` not in the future, and `exp` no further than the allowed lifetime from `iat` (or from now). */
function checkLifetime(payload: JWTPayload, longest: number, now = Math.floor(Date.now() / 1000)): void {
  if (payload.iat !== undefined && payload.iat > now + clockToleranceSeconds) throw unauthenticated('The token is issued in the future.');
  const from = Math.min(payload.iat ?? now, now);
  if ((payload.exp ?? 0) - from > longest) throw unauthenticated('The token lives longer than allowed.');
}

/** Which issuer the token claims, unverified: it only chooses the check that follows. */
function claimedIssuer(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    throw unauthenticated('The token is not valid.');
  }
}

async function verifyOwn(env: Bindings, token: string): Promise<JWTPayload> {
  const verifier = await ownVerifier(env);
  if (!verifier) throw unauthenticated('The token is not valid.');
  const { payload } = await jwtVerify(token, verifier, {
    algorithms: ['ES256'],
    issuer: env.AUTH_ISSUER,
    audience: env.JWT_AUDIENCE,
    requiredClaims: ['exp', 'iat', 'sub'],
    clockTolerance: clockToleranceSeconds,
  });
  checkLifetime(payload, accessTokenSeconds);
  return payload;
}

async function verifyExternal(env: Bindings, token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, keySetFor(env), {
    algorithms: allowedAlgorithms(env),
    issuer: env.JWT_ISSUER,
    audience: env.JWT_AUDIENCE,
    requiredClaims: ['exp', 'sub'],
    clockTolerance: clockToleranceSeconds,
  });
  checkLifetime(payload, maxLifetime(env));
  return payload;
}

export async function verifyToken(env: Bindings, token: string): Promise<JWTPayload> {
  if (token.length > maxTokenLength) throw unauthenticated('The token is too large.');
  try {
    const own = env.AUTH_ISSUER !== undefined && claimedIssuer(token) === env.AUTH_ISSUER;
    return own ? await verifyOwn(env, token) : await verifyExternal(env, token);
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw unauthenticated('The token has expired.');
    if (err instanceof errors.JOSEError) throw unauthenticated('The token is not valid.');
    throw err;
  }
}
