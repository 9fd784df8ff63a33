/**
 * Signing in: accounts, their sessions (refresh tokens), activation codes, second factors and the
 * tenant's sign-in settings. Tenant accounts live in the tenant's database; national accounts are
 * the rows with `tenant_id = ''` in the control database. Secrets are never stored: passwords as
 * PBKDF2 hashes, refresh tokens, activation and recovery codes as SHA-256 hashes.
 */
import { foreignKey, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { tenantColumns, timestamps, versioned } from './columns';
import { employees } from './employees';

export const accountStatuses = ['active', 'disabled'] as const;

export const accounts = sqliteTable(
  'accounts',
  {
    ...tenantColumns(),
    /** An employee's NIP, or an admin's email in lower case. */
    username: text('username').notNull(),
    /** Space-separated roles the account's tokens carry. */
    roles: text('roles').notNull(),
    employeeId: text('employee_id'),
    /** `pbkdf2-sha512$iterations$salt$hash` (or an older `scrypt$N$r$p$salt$hash`); null until the account is activated. */
    passwordHash: text('password_hash'),
    passwordChangedAt: text('password_changed_at'),
    status: text('status', { enum: accountStatuses }).notNull().default('active'),
    /** Set when repeated failures lock the account (sign_in_throttle keeps the count). */
    lockedUntil: text('locked_until'),
    /** Base32 TOTP secret once confirmed; `totp_pending` while being set up. */
    totpSecret: text('totp_secret'),
    totpPending: text('totp_pending'),
    /** The last accepted TOTP time step: a code of that step or earlier is never accepted again. */
    totpLastStep: integer('totp_last_step'),
    ...versioned(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('accounts_tenant_username').on(t.tenantId, t.username),
    uniqueIndex('accounts_tenant_employee').on(t.tenantId, t.employeeId),
    foreignKey({ columns: [t.tenantId, t.employeeId], foreignColumns: [employees.tenantId, employees.id] }),
  ],
);

/**
 * One row per refresh token. A sign-in starts a family; each refresh marks its token used and adds
 * the next one to the family. A used token presented again revokes the whole family.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    ...tenantColumns(),
    accountId: text('account_id').notNull(),
    familyId: text('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    /** The family's absolute end: refreshing never extends a sign-in past it. */
    familyExpiresAt: text('family_expires_at').notNull(),
    usedAt: text('used_at'),
    revokedAt: text('revoked_at'),
    /**
     * A sign-in by single sign-on of an account with a second factor: until the TOTP (or a
     * recovery code) is given, its tokens reach only `POST /auth/two-factor/verify`. Kept through
     * rotation; the check clears it for the whole family.
     */
    secondFactorPending: integer('second_factor_pending', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('sessions_tenant_account').on(t.tenantId, t.accountId),
    index('sessions_tenant_family').on(t.tenantId, t.familyId),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
  ],
);

/** One-time activation (and reset) codes, issued by an admin; a new code replaces any unused one. */
export const activationCodes = sqliteTable(
  'activation_codes',
  {
    ...tenantColumns(),
    accountId: text('account_id').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('activation_codes_tenant_account').on(t.tenantId, t.accountId),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
  ],
);

/** One-time recovery codes for a lost second factor. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    ...tenantColumns(),
    accountId: text('account_id').notNull(),
    codeHash: text('code_hash').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('recovery_codes_tenant_account').on(t.tenantId, t.accountId),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [accounts.tenantId, accounts.id] }),
  ],
);

/** The tenant's sign-in settings: second factor for admins, single sign-on. One row per tenant. */
export const signInSettings = sqliteTable('sign_in_settings', {
  tenantId: text('tenant_id').primaryKey(),
  requireAdminTotp: integer('require_admin_totp', { mode: 'boolean' }).notNull().default(false),
  /** OpenID Connect issuer of the region's IdP; null when single sign-on is off. */
  oidcIssuer: text('oidc_issuer'),
  oidcClientId: text('oidc_client_id'),
  /** Which claim of the ID token names the account, and whether it holds a NIP or an email. */
  oidcClaim: text('oidc_claim'),
  oidcMatch: text('oidc_match', { enum: ['nip', 'email'] }),
  ...versioned(),
  updatedAt: text('updated_at').notNull(),
});

/** Single sign-on attempts in flight: `state` (hashed), `nonce` and the PKCE verifier, for 10 minutes. */
export const oidcLogins = sqliteTable(
  'oidc_logins',
  {
    ...tenantColumns(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/**
 * Failed sign-ins, per account name (`user:<tenant id>:<username>`, whether or not the account
 * exists) and per client address (`addr:<address>`). Control database only.
 */
export const signInThrottle = sqliteTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: text('last_failure_at').notNull(),
  lockedUntil: text('locked_until'),
});

export type AccountRow = typeof accounts.$inferSelect;
