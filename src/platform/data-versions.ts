/**
 * Change counters per tenant and topic, and the snapshots served while they hold. A writer adds
 * `markChanged(ctx, topic)` to the batch of any write that can change the topic's reports, so the
 * counter moves atomically with the data; a reader serves a snapshot only when it was computed at
 * the current counter, and otherwise recomputes and stores it. A snapshot is therefore never
 * stale: a missed `markChanged` is the one way to make it so, which is why the writers are few and
 * tested one by one (test/modules/competencies/needs-snapshots.test.ts).
 */
import { and, eq, sql } from 'drizzle-orm';
import { dataVersions, reportSnapshots } from '../db/schema';
import type { dataTopics } from '../db/schema/snapshots';
import type { TenantContext } from './context';
import { nowIso } from './ids';
import type { Statement } from './tenancy/scoped-db';

export type DataTopic = (typeof dataTopics)[number];

/** Raises the tenant's counter for `topic`; goes into the writer's own batch. */
export const markChanged = (ctx: TenantContext, topic: DataTopic): Statement => {
  const now = nowIso();
  return ctx.db
    .insert(dataVersions)
    .values({ topic, version: 1, changedAt: now })
    .onConflictDoUpdate({
      target: [dataVersions.tenantId, dataVersions.topic],
      set: { version: sql`${dataVersions.version} + 1`, changedAt: now },
    });
};

/**
 * The snapshot of `queryKey` if it is current, else `compute()`'s result, stored for the next
 * reader. The counter is read before computing: a write landing meanwhile leaves the stored
 * snapshot one version behind, so the next reader recomputes rather than trusting it.
 */
export async function snapshotOr<T>(
  ctx: TenantContext,
  topic: DataTopic,
  queryKey: string,
  compute: () => Promise<T>,
): Promise<{ body: T; computedAt: string }> {
  const [versions, snapshots] = await ctx.db.batch([
    ctx.db.select({ version: dataVersions.version }).from(dataVersions).where(eq(dataVersions.topic, topic)),
    ctx.db
      .select({ version: reportSnapshots.version, computedAt: reportSnapshots.computedAt, body: reportSnapshots.body })
      .from(reportSnapshots)
      .where(and(eq(reportSnapshots.topic, topic), eq(reportSnapshots.queryKey, queryKey))),
  ]);
  const version = versions[0]?.version ?? 0;
  const stored = snapshots[0];
  if (stored && stored.version === version) return { body: JSON.parse(stored.body) as T, computedAt: stored.computedAt };

  const body = await compute();
  const computedAt = nowIso();
  const row = { topic, queryKey, version, computedAt, body: JSON.stringify(body) };
  await ctx.db
    .insert(reportSnapshots)
    .values(row)
    .onConflictDoUpdate({
      target: [reportSnapshots.tenantId, reportSnapshots.topic, reportSnapshots.queryKey],
      set: { version: row.version, computedAt, body: row.body },
      // Never replace a snapshot of a newer version by an older one (two readers racing a write).
      setWhere: sql`${reportSnapshots.version} <= ${row.version}`,
    });
  return { body, computedAt };
}
