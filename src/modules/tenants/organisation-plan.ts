/**
 * Turns a manifest's units and positions into the writes that bring the tenant's organisation to
 * it: rows are matched by code, new ones inserted (parents before children), changed ones updated,
 * equal ones left alone. Units missing from the manifest are kept: people may still belong to them.
 */
import { eq, sql } from 'drizzle-orm';
import { auditLog, positions, units } from '../../db/schema';
import { type AuditRow, auditRow } from '../../platform/audit/audit';
import type { TenantContext } from '../../platform/context';
import { newId } from '../../platform/ids';
import type { Statement, Unstamped } from '../../platform/tenancy/scoped-db';
import type { Manifest, ManifestUnit } from './manifest';

type UnitRow = typeof units.$inferSelect;
type PositionRow = typeof positions.$inferSelect;
type NewUnit = Unstamped<typeof units>;
type NewPosition = Unstamped<typeof positions>;

/** What onboarding did to one kind of row. */
export interface Tally {
  created: number;
  updated: number;
  unchanged: number;
}

function flatten(list: ManifestUnit[], parentCode: string | null, out: { unit: ManifestUnit; parentCode: string | null }[] = []) {
  for (const unit of list) {
    out.push({ unit, parentCode });
    flatten(unit.children ?? [], unit.code, out);
  }
  return out;
}

export async function planOrganisation(ctx: TenantContext, manifest: Manifest, now: string) {
  const { db } = ctx;
  const [existingUnits, existingPositions] = await db.batch([db.select().from(units), db.select().from(positions)]);
  const unitByCode = new Map<string, UnitRow>(existingUnits.map((u) => [u.code, u]));
  const positionByCode = new Map<string, PositionRow>(existingPositions.map((p) => [p.code, p]));
  const unitIds = new Map<string, string>(existingUnits.map((u) => [u.code, u.id]));

  const flat = flatten(manifest.units, null);
  for (const { unit } of flat) if (!unitIds.has(unit.code)) unitIds.set(unit.code, newId('unt'));

  const audits: AuditRow[] = [];
  const audit = (action: string, entity: string, entityId: string) => audits.push(auditRow(ctx, action, entity, entityId, now));

  const unitUpdates: Statement[] = [];
  const unitTally: Tally = { created: 0, updated: 0, unchanged: 0 };
  const newUnits: NewUnit[] = [];
  for (const { unit, parentCode } of flat) {
    const id = unitIds.get(unit.code) as string;
    const parentId = parentCode ? (unitIds.get(parentCode) as string) : null;
    const current = unitByCode.get(unit.code);
    if (!current) {
      newUnits.push({ id, code: unit.code, name: unit.name, kind: unit.kind, parentId, version: 1, createdAt: now, updatedAt: now });
      audit('unit.create', 'unit', id);
      unitTally.created++;
    } else if (current.name !== unit.name || current.kind !== unit.kind || current.parentId !== parentId) {
      unitUpdates.push(
        db
          .update(units)
          .set({ name: unit.name, kind: unit.kind, parentId, version: sql`${units.version} + 1`, updatedAt: now })
          .where(eq(units.id, id)),
      );
      audit('unit.update', 'unit', id);
      unitTally.updated++;
    } else unitTally.unchanged++;
  }

  const positionTally: Tally = { created: 0, updated: 0, unchanged: 0 };
  const newPositions: NewPosition[] = [];
  const positionUpdates: Statement[] = [];
  const positionIds = new Map<string, string>();
  for (const p of manifest.positions) {
    const unitId = p.unit ? (unitIds.get(p.unit) ?? null) : null;
    const current = positionByCode.get(p.code);
    if (current) positionIds.set(p.code, current.id);
    if (!current) {
      const id = newId('pos');
      positionIds.set(p.code, id);
      newPositions.push({ id, code: p.code, name: p.name, category: p.category, unitId, version: 1, createdAt: now, updatedAt: now });
      audit('position.create', 'position', id);
      positionTally.created++;
    } else if (current.name !== p.name || current.category !== p.category || current.unitId !== unitId) {
      positionUpdates.push(
        db
          .update(positions)
          .set({ name: p.name, category: p.category, unitId, version: sql`${positions.version} + 1`, updatedAt: now })
          .where(eq(positions.id, current.id)),
      );
      audit('position.update', 'position', current.id);
      positionTally.updated++;
    } else positionTally.unchanged++;
  }
  // Inserts before updates, parents before children (the order of `flat`; SQLite checks a foreign
  // key at the end of its statement): every foreign key points at a row that exists by then.
  const statements: Statement[] = [
    ...(newUnits.length > 0 ? [db.insertRows(units, newUnits)] : []),
    ...unitUpdates,
    ...(newPositions.length > 0 ? [db.insertRows(positions, newPositions)] : []),
    ...positionUpdates,
    ...(audits.length > 0 ? [db.insertRows(auditLog, audits)] : []),
  ];

  return { statements, units: unitTally, positions: positionTally, positionIds };
}
