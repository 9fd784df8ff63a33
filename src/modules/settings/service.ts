/**
 * The tenant's settings: which assessment counts when an employee assessed themself, and the
 * yearly JP target of each employment type. Until the admin first saves them there is no row and
 * the defaults apply at version 0 (`ETag "v0"`): self-assessments count only until another source
 * assesses the competency; the PNS target is the manifest's `jpTarget`, the PPPK target 20. A save
 * applies only at the version the caller read — the insert of the first row and the update of a
 * later one are both conditional, so two admins never overwrite each other — and its audit row
 * lands only when it did. A new self-assessment rule re-chooses every current level in the same
 * batch, by the rule then stored: a stale save re-chooses by the old rule, which changes nothing.
 */
import { eq } from 'drizzle-orm';
import { tenantSettings } from '../../db/schema';
import { auditIfChanged } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';
import { markChanged } from '../../platform/data-versions';
import { staleWrite } from '../../platform/http/etag';
import { nowIso } from '../../platform/ids';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { recomputeCurrentLevels } from '../competencies';
import { defaultJpTargets } from '../jp';
import type { SettingsInput } from './schemas';

type Row = typeof tenantSettings.$inferSelect;

const publicSettings = (ctx: TenantContext, row: Row | undefined) =>
  row
    ? {
        selfAssessments: row.selfAssessments,
        jpTargets: { pns: row.jpTargetPns, pppk: row.jpTargetPppk },
        version: row.version,
        updatedAt: row.updatedAt,
      }
    : { selfAssessments: 'until_other_source' as const, jpTargets: defaultJpTargets(ctx.tenant), version: 0, updatedAt: null };

export async function tenantSettingsOf({ ctx }: Call<TenantContext>) {
  const [row] = await ctx.db.select().from(tenantSettings).limit(1);
  return publicSettings(ctx, row);
}

export async function putTenantSettings({ ctx, input }: Call<TenantContext, { expectedVersion: number; changes: SettingsInput }>) {
  const { expectedVersion, changes } = input;
  const current = await tenantSettingsOf({ ctx, input: undefined });
  const now = nowIso();
  const s = tenantSettings;
  const values = {
    selfAssessments: changes.selfAssessments,
    jpTargetPns: changes.jpTargets.pns,
    jpTargetPppk: changes.jpTargets.pppk,
    version: expectedVersion + 1,
    updatedAt: now,
  };
  const write =
    expectedVersion === 0
      ? ctx.db.insert(s).values(values).onConflictDoNothing().returning()
      : ctx.db.update(s).set(values).where(eq(s.version, expectedVersion)).returning();
  const audit = auditIfChanged(ctx, 'tenant_settings.update', 'tenant_settings', ctx.tenant.id, now);
  // Only a new rule can move a current level; the statement reads the rule stored at its turn.
  const levels: Statement[] =
    changes.selfAssessments === current.selfAssessments ? [] : [recomputeCurrentLevels(ctx), markChanged(ctx, 'needs')];
  const [rows] = await ctx.db.batch([write, audit, ...levels]);
  const [row] = rows as Row[];
  if (!row) throw staleWrite();
  return publicSettings(ctx, row);
}
