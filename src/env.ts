/**
 * The Worker's typed environment: bindings and the variables each request carries.
 * Every module reads its environment through these types; nothing reads `env` untyped.
 */
import type { Principal } from './platform/auth/principal';
import type { CostMeter } from './platform/db/metered-d1';
import type { TenantEntry } from './platform/tenancy/directory';
import type { TenantDb } from './platform/tenancy/scoped-db';

export interface Bindings {
  /** Control database (tenant directory) and the default home of tenant data. */
  DB: D1Database;
  /** Dedicated tenant databases are any further D1 bindings named `DB_*`. */
  [binding: `DB_${string}`]: D1Database | undefined;
  JWT_ISSUER: string;
  JWT_AUDIENCE: string;
  /** Comma-separated allow-list, e.g. "ES256,RS256". Symmetric algorithms are refused. */
  JWT_ALGORITHMS?: string;
  /** Remote key set (production: the OIDC IdP or Cloudflare Access certs URL). */
  JWT_JWKS_URL?: string;
  /** Inline key set as JSON (local development and tests). */
  JWT_JWKS?: string;
  /** "on" adds D1 cost figures to every response's Server-Timing header. */
  SERVER_TIMING?: string;
}

export interface Variables {
  requestId: string;
  meter: CostMeter;
  principal: Principal;
  tenant: TenantEntry;
  db: TenantDb;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
