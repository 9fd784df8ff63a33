/**
 * The Worker's typed environment: bindings and the variables each request carries.
 * Every module reads its environment through these types; nothing reads `env` untyped.
 * Routers are typed by the context their routes get (platform/context.ts): `TenantEnv` for
 * `/tenants/{tenant}/…` and `/me/…`, `NationalEnv` for `/national/…` and the directory.
 */
import type { Principal } from './platform/auth/principal';
import type { AnyContext, NationalContext, TenantContext } from './platform/context';
import type { CostMeter } from './platform/db/metered-d1';

export interface Bindings {
  /** Control database (tenant directory) and the default home of tenant data. */
  DB: D1Database;
  /** Dedicated tenant databases are any further D1 bindings named `DB_*`. */
  [binding: `DB_${string}`]: D1Database | undefined;
  /** The Workflow that runs every job (src/modules/jobs). */
  JOBS: Workflow;
  /** Files: job inputs (an import's CSV), tenant export archives. */
  FILES: R2Bucket;
  /** Issuer of external tokens (an IdP, Cloudflare Access, the local `npm run token` key). */
  JWT_ISSUER?: string;
  /** Audience of every accepted token, Bangkom's own included. */
  JWT_AUDIENCE: string;
  /** Issuer of the tokens Bangkom signs itself (the deployment's own URL). */
  AUTH_ISSUER?: string;
  /** Secret: Bangkom's private ES256 signing keys, a JSON array of JWKs; the first signs (platform/auth/keys.ts). */
  AUTH_SIGNING_KEYS?: string;
  /** Comma-separated allow-list, e.g. "ES256,RS256". Symmetric algorithms are refused. */
  JWT_ALGORITHMS?: string;
  /** Remote key set (production: the OIDC IdP or Cloudflare Access certs URL). */
  JWT_JWKS_URL?: string;
  /** Inline key set as JSON (local development and tests). */
  JWT_JWKS?: string;
  /** Longest accepted token lifetime in seconds (default 86400). */
  JWT_MAX_LIFETIME?: string;
  /** Rate limits of the public routes (sign-in, certificate verification), per client address (platform/http/rate-limit.ts). */
  AUTH_RATE_LIMIT?: RateLimit;
  /** Rate limits of keeping a session (renewal, sign-out, the sign-in methods), per client address: room for an office behind one address. */
  SESSION_RATE_LIMIT?: RateLimit;
  /** Rate limits of the citizens' survey routes, per client address: a binding of its own, apart from sign-in's. */
  SURVEY_RATE_LIMIT?: RateLimit;
  /**
   * Secret: the single sign-on client secrets, a JSON object keyed by tenant slug
   * (`{"kalianda": "…"}`); each region's IdP client id is in its sign-in settings (modules/accounts/sso.ts).
   */
  OIDC_CLIENT_SECRETS?: string;
  /** PBKDF2 iterations for new password hashes; unset means production's 210,000 (modules/accounts/passwords.ts). Tests set fewer. */
  AUTH_PBKDF2_ITERATIONS?: string;
  /** Public forms' human check (platform/http/challenge.ts): Turnstile's site key (a variable) and secret; unset, no check. */
  TURNSTILE_SITE_KEY?: string;
  TURNSTILE_SECRET_KEY?: string;
  /** Cloudflare's e-mail sending binding (`[[send_email]]`): notification e-mail (modules/notifications). */
  EMAIL?: SendEmail;
  /** The sender address of notification e-mail (a verified address of the deployment's domain). */
  EMAIL_FROM?: string;
  /** Secret: the HMAC key of the e-mails' unsubscribe links (modules/notifications/unsubscribe.ts); unset, one derived from AUTH_SIGNING_KEYS. */
  UNSUBSCRIBE_SECRET?: string;
  /** "on": every message sent is also written to R2 (`FILES`, `mail/<tenant>/…`): local runs and tests read them there. */
  EMAIL_CAPTURE?: string;
  /**
   * SIASN sync (modules/learning/siasn-client.ts): BKN's API gateway base (…/apisiasn/1.0), its SSO
   * token URL and its API-Manager token URL; unset, the sync is not configured.
   */
  SIASN_API_URL?: string;
  SIASN_SSO_TOKEN_URL?: string;
  SIASN_APIM_TOKEN_URL?: string;
  /** Secret: each region's SIASN account, a JSON object keyed by tenant slug (instansiId, clientId, username, password, consumerKey, consumerSecret). */
  SIASN_CREDENTIALS?: string;
  /** Optional service binding every SIASN request goes through (an egress proxy with a fixed address); unset, straight out. */
  SIASN?: Fetcher;
  /** "on" adds D1 cost figures to every response's Server-Timing header. */
  SERVER_TIMING?: string;
}

interface BaseVariables {
  requestId: string;
  meter: CostMeter;
  principal: Principal;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: BaseVariables & { ctx: AnyContext };
}

export interface TenantEnv {
  Bindings: Bindings;
  Variables: BaseVariables & { ctx: TenantContext };
}

export interface NationalEnv {
  Bindings: Bindings;
  Variables: BaseVariables & { ctx: NationalContext };
}
