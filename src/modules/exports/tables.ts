/**
 * What a tenant export holds: every table of the schema that has a `tenant_id` column, derived from
 * the drizzle schema itself so that a table added later is exported without anyone remembering it
 * (test/modules/exports/export.test.ts also checks the list against the database's own tables).
 * Two lists say what is left out, each with its reason: secrets (credential digests, second-factor
 * secrets, sign-in state) and tables that are not the tenant's records.
 */
import { getTableConfig, type SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../db/schema';
import type { TenantTable } from '../../platform/tenancy/scoped-db';

/** Columns never exported: holding them is enough to sign in as someone, or to forge a second factor. */
export const leftOutColumns: Record<string, Record<string, string>> = {
  accounts: {
    password_hash: 'a password hash can be attacked offline; the account is exported without it',
    totp_secret: 'the second-factor secret generates valid codes',
    totp_pending: 'a second-factor secret being set up',
  },
  sessions: { token_hash: 'digest of a refresh token (a sign-in)' },
  activation_codes: { code_hash: 'digest of a one-time activation code' },
  recovery_codes: { code_hash: 'digest of a one-time second-factor recovery code' },
  oidc_logins: {
    nonce: 'single sign-on attempt in flight',
    code_verifier: 'PKCE verifier of a single sign-on attempt in flight',
  },
};

/** Tables with a `tenant_id` that are not exported, and why. */
export const leftOutTables: Record<string, string> = {
  tenant_summaries:
    "national aggregates in the control database, computed from this tenant's rows; their disclosure-control cell keys never leave that table",
  job_steps: "the job engine's checkpoints (a step's bookkeeping), meaningless outside the running Worker",
};

export interface ExportTable {
  name: string;
  table: TenantTable;
  /** The exported columns, by SQL name, in the table's order. */
  columns: Record<string, SQLiteColumn>;
  /** The primary key without `tenant_id`: the order pages are read in. */
  key: SQLiteColumn[];
  leftOut: string[];
}

function describe(table: SQLiteTable): ExportTable | undefined {
  const config = getTableConfig(table);
  if (!config.columns.some((c) => c.name === 'tenant_id') || config.name in leftOutTables) return undefined;
  const hidden = leftOutColumns[config.name] ?? {};
  const primary = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary);
  return {
    name: config.name,
    table: table as TenantTable,
    columns: Object.fromEntries(config.columns.filter((c) => !(c.name in hidden)).map((c) => [c.name, c])),
    key: primary.filter((c) => c.name !== 'tenant_id'),
    leftOut: Object.keys(hidden),
  };
}

/** Every exported table, by name. */
export const exportTables: readonly ExportTable[] = (Object.values(schema) as unknown[])
  .filter((value): value is SQLiteTable => value instanceof SQLiteTable)
  .map(describe)
  .filter((t): t is ExportTable => t !== undefined)
  .sort((a, b) => a.name.localeCompare(b.name));
