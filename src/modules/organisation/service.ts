/**
 * Units (OPD, nested) and positions (jabatan) of one tenant, kept by its admin. Uniqueness of
 * codes, references between rows and "still in use" are decided by the database's own keys, so
 * parallel requests cannot slip past a check.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { positions, units } from '../../db/schema';
import { auditEntry } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';
import { markChanged } from '../../platform/data-versions';
import { withConstraints } from '../../platform/db/constraints';
import { DomainError, notFound } from '../../platform/errors';
import { after, page } from '../../platform/http/pagination';
import { newId, nowIso } from '../../platform/ids';
import { applyVersioned, atVersion, bumpVersion } from '../../platform/versioned';
import type { NewPosition, NewUnit, PositionChanges, UnitChanges } from './schemas';

type Unit = typeof units.$inferSelect;
type Position = typeof positions.$inferSelect;

const taken = (what: string) => () => new DomainError('conflict', `Another ${what} already has this code.`);
const invalidRef = (path: string, what: string) => () =>
  new DomainError('unprocessable', `${path} does not name a ${what} of this tenant.`, [
    { path: `body.${path}`, message: `no such ${what}` },
  ]);
const inUse = (what: string) => () =>
  new DomainError('conflict', `This ${what} is still referred to (sub-units, positions or people); move them first.`);

const publicUnit = ({ tenantId: _t, ...unit }: Unit) => unit;
const publicPosition = ({ tenantId: _t, ...position }: Position) => position;

type Versioned = { id: string; expectedVersion: number };

export async function listUnits({
  ctx,
  input: q,
}: Call<TenantContext, { limit: number; cursor?: [string, string]; parent?: string | undefined; kind?: Unit['kind'] | undefined }>) {
  const rows = await ctx.db
    .select()
    .from(units)
    .where(
      and(
        q.parent ? eq(units.parentId, q.parent) : undefined,
        q.kind ? eq(units.kind, q.kind) : undefined,
        after([units.code, units.id], q.cursor),
      ),
    )
    .orderBy(asc(units.code), asc(units.id))
    .limit(q.limit + 1);
  return page(rows.map(publicUnit), q.limit, (u) => [u.code, u.id]);
}

export async function getUnit({ ctx, input: id }: Call<TenantContext, string>) {
  const [row] = await ctx.db.select().from(units).where(eq(units.id, id)).limit(1);
  if (!row) throw notFound('unit');
  return publicUnit(row);
}

export async function createUnit({ ctx, input }: Call<TenantContext, NewUnit>) {
  const now = nowIso();
  const row: Omit<Unit, 'tenantId'> = { id: newId('unt'), ...input, version: 1, createdAt: now, updatedAt: now };
  await withConstraints(() => ctx.db.batch([ctx.db.insert(units).values(row), auditEntry(ctx, 'unit.create', 'unit', row.id)]), {
    unique: taken('unit'),
    foreignKey: invalidRef('parentId', 'unit'),
  });
  return row;
}

/** True when `candidate` is `id` itself or lies below it: making it the parent would close a loop. */
async function wouldLoop(ctx: TenantContext, id: string, candidate: string): Promise<boolean> {
  const rows = await ctx.db.unscoped('a recursive CTE up the chain of parents').all<{ hit: number }>(sql`
    with recursive chain(id, parent_id) as (
      select s.id, s.parent_id from ${units} s where ${ctx.db.scope('s')} and s.id = ${candidate}
      union
      select u.id, u.parent_id from ${units} u join chain on u.id = chain.parent_id and ${ctx.db.scope('u')}
    )
    select 1 as hit from chain where id = ${id} limit 1`);
  return rows.length > 0;
}

export async function updateUnit({ ctx, input }: Call<TenantContext, Versioned & { changes: UnitChanges }>) {
  const { id, expectedVersion, changes } = input;
  if (changes.parentId && (await wouldLoop(ctx, id, changes.parentId))) {
    throw new DomainError('unprocessable', 'A unit cannot be placed under itself or one of its sub-units.', [
      { path: 'body.parentId', message: 'would make a loop' },
    ]);
  }
  const w = { table: units, entity: 'unit', id, expectedVersion };
  const row = await withConstraints(
    () =>
      applyVersioned<Unit>(
        ctx,
        w,
        ctx.db
          .update(units)
          .set({ ...changes, ...bumpVersion(units) })
          .where(atVersion(w))
          .returning(),
        'unit.update',
        [markChanged(ctx, 'needs')],
      ),
    { unique: taken('unit'), foreignKey: invalidRef('parentId', 'unit') },
  );
  return publicUnit(row);
}

export async function deleteUnit({ ctx, input }: Call<TenantContext, Versioned>) {
  const { id, expectedVersion } = input;
  const w = { table: units, entity: 'unit', id, expectedVersion };
  await withConstraints(() => applyVersioned(ctx, w, ctx.db.delete(units).where(atVersion(w)).returning(), 'unit.delete'), {
    foreignKey: inUse('unit'),
  });
}

export async function listPositions({
  ctx,
  input: q,
}: Call<
  TenantContext,
  { limit: number; cursor?: [string, string]; unit?: string | undefined; category?: Position['category'] | undefined }
>) {
  const rows = await ctx.db
    .select()
    .from(positions)
    .where(
      and(
        q.unit ? eq(positions.unitId, q.unit) : undefined,
        q.category ? eq(positions.category, q.category) : undefined,
        after([positions.code, positions.id], q.cursor),
      ),
    )
    .orderBy(asc(positions.code), asc(positions.id))
    .limit(q.limit + 1);
  return page(rows.map(publicPosition), q.limit, (p) => [p.code, p.id]);
}

export async function getPosition({ ctx, input: id }: Call<TenantContext, string>) {
  const [row] = await ctx.db.select().from(positions).where(eq(positions.id, id)).limit(1);
  if (!row) throw notFound('position');
  return publicPosition(row);
}

export async function createPosition({ ctx, input }: Call<TenantContext, NewPosition>) {
  const now = nowIso();
  const row: Omit<Position, 'tenantId'> = { id: newId('pos'), ...input, version: 1, createdAt: now, updatedAt: now };
  await withConstraints(
    () => ctx.db.batch([ctx.db.insert(positions).values(row), auditEntry(ctx, 'position.create', 'position', row.id)]),
    { unique: taken('position'), foreignKey: invalidRef('unitId', 'unit') },
  );
  return row;
}

export async function updatePosition({ ctx, input }: Call<TenantContext, Versioned & { changes: PositionChanges }>) {
  const { id, expectedVersion, changes } = input;
  const w = { table: positions, entity: 'position', id, expectedVersion };
  const row = await withConstraints(
    () =>
      applyVersioned<Position>(
        ctx,
        w,
        ctx.db
          .update(positions)
          .set({ ...changes, ...bumpVersion(positions) })
          .where(atVersion(w))
          .returning(),
        'position.update',
        [markChanged(ctx, 'needs')],
      ),
    { unique: taken('position'), foreignKey: invalidRef('unitId', 'unit') },
  );
  return publicPosition(row);
}

export async function deletePosition({ ctx, input }: Call<TenantContext, Versioned>) {
  const { id, expectedVersion } = input;
  const w = { table: positions, entity: 'position', id, expectedVersion };
  await withConstraints(() => applyVersioned(ctx, w, ctx.db.delete(positions).where(atVersion(w)).returning(), 'position.delete'), {
    foreignKey: inUse('position'),
  });
}
