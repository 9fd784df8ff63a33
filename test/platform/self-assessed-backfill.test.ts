/**
 * The hand-written part of the `records_integrity` migration: it marks which stored assessments
 * are self-assessments (source self, or the assessor is the employee) and chooses every current
 * level again under the default rule — another source before any self-assessment — so a database
 * migrated with data gives the answers a new one gives. Run here on data put back the way it was
 * before the migration.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { needsFromPairs } from '../../src/modules/competencies/needs/pairs';
import { needsFromTotals } from '../../src/modules/competencies/needs/totals';
import { assess, putStandards } from '../modules/competencies/helpers';
import { createEmployee, orgIds } from '../modules/employees/helpers';
import { api } from '../support/api';
import { contextFor } from '../support/context';
import { createTenant } from '../support/factories';

describe('the records_integrity migration', () => {
  it('marks self-assessments and re-chooses current levels under the default rule, totals included', async () => {
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.endsWith('_records_integrity.sql'));
    expect(migration, 'the migration is found').toBeDefined();
    const backfill = (migration?.queries ?? []).filter((q) => /^\s*(--[^\n]*\n\s*)*UPDATE/i.test(q));
    expect(backfill).toHaveLength(2);

    const t = await createTenant();
    const ids = await orgIds(t);
    expect(
      (await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [{ competency: 'INTEGRITAS', requiredLevel: 3, weight: 2 }])).status,
    ).toBe(200);
    const one = (await createEmployee(t)).body.id as string;
    const made: Record<string, string> = {};
    for (const [key, body] of [
      ['supervisor', { level: 2, source: 'supervisor', date: '2026-02-01', assessor: 'Atasan' }],
      ['self', { level: 5, source: 'self', date: '2026-03-01', assessor: 'self' }],
      ['mentee', { level: 4, source: 'mentoring', date: '2026-04-01', assessor: one }],
    ] as const) {
      const res = await assess(t, { employeeId: one, competency: 'INTEGRITAS', ...body });
      expect(res.status, res.text).toBe(201);
      made[key] = res.body.id;
    }
    // Back to the state before the migration: no flags, and the latest (the mentee's own 4) counting.
    await env.DB.batch([
      env.DB.prepare('update assessments set self_assessed = 0 where tenant_id = ?').bind(t.id),
      env.DB.prepare(
        "update current_levels set level = 4, assessed_on = '2026-04-01', source_rank = 2, self_assessed = 0, assessment_id = ? where tenant_id = ?",
      ).bind(made.mentee, t.id),
    ]);
    const gaps = async () =>
      (await api('GET', `/api/v1/tenants/${t.slug}/employees/${one}/gaps`, { token: t.adminToken })).body.items[0] as { current: number };
    expect((await gaps()).current).toBe(4);

    await env.DB.batch(backfill.map((q) => env.DB.prepare(q)));

    const flags = await env.DB.prepare('select id, self_assessed from assessments where tenant_id = ?')
      .bind(t.id)
      .all<{ id: string; self_assessed: number }>();
    expect(Object.fromEntries(flags.results.map((r) => [r.id, r.self_assessed]))).toEqual({
      [made.supervisor as string]: 0,
      [made.self as string]: 1,
      [made.mentee as string]: 1,
    });
    expect(await gaps()).toMatchObject({ current: 2, gap: 1, weightedGap: 2 });
    const ctx = await contextFor(t);
    const filters = { groupBy: 'competency' as const, competencyType: undefined, priorities: 3 };
    const totals = await needsFromTotals(ctx, filters, 3);
    expect(totals).toEqual(await needsFromPairs(ctx, filters, 3));
    expect(totals.items.find((i) => i.code === 'INTEGRITAS')).toMatchObject({ weightedGap: 2 });
  });
});
