/**
 * The scoped handle: its builders put the tenant in themselves, so a query written without a
 * tenant condition still sees and touches only its own tenant's rows; and `guard()` aborts a
 * whole batch with the problem it names.
 */
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, competencies, dataVersions, nationalTenant, units } from '../../src/db/schema';
import { DomainError } from '../../src/platform/errors';
import { contextFor } from '../support/context';
import { createTenant } from '../support/factories';

const now = '2026-11-29T00:00:00.000Z';

describe('the scoped handle', () => {
  it('reads only its own tenant, even when the query names no tenant or replaces the where', async () => {
    const a = await contextFor(await createTenant());
    const b = await contextFor(await createTenant());
    const all = await a.db.select().from(units);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((u) => u.tenantId === a.tenant.id)).toBe(true);
    const bUnit = (await b.db.select({ id: units.id }).from(units).limit(1))[0]?.id as string;
    expect(await a.db.select().from(units).where(eq(units.id, bUnit))).toEqual([]);
    // A second where is and-ed with the tenant, never put in its place.
    const q = a.db.select({ id: units.id }).from(units);
    q.where(sql`1 = 1`);
    expect((await q.where(eq(units.id, bUnit))).length).toBe(0);
    // Joins keep the scope of the table selected from.
    const joined = await a.db
      .select({ id: units.id })
      .from(units)
      .leftJoin(auditLog, eq(auditLog.entityId, units.id))
      .where(eq(units.id, bUnit));
    expect(joined).toEqual([]);
  });

  it("updates and deletes nothing of another tenant's, and stamps inserts with its own tenant", async () => {
    const a = await contextFor(await createTenant());
    const b = await contextFor(await createTenant());
    const [bUnit] = await b.db.select().from(units).limit(1);
    if (!bUnit) throw new Error('no unit');
    const [updated] = await a.db.batch([a.db.update(units).set({ name: 'Diambil alih' }).where(eq(units.id, bUnit.id)).returning()]);
    expect(updated).toEqual([]);
    const [deleted] = await a.db.batch([a.db.delete(dataVersions).returning()]);
    expect(deleted.every((r) => r.tenantId === a.tenant.id)).toBe(true);
    expect((await b.db.select().from(units).where(eq(units.id, bUnit.id)))[0]?.name).toBe(bUnit.name);

    await a.db.batch([a.db.insert(dataVersions).values({ topic: 'needs', version: 7, changedAt: now })]);
    const [mine] = await a.db.select().from(dataVersions).where(eq(dataVersions.topic, 'needs'));
    expect(mine).toMatchObject({ tenantId: a.tenant.id, version: 7 });
    expect(await b.db.select().from(dataVersions).where(eq(dataVersions.version, 7))).toEqual([]);
  });

  it('reads national rows only through visible(), and refuses tables without a tenant', async () => {
    const a = await contextFor(await createTenant());
    const own = await a.db.select().from(competencies);
    expect(own.every((c) => c.tenantId === a.tenant.id)).toBe(true);
    const seen = await a.db.visible({ tenantId: competencies.tenantId }).from(competencies);
    expect(seen.some((c) => c.tenantId === nationalTenant)).toBe(true);
    expect(seen.every((c) => c.tenantId === nationalTenant || c.tenantId === a.tenant.id)).toBe(true);
    expect(() => a.db.unscoped('')).toThrow();
  });
});

describe('guard()', () => {
  it('aborts the whole batch with its problem when the condition fails, and writes when it holds', async () => {
    const ctx = await contextFor(await createTenant());
    await ctx.db.delete(dataVersions);
    const write = () => ctx.db.insert(dataVersions).values({ topic: 'needs', version: 41, changedAt: now }).onConflictDoNothing();
    const failed = await ctx.db
      .batch([write(), ctx.db.guard(sql`1 = 0`, 'conflict', 'The seats were taken meanwhile.')])
      .catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(DomainError);
    expect(failed).toMatchObject({ code: 'conflict', detail: 'The seats were taken meanwhile.' });
    expect(await ctx.db.select().from(dataVersions).where(eq(dataVersions.version, 41))).toEqual([]);

    // NULL is not "holds": a guard over a missing row fails too.
    const nullFailed = await ctx.db.write([write(), ctx.db.guard(sql`null`, 'precondition_failed', 'gone')]).catch((err: unknown) => err);
    expect(nullFailed).toMatchObject({ code: 'precondition_failed', detail: 'gone' });

    await ctx.db.write([write(), ctx.db.guard(sql`changes() > 0`, 'conflict', 'nothing written')]);
    expect(await ctx.db.select({ version: dataVersions.version }).from(dataVersions)).toEqual([{ version: 41 }]);
  });
});
