/**
 * Single sign-on per region: OpenID Connect, authorization code with PKCE (S256), to the region's
 * own IdP (its sign-in settings name the issuer, the client id, the claim that names the account
 * and whether it holds a NIP or an email; the client secret is the Worker secret
 * `OIDC_CLIENT_SECRETS`, a JSON object keyed by tenant slug).
 *
 * A sign-in in flight is a row of `oidc_logins` in the region's own database: the SHA-256 of its
 * `state` (the row's id), its `nonce` and PKCE verifier, for 10 minutes. Server-side rather than in
 * an encrypted cookie because a row is used up exactly once (the callback deletes it, `RETURNING`
 * what it held, so two callbacks with one state cannot both pass), is bound to the region by its
 * `tenant_id` (the scoped handle of another region never finds it), and needs no cookie key to
 * rotate. The browser that started the sign-in is bound to it too: the `state` is also set as an
 * HttpOnly cookie for this region's callback path only, and the callback needs both to agree, so a
 * callback URL carried to another browser (login CSRF) signs nobody in.
 *
 * The ID token's claim maps to an account of the region (its user name: an employee's NIP, an
 * admin's email). The account must exist and be active (not disabled, its employee not
 * deactivated); it needs no password. The session is the one a password sign-in starts (the
 * refresh cookie); an account with a second factor still owes its code (restriction.ts).
 */
import { eq, lt } from 'drizzle-orm';
import { oidcLogins, signInSettings } from '../../db/schema';
import { authorizationUrl, discover, exchangeCode, SsoFailure, verifyIdToken } from './oidc';
import { type AuthCall, type Realm, realmNamed, signInActor } from './realm';
import { randomToken, sameText, sha256 } from './secrets';
import { accountActor, authAudit, sessionStatements } from './sessions';
import { findAccount } from './sign-in';

/** A sign-in in flight may take this long at the IdP. */
const loginMinutes = 10;

interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  claim: string;
  match: 'nip' | 'email';
}

const secretLists = new Map<string, Record<string, unknown>>();

/** The region's client secret from `OIDC_CLIENT_SECRETS` (parsed once per isolate and value). */
function clientSecretOf(env: AuthCall['env'], slug: string): string | undefined {
  const raw = env.OIDC_CLIENT_SECRETS;
  if (!raw) return undefined;
  let list = secretLists.get(raw);
  if (!list) {
    try {
      const parsed: unknown = JSON.parse(raw);
      list = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      list = {};
    }
    secretLists.set(raw, list);
  }
  const secret = Object.hasOwn(list, slug) ? list[slug] : undefined;
  return typeof secret === 'string' && secret.length > 0 ? secret : undefined;
}

/** The region's single sign-on, when its settings name an IdP and its client secret is set. */
async function configOf(call: AuthCall, realm: Realm): Promise<SsoConfig | undefined> {
  if (!realm.tenant) return undefined;
  const [row] = await realm.db.select().from(signInSettings).limit(1);
  const clientSecret = clientSecretOf(call.env, realm.tenant.slug);
  if (!row?.oidcIssuer || !row.oidcClientId || !row.oidcClaim || !row.oidcMatch || !clientSecret) return undefined;
  return { issuer: row.oidcIssuer, clientId: row.oidcClientId, clientSecret, claim: row.oidcClaim, match: row.oidcMatch };
}

const slugPattern = /^[a-z][a-z0-9-]{1,39}$/;

async function regionOf(call: AuthCall, slug: string): Promise<Realm | undefined> {
  if (!slugPattern.test(slug)) return undefined;
  const realm = await realmNamed(call, slug);
  return realm?.tenant ? realm : undefined;
}

async function configuredRegion(call: AuthCall, slug: string): Promise<{ realm: Realm; config: SsoConfig }> {
  const realm = await regionOf(call, slug);
  if (!realm) throw new SsoFailure('konfigurasi', 'no such region');
  const config = await configOf(call, realm);
  if (!config) throw new SsoFailure('konfigurasi', 'single sign-on is not set up (settings or client secret)');
  return { realm, config };
}

const ssoStartPath = (slug: string) => `/api/v1/auth/oidc/${slug}/start`;
const ssoCallbackPath = (slug: string) => `/api/v1/auth/oidc/${slug}/callback`;
/** Where the state cookie is sent: this region's single sign-on routes only. */
export const ssoCookiePath = (slug: string) => `/api/v1/auth/oidc/${slug}`;

export interface SignInMethods {
  password: true;
  sso: { startUrl: string } | null;
}

/**
 * How a region's people sign in, for the console's sign-in screen. An unknown region answers as
 * a region without single sign-on: nothing here says more than the public directory.
 */
export async function signInMethods(call: AuthCall, slug: string | undefined): Promise<SignInMethods> {
  const realm = slug ? await regionOf(call, slug) : undefined;
  const config = realm ? await configOf(call, realm) : undefined;
  return { password: true, sso: realm?.tenant && config ? { startUrl: ssoStartPath(realm.tenant.slug) } : null };
}

/**
 * Starts a sign-in: a fresh `state`, `nonce` and PKCE verifier, kept for 10 minutes (expired ones
 * of the region are swept in the same batch); answers where to send the browser, and the state for
 * its cookie.
 */
export async function startSso(call: AuthCall, slug: string, origin: string): Promise<{ location: string; state: string }> {
  const { realm, config } = await configuredRegion(call, slug);
  const provider = await discover(config.issuer, call.now.getTime());
  const state = randomToken();
  const nonce = randomToken();
  const codeVerifier = randomToken();
  const at = call.now.toISOString();
  await realm.db.batch([
    realm.db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, at)),
    realm.db.insert(oidcLogins).values({
      id: await sha256(state),
      nonce,
      codeVerifier,
      createdAt: at,
      expiresAt: new Date(call.now.getTime() + loginMinutes * 60_000).toISOString(),
    }),
  ]);
  const location = authorizationUrl(provider, {
    clientId: config.clientId,
    redirectUri: `${origin}${ssoCallbackPath(slug)}`,
    state,
    nonce,
    // RFC 7636 S256: BASE64URL(SHA-256(verifier)), which is what sha256() answers.
    codeChallenge: await sha256(codeVerifier),
  });
  return { location, state };
}

export interface Callback {
  code?: string | undefined;
  state?: string | undefined;
  error?: string | undefined;
  /** RFC 9207: the issuer of the authorization response, when the IdP names it. */
  iss?: string | undefined;
  /** The state cookie the browser sent. */
  cookieState?: string | undefined;
}

/** The account value a claim holds, as user names are stored; undefined when it cannot name one. */
function usernameFrom(claims: Record<string, unknown>, config: SsoConfig): string | undefined {
  const value = claims[config.claim];
  const raw = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof raw !== 'string') return undefined;
  if (config.match === 'nip') {
    const nip = raw.replace(/\s+/g, '');
    return /^\d{18}$/.test(nip) ? nip : undefined;
  }
  // An email the IdP itself says it has not verified names nobody.
  if (config.claim === 'email' && claims.email_verified === false) return undefined;
  const email = raw.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(email) && email.length <= 254 ? email : undefined;
}

/**
 * The IdP's answer: the state used up and checked (known, this region's, unexpired, this
 * browser's), the code exchanged with the verifier, the ID token proven, its claim mapped to an
 * active account; then a session. Answers the refresh token; throws an `SsoFailure` otherwise.
 */
export async function finishSso(call: AuthCall, slug: string, origin: string, callback: Callback): Promise<{ refreshToken: string }> {
  const realm = await regionOf(call, slug);
  if (!realm) throw new SsoFailure('konfigurasi', 'no such region');
  if (!callback.state || callback.state.length > 200) throw new SsoFailure('state', 'no state');
  const [login] = await realm.db
    .delete(oidcLogins)
    .where(eq(oidcLogins.id, await sha256(callback.state)))
    .returning();
  if (!login) throw new SsoFailure('state', 'unknown or used state');
  if (Date.parse(login.expiresAt) <= call.now.getTime()) throw new SsoFailure('state', 'expired state');
  if (!callback.cookieState || !sameText(callback.cookieState, callback.state)) {
    throw new SsoFailure('state', 'the state is not of this browser');
  }
  if (callback.error) throw new SsoFailure('token', `the IdP answered ${callback.error.slice(0, 60)}`);
  if (!callback.code) throw new SsoFailure('token', 'no code');

  const { config } = await configuredRegion(call, slug);
  const provider = await discover(config.issuer, call.now.getTime());
  // An answer that names another issuer is not this IdP's (RFC 9207, against IdP mix-up).
  if (callback.iss !== undefined && callback.iss !== provider.issuer) throw new SsoFailure('token', 'the answer names another issuer');
  const idToken = await exchangeCode(provider, {
    code: callback.code,
    redirectUri: `${origin}${ssoCallbackPath(slug)}`,
    codeVerifier: login.codeVerifier,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
  });
  const claims = await verifyIdToken(provider, idToken, { clientId: config.clientId, nonce: login.nonce });

  const username = usernameFrom(claims, config);
  if (!username) throw new SsoFailure('akun', `claim ${config.claim} names no account`);
  const found = await findAccount(realm, username);
  if (!found) throw new SsoFailure('akun', 'no such account', username);
  const { account } = found;
  if (account.status !== 'active' || !found.employeeActive) throw new SsoFailure('akun', 'account not active', account.id);

  const session = await sessionStatements(realm, account, call.now, { secondFactorPending: account.totpSecret !== null });
  await realm.db.write([...session.statements, authAudit(realm, call, accountActor(account), 'auth.login_sso', account.id)]);
  return { refreshToken: session.refreshToken };
}

/**
 * The audit row of a failed single sign-on, in the region's trail (the national one for an
 * unknown region): `auth.sso_failed`, naming the reason and, where known, the account or the
 * value the claim held.
 */
export async function auditSsoFailure(call: AuthCall, slug: string, failure: SsoFailure): Promise<void> {
  const trail = (await regionOf(call, slug)) ?? (await realmNamed(call, undefined));
  if (!trail) return;
  const entityId = `${failure.reason}${failure.subject ? `:${failure.subject}` : ''}`.slice(0, 120);
  await trail.db.write([authAudit(trail, call, signInActor('anonymous'), 'auth.sso_failed', entityId)]);
}
