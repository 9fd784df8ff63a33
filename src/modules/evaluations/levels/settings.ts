/**
 * A tenant's evaluation settings: for now the days after completion before a supervisor may
 * evaluate behaviour (L3; default 30). Until the admin first saves them there is no row and the
 * defaults apply at version 0 (`ETag "v0"`). A save applies only at the version the caller read —
 * the insert of the first row and the update of a later one are both conditional, so two admins
 * never overwrite each other — and its audit row lands only when it did.
 */
import { eq } from 'drizzle-orm';
import { evaluationSettings } from '../../../db/schema';
import { auditIfChanged } from '../../../platform/audit/audit';
import type { Call, TenantContext } from '../../../platform/context';
import { staleWrite } from '../../../platform/http/etag';
import { nowIso } from '../../../platform/ids';
import type { SettingsInput } from './schemas';

export const defaultSettings = { l3WaitingDays: 30 } as const;

type Row = typeof evaluationSettings.$inferSelect;

const publicSettings = (row: Row | undefined) =>
  row
    ? { l3WaitingDays: row.l3WaitingDays, version: row.version, updatedAt: row.updatedAt }
    : { ...defaultSettings, version: 0, updatedAt: null };

/** The settings in force (other modules read the L3 waiting period here). */
export async function evaluationSettingsOf({ ctx }: Call<TenantContext>) {
  const [row] = await ctx.db.select().from(evaluationSettings).limit(1);
  return publicSettings(row);
}

export async function putEvaluationSettings({ ctx, input }: Call<TenantContext, { expectedVersion: number; changes: SettingsInput }>) {
  const { expectedVersion, changes } = input;
  const now = nowIso();
  const s = evaluationSettings;
  const audit = auditIfChanged(ctx, 'evaluation_settings.update', 'evaluation_settings', ctx.tenant.id, now);
  const [rows] =
    expectedVersion === 0
      ? await ctx.db.batch([
          ctx.db.insert(s).values({ l3WaitingDays: changes.l3WaitingDays, version: 1, updatedAt: now }).onConflictDoNothing().returning(),
          audit,
        ])
      : await ctx.db.batch([
          ctx.db
            .update(s)
            .set({ l3WaitingDays: changes.l3WaitingDays, version: expectedVersion + 1, updatedAt: now })
            .where(eq(s.version, expectedVersion))
            .returning(),
          audit,
        ]);
  const [row] = rows as Row[];
  if (!row) throw staleWrite();
  return publicSettings(row);
}
