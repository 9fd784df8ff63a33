/**
 * The yearly JP target of an employee, by employment type (SPEC 3 and 12): PNS at least 20 JP a
 * year (PP 11/2017; the manifest's `jpTarget`, default 20), PPPK its own value (default 20, within
 * PP 49/2018's at most 24 a contract year). The tenant admin sets both in the tenant settings
 * (`tenant_settings`); until the first save the defaults apply. Statements that compare each
 * person's total with their target read the settings inside themselves (`jpTargetCenti`), so a
 * ledger, a summary or a national figure costs no extra round trip and never mixes two versions.
 */
import { type SQL, sql } from 'drizzle-orm';
import { defaultPppkJpTarget, tenantSettings } from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import type { TenantEntry } from '../../platform/tenancy/directory';
import type { TenantDb } from '../../platform/tenancy/scoped-db';

export interface JpTargets {
  pns: number;
  pppk: number;
}

/** The targets before the tenant admin saves any: the manifest's for PNS, 20 for PPPK. */
export const defaultJpTargets = (tenant: Pick<TenantEntry, 'jpTarget'>): JpTargets => ({ pns: tenant.jpTarget, pppk: defaultPppkJpTarget });

/** The targets in force: one read. */
export async function jpTargetsOf(ctx: TenantContext): Promise<JpTargets> {
  const [row] = await ctx.db.select({ pns: tenantSettings.jpTargetPns, pppk: tenantSettings.jpTargetPppk }).from(tenantSettings).limit(1);
  return row ?? defaultJpTargets(ctx.tenant);
}

/** SQL: the target of one employment type in force, in JP. */
export function jpTargetSql(db: TenantDb, tenant: Pick<TenantEntry, 'jpTarget'>, type: 'pns' | 'pppk'): SQL {
  const fallback = defaultJpTargets(tenant)[type];
  return sql`coalesce((select ts.${sql.raw(type === 'pns' ? 'jp_target_pns' : 'jp_target_pppk')} from tenant_settings ts where ${db.scope('ts')}), ${fallback})`;
}

/** SQL: the target in hundredths of JP of an employee whose employment type is `employmentType` (a column). */
export const jpTargetCenti = (db: TenantDb, tenant: Pick<TenantEntry, 'jpTarget'>, employmentType: SQL): SQL =>
  sql`(iif(${employmentType} = 'pppk', ${jpTargetSql(db, tenant, 'pppk')}, ${jpTargetSql(db, tenant, 'pns')}) * 100)`;
