/**
 * Keeping the summaries current: the Worker's hourly `scheduled` handler computes tenants never
 * computed, changed since or stale, and leaves the others alone; the on-demand refresh is bounded
 * per call. Only the national admin reads or refreshes.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { StoredFigures } from '../../../src/modules/national/compute';
import { disclose } from '../../../src/modules/national/disclosure';
import { defaultYear } from '../../../src/modules/national/summary';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { createEmployee } from '../employees/helpers';
import { byUnit, exactFigures, nationalSummary, refresh, runScheduled, storedRows } from './helpers';

const year = defaultYear();
const entryOf = async (token: string, slug: string) => (await nationalSummary(token, year)).body.tenants.find((t) => t.slug === slug);

describe('refresh', () => {
  it('is done by the scheduled handler: new tenants, then only tenants whose data changed or went stale', async () => {
    const t = await createTenant({ database: 'DB_DEDICATED' });
    for (let i = 0; i < 5; i++) expect((await createEmployee(t)).status).toBe(201);
    expect(await entryOf(t.nationalToken, t.slug)).toMatchObject({ status: 'not_computed', computedAt: null });

    await runScheduled();
    const first = await entryOf(t.nationalToken, t.slug);
    expect(first).toMatchObject({ status: 'computed', employees: 5 });

    await runScheduled();
    expect((await entryOf(t.nationalToken, t.slug))?.computedAt).toBe(first?.computedAt);

    expect((await createEmployee(t)).status).toBe(201);
    await runScheduled();
    const changed = await entryOf(t.nationalToken, t.slug);
    expect(changed?.employees).toBe(6);
    expect((changed?.computedAt ?? '') > (first?.computedAt ?? '')).toBe(true);

    await runScheduled(Date.now() + 25 * 3_600_000);
    expect((await entryOf(t.nationalToken, t.slug))!.computedAt! > changed!.computedAt!).toBe(true);
  });

  it('bounds the work of one call and says how many tenants remain due', async () => {
    const t = await createTenant();
    await createTenant();
    await createTenant();
    const first = await refresh(t.nationalToken, `?year=${year}&limit=1`);
    expect(first.status, first.text).toBe(200);
    expect(first.body.refreshed).toHaveLength(1);
    expect(first.body.remaining).toBeGreaterThanOrEqual(2);
    let rest = await refresh(t.nationalToken, `?year=${year}&limit=500`);
    expect(rest.body.remaining).toBe(0);
    rest = await refresh(t.nationalToken, `?year=${year}`);
    expect(rest.body).toMatchObject({ refreshed: [], remaining: 0 });
    // One tenant on demand is computed whether due or not.
    const one = await refresh(t.nationalToken, `?year=${year}&tenant=${t.slug}`);
    expect(one.body.refreshed.map((r) => r.tenant)).toEqual([t.slug]);
  });

  it('reads a row stored before cell keys as not computed, and recomputes it at the next refresh', async () => {
    const t = await createTenant();
    for (let i = 0; i < 5; i++) expect((await createEmployee(t)).status).toBe(201);
    await refresh(t.nationalToken, `?year=${year}&tenant=${t.slug}`);
    const mark = (
      await env.DB.prepare("select source_mark from tenant_summaries where tenant_id = ? and scope = 'tenant' and year = ?")
        .bind(t.id, year)
        .first<{ source_mark: string }>()
    )?.source_mark as string;
    // The layout before cell keys: [sum, count, people], and a mark without the layout.
    await env.DB.prepare('update tenant_summaries set figures = ?, source_mark = ? where tenant_id = ? and year = ?')
      .bind(JSON.stringify({ shareAssessed: [0, 5, 5] }), mark.replace(/\|[^|]*$/, ''), t.id, year)
      .run();
    expect(await entryOf(t.nationalToken, t.slug)).toMatchObject({
      status: 'not_computed',
      computedAt: null,
      employees: null,
      figures: null,
    });
    expect((await byUnit(t.nationalToken, t.slug, year)).body).toMatchObject({ status: 'not_computed', total: null, units: [] });
    const done = await refresh(t.nationalToken, `?year=${year}&limit=500`);
    expect(done.body.refreshed.map((r: { tenant: string }) => r.tenant)).toContain(t.slug);
    expect(await entryOf(t.nationalToken, t.slug)).toMatchObject({ status: 'computed', employees: 5 });
  });

  it('suppresses a share of 4 people with nothing about them, and publishes it at 5 with its noise', async () => {
    const t = await createTenant();
    for (let i = 0; i < 4; i++) expect((await createEmployee(t)).status).toBe(201);
    await refresh(t.nationalToken, `?year=${year}&tenant=${t.slug}`);
    const four = await entryOf(t.nationalToken, t.slug);
    expect((four as unknown as { figures: Record<string, unknown> }).figures.shareReachingJpTarget).toEqual({
      value: null,
      people: null,
      suppressed: 'fewer than 5 people',
    });
    expect((await createEmployee(t)).status).toBe(201);
    await refresh(t.nationalToken, `?year=${year}&tenant=${t.slug}`);
    const five = await entryOf(t.nationalToken, t.slug);
    const stored = (await storedRows(t.id, year)).get('tenant')?.figures as StoredFigures;
    expect(exactFigures(stored).shareReachingJpTarget).toEqual({ value: 0, people: 5 });
    const figure = (five as unknown as { figures: Record<string, { value: number }> }).figures.shareReachingJpTarget;
    expect(figure).toEqual(disclose(stored).shareReachingJpTarget);
    expect(figure).toMatchObject({ people: 5, perturbed: true });
    expect(figure?.value).toBeGreaterThanOrEqual(0);
    expect(figure?.value).toBeLessThanOrEqual(1);
  });
});

describe('access', () => {
  it('refuses the tenant admin and the employee on every national summary route', async () => {
    const t = await createTenant();
    const calls: [string, string][] = [
      ['GET', '/api/v1/national/summary'],
      ['GET', '/api/v1/national/summary.csv'],
      ['GET', `/api/v1/national/tenants/${t.slug}/summary`],
      ['POST', '/api/v1/national/summary/refresh'],
    ];
    for (const [method, path] of calls) {
      for (const token of [t.adminToken, t.employeeToken]) expectProblem(await api(method, path, { token }), 403);
      expectProblem(await api(method, path), 401);
    }
  });

  it('answers 404 for an unknown tenant and 400 for a bad year', async () => {
    const t = await createTenant();
    expectProblem(await byUnit(t.nationalToken, 'tidak-ada'), 404);
    expectProblem(await refresh(t.nationalToken, '?tenant=tidak-ada'), 404);
    expectProblem(await api('GET', '/api/v1/national/summary?year=1999', { token: t.nationalToken }), 400);
    expectProblem(await refresh(t.nationalToken, '?limit=0'), 400);
  });

  it('still refuses the national admin personal data in the tenant', async () => {
    const t = await createTenant();
    const id = (await createEmployee(t)).body.id;
    for (const path of ['employees', `employees/${id}`, `employees/${id}/gaps`, `employees/${id}/jp`, 'needs?groupBy=unit']) {
      expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/${path}`, { token: t.nationalToken }), 403);
    }
  });
});
