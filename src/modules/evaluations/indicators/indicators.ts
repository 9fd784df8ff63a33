/**
 * Unit indicators (Kirkpatrick level 4, results): what a unit measures — service time, complaints,
 * documents finished — with one value per period, and the change between two periods signed by
 * the indicator's direction, so "positive is better" whether higher or lower is the goal. The
 * before/after view of a program calls `indicatorChange` with the periods around the program.
 * An indicator is versioned (ETag/If-Match); a value is an upsert keyed by its period.
 */
import { and, asc, eq } from 'drizzle-orm';
import { indicatorValues, unitIndicators } from '../../../db/schema';
import { auditEntry } from '../../../platform/audit/audit';
import type { Call, TenantContext } from '../../../platform/context';
import { withConstraints } from '../../../platform/db/constraints';
import { DomainError, notFound } from '../../../platform/errors';
import { after, page } from '../../../platform/http/pagination';
import { newId, nowIso } from '../../../platform/ids';
import { applyVersioned, atVersion, bumpVersion } from '../../../platform/versioned';
import { comparePeriods } from '../ikm/periods';
import type { IndicatorChanges, IndicatorValueInput, NewIndicator } from './schemas';

type Indicator = typeof unitIndicators.$inferSelect;
type Value = typeof indicatorValues.$inferSelect;
export type Direction = Indicator['direction'];

const publicIndicator = ({ tenantId: _t, ...indicator }: Indicator) => indicator;
const publicValue = (v: Pick<Value, 'period' | 'value' | 'note' | 'updatedAt'>) => ({
  period: v.period,
  value: v.value,
  note: v.note,
  updatedAt: v.updatedAt,
});

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/** Pure: the change from `before` to `after` and whether it is an improvement for `direction`. */
export function changeBetween(direction: Direction, before: number | null, afterValue: number | null) {
  if (before === null || afterValue === null) return { change: null, relativeChange: null, improvement: null, improved: null };
  const change = round4(afterValue - before);
  const improvement = direction === 'higher_is_better' ? change : -change || 0;
  return {
    change,
    relativeChange: before === 0 ? null : round4(change / Math.abs(before)),
    improvement,
    improved: improvement > 0,
  };
}

async function indicatorRow(ctx: TenantContext, id: string): Promise<Indicator> {
  const [row] = await ctx.db.select().from(unitIndicators).where(eq(unitIndicators.id, id)).limit(1);
  if (!row) throw notFound('indicator');
  return row;
}

function changeOf(direction: Direction, values: { period: string; value: number }[], before: string, afterPeriod: string) {
  const valueAt = (p: string) => values.find((v) => v.period === p)?.value ?? null;
  const b = valueAt(before);
  const a = valueAt(afterPeriod);
  return { before: { period: before, value: b }, after: { period: afterPeriod, value: a }, ...changeBetween(direction, b, a) };
}

export async function listIndicators({
  ctx,
  input: q,
}: Call<TenantContext, { limit: number; cursor?: [string, string]; unit?: string | undefined }>) {
  const i = unitIndicators;
  const rows = await ctx.db
    .select()
    .from(i)
    .where(and(q.unit ? eq(i.unitId, q.unit) : undefined, after([i.unitId, i.id], q.cursor)))
    .orderBy(asc(i.unitId), asc(i.id))
    .limit(q.limit + 1);
  return page(rows.map(publicIndicator), q.limit, (r) => [r.unitId, r.id]);
}

/** The indicator with its whole series in chronological order, and the change when both periods are given. */
export async function getIndicator({
  ctx,
  input,
}: Call<TenantContext, { id: string; before?: string | undefined; after?: string | undefined }>) {
  const { id, ...q } = input;
  const indicator = await indicatorRow(ctx, id);
  const series = (
    await ctx.db
      .select({
        period: indicatorValues.period,
        value: indicatorValues.value,
        note: indicatorValues.note,
        updatedAt: indicatorValues.updatedAt,
      })
      .from(indicatorValues)
      .where(eq(indicatorValues.indicatorId, id))
  )
    .sort((x, y) => comparePeriods(x.period, y.period))
    .map(publicValue);
  const change = q.before !== undefined && q.after !== undefined ? changeOf(indicator.direction, series, q.before, q.after) : null;
  return { ...publicIndicator(indicator), series, change };
}

const noUnit = () =>
  new DomainError('unprocessable', 'unitId does not name a unit of this tenant.', [{ path: 'body.unitId', message: 'no such unit' }]);

export async function createIndicator({ ctx, input }: Call<TenantContext, NewIndicator>) {
  const now = nowIso();
  const row = { id: newId('ind'), ...input, version: 1, createdAt: now, updatedAt: now };
  await withConstraints(
    () => ctx.db.batch([ctx.db.insert(unitIndicators).values(row), auditEntry(ctx, 'indicator.create', 'indicator', row.id)]),
    {
      foreignKey: noUnit,
    },
  );
  return row;
}

export async function updateIndicator({
  ctx,
  input,
}: Call<TenantContext, { id: string; expectedVersion: number; changes: IndicatorChanges }>) {
  const { id, expectedVersion, changes } = input;
  const w = { table: unitIndicators, entity: 'indicator', id, expectedVersion };
  const row = await applyVersioned<Indicator>(
    ctx,
    w,
    ctx.db
      .update(unitIndicators)
      .set({ ...changes, ...bumpVersion(unitIndicators) })
      .where(atVersion(w))
      .returning(),
    'indicator.update',
  );
  return publicIndicator(row);
}

/** Records (or replaces) the value of a period; answers whether it was new. */
export async function putIndicatorValue({ ctx, input }: Call<TenantContext, { id: string; period: string; value: IndicatorValueInput }>) {
  const { id, period, value } = input;
  await indicatorRow(ctx, id);
  const now = nowIso();
  const v = indicatorValues;
  const [existing] = await ctx.db
    .select({ period: v.period })
    .from(v)
    .where(and(eq(v.indicatorId, id), eq(v.period, period)))
    .limit(1);
  const row = {
    indicatorId: id,
    period,
    value: value.value,
    note: value.note,
    recordedBy: ctx.actor.subject,
    createdAt: now,
    updatedAt: now,
  };
  await withConstraints(
    () =>
      ctx.db.batch([
        ctx.db
          .insert(v)
          .values(row)
          .onConflictDoUpdate({
            target: [v.tenantId, v.indicatorId, v.period],
            set: { value: row.value, note: row.note, recordedBy: row.recordedBy, updatedAt: now },
          }),
        auditEntry(ctx, 'indicator.value.put', 'indicator', id),
      ]),
    { foreignKey: () => notFound('indicator') },
  );
  return { value: publicValue(row), created: existing === undefined };
}
