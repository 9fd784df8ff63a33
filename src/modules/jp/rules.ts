/**
 * The JP rules per method (docs/jp.md, "Rules per method"): the defaults, the tenant's own set
 * (`GET/PUT /tenants/{tenant}/jp-rules`, versioned by If-Match; no row means the defaults at
 * version 0), and the one read the engine's callers need. A save applies only at the version the
 * caller read, and its audit row lands only when it did.
 */
import { eq } from 'drizzle-orm';
import { jpRules } from '../../db/schema';
import type { programMethods } from '../../db/schema/catalog';
import { auditIfChanged } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';
import { staleWrite } from '../../platform/http/etag';
import { nowIso } from '../../platform/ids';
import type { JpRule } from './engine';

export type ProgramMethod = (typeof programMethods)[number];
export type JpRules = Record<ProgramMethod, JpRule>;

const rule = (basis: JpRule['basis'], jpPerUnit: number | null, caps: Partial<Omit<JpRule, 'basis' | 'jpPerUnit'>> = {}): JpRule => ({
  basis,
  jpPerUnit,
  capPerDay: null,
  capPerMonth: null,
  capPerYear: null,
  capPerActivity: null,
  ...caps,
});

/** A training day: 8 lesson hours of 45 minutes (6 hours of learning). */
const trainingDay = rule('day', 8);

/** Defaults; the reasoning per method is in docs/jp.md. */
export const defaultJpRules: JpRules = {
  pelatihan_kepemimpinan: trainingDay,
  pelatihan_manajerial: trainingDay,
  pelatihan_teknis: trainingDay,
  pelatihan_fungsional: trainingDay,
  pelatihan_sosial_kultural: trainingDay,
  seminar: rule('day', 4),
  workshop: rule('day', 5),
  kursus: trainingDay,
  penataran: trainingDay,
  bimbingan_teknis: trainingDay,
  sosialisasi: rule('day', 2),
  coaching: rule('session', 2, { capPerMonth: 4 }),
  mentoring: rule('hour', 1, { capPerActivity: 20 }),
  e_learning: rule('hour', 1, { capPerDay: 3 }),
  pelatihan_jarak_jauh: rule('hour', 1, { capPerDay: 8 }),
  detasering: rule('day', 2, { capPerMonth: 20 }),
  outbound: rule('day', 4),
  patok_banding: rule('day', 4),
  pertukaran_pns: rule('day', 2, { capPerMonth: 20 }),
  belajar_mandiri: rule('hour', 1, { capPerYear: 10 }),
  komunitas_belajar: rule('session', 2, { capPerMonth: 4 }),
  bimbingan_di_tempat_kerja: rule('session', 2, { capPerMonth: 4 }),
  magang: rule('day', 2, { capPerMonth: 20 }),
  rotasi_jabatan: rule('claim', null, { capPerYear: 10 }),
  tugas_belajar: rule('semester', 20),
};

export interface JpRuleSet {
  rules: JpRules;
  version: number;
  updatedAt: string | null;
}

/** The rules in force (a saved set keeps a method it lacks at its default): one read. */
export async function jpRulesOf({ ctx }: Call<TenantContext>): Promise<JpRuleSet> {
  const [row] = await ctx.db.select().from(jpRules).limit(1);
  return ruleSetOf(row);
}

export const ruleSetOf = (row: typeof jpRules.$inferSelect | undefined): JpRuleSet =>
  row
    ? { rules: { ...defaultJpRules, ...(JSON.parse(row.rules) as Partial<JpRules>) }, version: row.version, updatedAt: row.updatedAt }
    : { rules: defaultJpRules, version: 0, updatedAt: null };

export async function putJpRules({ ctx, input }: Call<TenantContext, { expectedVersion: number; rules: JpRules }>): Promise<JpRuleSet> {
  const { expectedVersion, rules } = input;
  const now = nowIso();
  const values = { rules: JSON.stringify(rules), version: expectedVersion + 1, updatedAt: now };
  const write =
    expectedVersion === 0
      ? ctx.db.insert(jpRules).values(values).onConflictDoNothing().returning()
      : ctx.db.update(jpRules).set(values).where(eq(jpRules.version, expectedVersion)).returning();
  const [rows] = await ctx.db.batch([write, auditIfChanged(ctx, 'jp_rules.update', 'jp_rules', ctx.tenant.id, now)]);
  const [row] = rows as (typeof jpRules.$inferSelect)[];
  if (!row) throw staleWrite();
  return ruleSetOf(row);
}
