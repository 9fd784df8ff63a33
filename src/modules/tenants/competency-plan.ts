/**
 * Turns a manifest's technical competencies and position standards into the writes that bring the
 * tenant to them, the way organisation-plan does for units and positions: competencies matched by
 * code (new inserted, changed updated with a new version, equal left alone); a position's standard
 * replaced only when the manifest lists one and it differs, its `standard_sets` version raised so an
 * API client holding the old ETag gets 412. A position without `standards` in the manifest keeps
 * the standard it has: it may be curated through the API.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { auditLog, competencies, positionStandards, standardSets } from '../../db/schema';
import { nationalTenant } from '../../db/schema/competencies';
import { auditRow, type AuditRow } from '../../platform/audit/audit';
import type { ServiceContext } from '../../platform/context';
import { jsonRows } from '../../platform/db/json-rows';
import { DomainError, type FieldError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Statement } from '../../platform/tenancy/scoped-db';
import type { Manifest } from './manifest';
import type { Tally } from './organisation-plan';

type CompetencyRow = typeof competencies.$inferSelect;
type StandardRow = typeof positionStandards.$inferSelect;

/** One position's standard as a comparable string: competency, level and weight, in id order. */
const signature = (rows: Pick<StandardRow, 'competencyId' | 'requiredLevel' | 'weight'>[]) =>
  rows
    .map((r) => `${r.competencyId}:${r.requiredLevel}:${r.weight}`)
    .sort()
    .join('|');

export async function planCompetencies(ctx: ServiceContext, manifest: Manifest, positionIds: Map<string, string>, now: string) {
  const { db, tenant } = ctx;
  const [visible, standards, sets] = await db.orm.batch([
    db.orm.select().from(competencies).where(inArray(competencies.tenantId, [nationalTenant, tenant.id])),
    db.orm.select().from(positionStandards).where(db.owned(positionStandards)),
    db.orm.select().from(standardSets).where(db.owned(standardSets)),
  ]);
  const national = new Map(visible.filter((c) => c.tenantId === nationalTenant).map((c) => [c.code, c]));
  const own = new Map(visible.filter((c) => c.tenantId === tenant.id).map((c) => [c.code, c]));

  const errors: FieldError[] = [];
  const audits: AuditRow[] = [];
  const tally: { competencies: Tally; standards: Tally } = {
    competencies: { created: 0, updated: 0, unchanged: 0 },
    standards: { created: 0, updated: 0, unchanged: 0 },
  };

  const newCompetencies: CompetencyRow[] = [];
  const competencyUpdates: Statement[] = [];
  const refs = new Map<string, { tenantId: string; id: string }>([...national].map(([code, c]) => [code, { tenantId: c.tenantId, id: c.id }]));
  for (const c of own.values()) refs.set(c.code, { tenantId: c.tenantId, id: c.id });
  manifest.competencies.forEach((c, i) => {
    if (national.has(c.code)) {
      errors.push({ path: `body.competencies.${i}.code`, message: `${c.code} is a national competency code` });
      return;
    }
    if (manifest.competencies.findIndex((d) => d.code === c.code) !== i) {
      errors.push({ path: `body.competencies.${i}.code`, message: `competency code ${c.code} appears twice` });
      return;
    }
    const levels = JSON.stringify(c.levels);
    const current = own.get(c.code);
    if (!current) {
      const id = newId('cmp');
      newCompetencies.push({ tenantId: tenant.id, id, code: c.code, name: c.name, type: 'teknis', description: c.description, levels, version: 1, createdAt: now, updatedAt: now });
      refs.set(c.code, { tenantId: tenant.id, id });
      audits.push(auditRow(ctx, 'competency.create', 'competency', id, now));
      tally.competencies.created++;
    } else if (current.name !== c.name || current.description !== c.description || current.levels !== levels) {
      competencyUpdates.push(
        db.orm
          .update(competencies)
          .set({ name: c.name, description: c.description, levels, version: sql`${competencies.version} + 1`, updatedAt: now })
          .where(db.owned(competencies, eq(competencies.id, current.id))),
      );
      audits.push(auditRow(ctx, 'competency.update', 'competency', current.id, now));
      tally.competencies.updated++;
    } else tally.competencies.unchanged++;
  });

  const storedByPosition = new Map<string, StandardRow[]>();
  for (const s of standards) storedByPosition.set(s.positionId, [...(storedByPosition.get(s.positionId) ?? []), s]);
  const setVersions = new Map(sets.map((s) => [s.positionId, s.version]));

  const standardWrites: Statement[] = [];
  const newStandards: StandardRow[] = [];
  manifest.positions.forEach((p, i) => {
    if (!p.standards) return;
    const positionId = positionIds.get(p.code) as string;
    const rows: StandardRow[] = [];
    const seen = new Set<string>();
    p.standards.forEach((s, j) => {
      const ref = refs.get(s.competency);
      const path = `body.positions.${i}.standards.${j}.competency`;
      if (!ref) errors.push({ path, message: `no competency ${s.competency}: neither national nor in this manifest or tenant` });
      else if (seen.has(ref.id)) errors.push({ path, message: `${s.competency} is listed twice` });
      else {
        seen.add(ref.id);
        rows.push({ tenantId: tenant.id, positionId, competencyTenantId: ref.tenantId, competencyId: ref.id, requiredLevel: s.requiredLevel, weight: s.weight });
      }
    });
    const version = setVersions.get(positionId);
    if (version !== undefined && signature(storedByPosition.get(positionId) ?? []) === signature(rows)) {
      tally.standards.unchanged++;
      return;
    }
    standardWrites.push(
      db.orm
        .insert(standardSets)
        .values({ tenantId: tenant.id, positionId, version: 1, updatedAt: now })
        .onConflictDoUpdate({ target: [standardSets.tenantId, standardSets.positionId], set: { version: sql`${standardSets.version} + 1`, updatedAt: now } }),
      db.orm.delete(positionStandards).where(db.owned(positionStandards, eq(positionStandards.positionId, positionId))),
    );
    newStandards.push(...rows);
    audits.push(auditRow(ctx, 'position.standards.replace', 'position', positionId, now));
    if (version === undefined) tally.standards.created++;
    else tally.standards.updated++;
  });
  if (errors.length > 0) throw new DomainError('validation_failed', 'The manifest is not consistent.', errors);

  // Competencies before the standards that name them; every position row exists already (the
  // organisation plan's statements run first).
  const statements: Statement[] = [
    ...(newCompetencies.length > 0 ? [db.orm.insert(competencies).select(jsonRows(competencies, newCompetencies))] : []),
    ...competencyUpdates,
    ...standardWrites,
    ...(newStandards.length > 0 ? [db.orm.insert(positionStandards).select(jsonRows(positionStandards, newStandards))] : []),
    ...(audits.length > 0 ? [db.insertRows(auditLog, audits)] : []),
  ];
  return { statements, ...tally };
}
