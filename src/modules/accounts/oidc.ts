/**
 * The OpenID Connect client of single sign-on: the region's IdP as its discovery document
 * describes it, the authorization request (code flow, PKCE S256), the code exchange at the token
 * endpoint with the client secret, and the ID token checked with jose against the IdP's own keys.
 * Nothing here touches the database; sso.ts holds the flow.
 *
 * Every failure is an `SsoFailure` with the short reason the console shows (`alasan`), never an
 * exception of the IdP's making: a slow, broken or hostile IdP ends in `konfigurasi` or `token`.
 */
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { sameText } from './secrets';

/** Why a single sign-on failed, as the console's `/masuk?sso=gagal&alasan=` reads it. */
export type SsoReason = 'state' | 'nonce' | 'pkce' | 'token' | 'akun' | 'konfigurasi';

export class SsoFailure extends Error {
  constructor(
    readonly reason: SsoReason,
    /** For the server log only; never shown to the person. */
    readonly note: string,
    /** For the audit row: the account, or the value the claim held. */
    readonly subject?: string,
  ) {
    super(`${reason}: ${note}`);
    this.name = 'SsoFailure';
  }
}

export interface Provider {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  /** How the client authenticates at the token endpoint. */
  clientAuth: 'client_secret_basic' | 'client_secret_post';
  /** ID token algorithms accepted: those the IdP announces, asymmetric only (RS256 when it says none). */
  algorithms: string[];
}

const timeoutMs = 5000;
/** A discovery document is kept this long per isolate (IdPs change endpoints rarely; a fix applies within minutes). */
const discoveryTtlMs = 5 * 60 * 1000;
const asymmetric = new Set(['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA']);

const discovered = new Map<string, { provider: Provider; until: number }>();
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** An issuer is reached over https only; plain http only on the machine itself (local IdPs, tests). */
function reachable(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname));
  } catch {
    return false;
  }
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

async function fetchJson(url: string, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  if (text.length > 256 * 1024) throw new Error('answer too large');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = {};
  }
  return { status: res.status, body: body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {} };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** The IdP's discovery document (`/.well-known/openid-configuration`), checked and cached briefly. */
export async function discover(issuer: string, now = Date.now()): Promise<Provider> {
  const key = trimSlash(issuer);
  const hit = discovered.get(key);
  if (hit && hit.until > now) return hit.provider;
  if (!reachable(key)) throw new SsoFailure('konfigurasi', `issuer ${key} is not an https URL`);
  let doc: Record<string, unknown>;
  try {
    const res = await fetchJson(`${key}/.well-known/openid-configuration`, { headers: { accept: 'application/json' } });
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    doc = res.body;
  } catch (err) {
    throw new SsoFailure('konfigurasi', `discovery failed: ${(err as Error).message}`);
  }
  const announced = text(doc.issuer);
  const authorizationEndpoint = text(doc.authorization_endpoint);
  const tokenEndpoint = text(doc.token_endpoint);
  const jwksUri = text(doc.jwks_uri);
  // OpenID Connect Discovery §4.3: the document's issuer is the one configured, or it is not this IdP's.
  if (!announced || trimSlash(announced) !== key) throw new SsoFailure('konfigurasi', `discovery names issuer ${announced}`);
  if (!authorizationEndpoint || !tokenEndpoint || !jwksUri || ![authorizationEndpoint, tokenEndpoint, jwksUri].every(reachable)) {
    throw new SsoFailure('konfigurasi', 'discovery lacks https endpoints');
  }
  const methods = Array.isArray(doc.token_endpoint_auth_methods_supported) ? doc.token_endpoint_auth_methods_supported : undefined;
  const clientAuth = !methods || methods.includes('client_secret_basic') ? 'client_secret_basic' : 'client_secret_post';
  if (methods && !methods.includes(clientAuth)) throw new SsoFailure('konfigurasi', 'the IdP takes no client secret');
  const listed = Array.isArray(doc.id_token_signing_alg_values_supported) ? doc.id_token_signing_alg_values_supported : ['RS256'];
  const algorithms = listed.filter((a): a is string => typeof a === 'string' && asymmetric.has(a));
  if (algorithms.length === 0) throw new SsoFailure('konfigurasi', 'the IdP signs ID tokens with no asymmetric algorithm');
  const provider: Provider = { issuer: announced, authorizationEndpoint, tokenEndpoint, jwksUri, clientAuth, algorithms };
  discovered.set(key, { provider, until: now + discoveryTtlMs });
  return provider;
}

export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  nonce: string;
  codeChallenge: string;
}

/** Where the person's browser goes to sign in at the IdP. */
export function authorizationUrl(provider: Provider, request: AuthorizationRequest): string {
  const url = new URL(provider.authorizationEndpoint);
  const params = {
    response_type: 'code',
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: 'openid email profile',
    state: request.state,
    nonce: request.nonce,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

export interface Exchange {
  code: string;
  redirectUri: string;
  codeVerifier: string;
  clientId: string;
  clientSecret: string;
}

/** RFC 6749 §2.3.1: client id and secret are form-encoded before Basic. */
const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

/**
 * Why the IdP refused the code. By the time of the exchange the state has been checked (fresh,
 * this region's, this browser's), so `invalid_grant` means the code was not issued for this
 * sign-in's PKCE verifier — a tampered verifier, a code injected from another sign-in — or is no
 * longer valid (used, expired): PKCE is what refuses a code carried into someone else's sign-in.
 * IdPs rarely say more (oidc-provider answers "grant request is invalid"). A refused client id or
 * secret is the region's set-up; anything else is `token`.
 */
function refusal(status: number, error: string | undefined): SsoReason {
  if (error === 'invalid_grant') return 'pkce';
  if (error === 'invalid_client' || error === 'unauthorized_client' || status === 401) return 'konfigurasi';
  return 'token';
}

/** The code for an ID token at the token endpoint (with the client secret and the PKCE verifier). */
export async function exchangeCode(provider: Provider, exchange: Exchange): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: exchange.code,
    redirect_uri: exchange.redirectUri,
    code_verifier: exchange.codeVerifier,
  });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  if (provider.clientAuth === 'client_secret_basic') {
    headers.authorization = `Basic ${btoa(`${formEncode(exchange.clientId)}:${formEncode(exchange.clientSecret)}`)}`;
  } else {
    form.set('client_id', exchange.clientId);
    form.set('client_secret', exchange.clientSecret);
  }
  let res: Awaited<ReturnType<typeof fetchJson>>;
  try {
    res = await fetchJson(provider.tokenEndpoint, { method: 'POST', headers, body: form.toString() });
  } catch (err) {
    throw new SsoFailure('token', `token endpoint unreachable: ${(err as Error).message}`);
  }
  if (res.status !== 200) {
    const error = text(res.body.error);
    const description = text(res.body.error_description) ?? '';
    throw new SsoFailure(refusal(res.status, error), `token endpoint: ${res.status} ${error ?? ''} ${description}`.slice(0, 200));
  }
  const idToken = text(res.body.id_token);
  if (!idToken || idToken.length > 16 * 1024) throw new SsoFailure('token', 'no ID token in the answer');
  return idToken;
}

function keySetOf(provider: Provider) {
  let keySet = keySets.get(provider.jwksUri);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(provider.jwksUri), { timeoutDuration: timeoutMs, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    keySets.set(provider.jwksUri, keySet);
  }
  return keySet;
}

/**
 * The ID token's claims once it is proven: signed by the IdP's keys (its JWKS) with an announced
 * asymmetric algorithm, `iss` the IdP, `aud` our client id (and `azp`, when present, too), not
 * expired, and its `nonce` the one this sign-in sent.
 */
export async function verifyIdToken(
  provider: Provider,
  idToken: string,
  expected: { clientId: string; nonce: string },
): Promise<Record<string, unknown>> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(idToken, keySetOf(provider), {
      issuer: provider.issuer,
      audience: expected.clientId,
      algorithms: provider.algorithms,
      requiredClaims: ['iss', 'aud', 'exp', 'iat', 'sub'],
      clockTolerance: 30,
      maxTokenAge: '1h',
    }));
  } catch (err) {
    const why = err instanceof errors.JOSEError ? err.code : 'unreadable';
    throw new SsoFailure('token', `ID token refused: ${why}`);
  }
  if (payload.azp !== undefined && payload.azp !== expected.clientId) throw new SsoFailure('token', 'ID token azp is another client');
  if (typeof payload.nonce !== 'string' || !sameText(payload.nonce, expected.nonce)) {
    throw new SsoFailure('nonce', 'ID token nonce is not the one sent');
  }
  return payload;
}
