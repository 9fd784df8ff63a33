/**
 * Turns a manifest's technical competencies and position standards into the writes that bring the
 * tenant to them, the way organisation-plan does for units and positions: competencies matched by
 * code (new inserted, changed updated with a new version, equal left alone); a position's standard
 * replaced only when the manifest lists one and it differs, its `standard_sets` version raised so an
 * API client holding the old ETag gets 412. A position without `standards` in the manifest keeps
 * the standard it has: it may be curated through the API.
 */
import { eq, sql } from 'drizzle-orm';
import { auditLog, competencies, positionStandards, standardSets } from '../../db/schema';
import { nationalTenant } from '../../db/schema/competencies';
import { type AuditRow, auditRow } from '../../platform/audit/audit';
import type { TenantContext } from '../../platform/context';
import { DomainError, type FieldError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Statement, Unstamped } from '../../platform/tenancy/scoped-db';
import { type CompetencyRef, retiredReferences, type StandardRow, standardStatements } from '../competencies';
import type { Manifest } from './manifest';
import type { Tally } from './organisation-plan';

type StoredStandard = typeof positionStandards.$inferSelect;

/** One position's standard as a comparable string: competency, level and weight, in id order. */
const signature = (rows: Pick<StandardRow, 'competencyId' | 'requiredLevel' | 'weight'>[]) =>
  rows
    .map((r) => `${r.competencyId}:${r.requiredLevel}:${r.weight}`)
    .sort()
    .join('|');

export async function planCompetencies(ctx: TenantContext, manifest: Manifest, positionIds: Map<string, string>, now: string) {
  const { db, tenant } = ctx;
  const [visible, standards, sets] = await db.batch([
    db.visible().from(competencies),
    db.select().from(positionStandards),
    db.select().from(standardSets),
  ]);
  const national = new Map(visible.filter((c) => c.tenantId === nationalTenant).map((c) => [c.code, c]));
  const own = new Map(visible.filter((c) => c.tenantId === tenant.id).map((c) => [c.code, c]));

  const errors: FieldError[] = [];
  const audits: AuditRow[] = [];
  const tally: { competencies: Tally; standards: Tally } = {
    competencies: { created: 0, updated: 0, unchanged: 0 },
    standards: { created: 0, updated: 0, unchanged: 0 },
  };

  const newCompetencies: Unstamped<typeof competencies>[] = [];
  const competencyUpdates: Statement[] = [];
  const refs = new Map<string, CompetencyRef>(
    [...national].map(([code, c]) => [code, { tenantId: c.tenantId, id: c.id, retired: c.retiredAt !== null }]),
  );
  for (const c of own.values()) refs.set(c.code, { tenantId: c.tenantId, id: c.id, retired: c.retiredAt !== null });
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
      newCompetencies.push({
        id,
        code: c.code,
        name: c.name,
        type: 'teknis',
        description: c.description,
        levels,
        retiredAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      refs.set(c.code, { tenantId: tenant.id, id, retired: false });
      audits.push(auditRow(ctx, 'competency.create', 'competency', id, now));
      tally.competencies.created++;
    } else if (current.name !== c.name || current.description !== c.description || current.levels !== levels) {
      competencyUpdates.push(
        db
          .update(competencies)
          .set({ name: c.name, description: c.description, levels, version: sql`${competencies.version} + 1`, updatedAt: now })
          .where(eq(competencies.id, current.id)),
      );
      audits.push(auditRow(ctx, 'competency.update', 'competency', current.id, now));
      tally.competencies.updated++;
    } else tally.competencies.unchanged++;
  });

  const storedByPosition = new Map<string, StoredStandard[]>();
  for (const s of standards) storedByPosition.set(s.positionId, [...(storedByPosition.get(s.positionId) ?? []), s]);
  const setVersions = new Map(sets.map((s) => [s.positionId, s.version]));

  const standardWrites: Statement[] = [];
  manifest.positions.forEach((p, i) => {
    if (!p.standards) return;
    const positionId = positionIds.get(p.code) as string;
    const rows: StandardRow[] = [];
    const seen = new Set<string>();
    // A retired competency keeps the line it already has in this position's standard, nothing more.
    const kept = new Set((storedByPosition.get(positionId) ?? []).map((s) => s.competencyId));
    p.standards.forEach((s, j) => {
      const ref = refs.get(s.competency);
      const path = `body.positions.${i}.standards.${j}.competency`;
      if (!ref) errors.push({ path, message: `no competency ${s.competency}: neither national nor in this manifest or tenant` });
      else if (seen.has(ref.id)) errors.push({ path, message: `${s.competency} is listed twice` });
      else {
        seen.add(ref.id);
        errors.push(...retiredReferences([{ ...ref, path }], kept));
        rows.push({ competencyTenantId: ref.tenantId, competencyId: ref.id, requiredLevel: s.requiredLevel, weight: s.weight });
      }
    });
    const version = setVersions.get(positionId);
    if (version !== undefined && signature(storedByPosition.get(positionId) ?? []) === signature(rows)) {
      tally.standards.unchanged++;
      return;
    }
    // The standards' one writer (competencies module): the set's version raised, the rows replaced.
    standardWrites.push(...standardStatements(ctx, positionId, rows, { now }));
    audits.push(auditRow(ctx, 'position.standards.replace', 'position', positionId, now));
    if (version === undefined) tally.standards.created++;
    else tally.standards.updated++;
  });
  if (errors.length > 0) throw new DomainError('validation_failed', 'The manifest is not consistent.', errors);

  // Competencies before the standards that name them; every position row exists already (the
  // organisation plan's statements run first).
  const statements: Statement[] = [
    ...(newCompetencies.length > 0 ? [db.insertRows(competencies, newCompetencies)] : []),
    ...competencyUpdates,
    ...standardWrites,
    ...(audits.length > 0 ? [db.insertRows(auditLog, audits)] : []),
  ];
  return { statements, ...tally };
}
