/** Unit indicators (L4): versioned indicators, values by period, the series and the change signed by direction. */
import { describe, expect, it } from 'vitest';
import { changeBetween } from '../../../src/modules/evaluations/indicators/indicators';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { orgIds } from '../employees/helpers';
import { createIndicator, putValue } from './helpers';

describe('unit indicators', () => {
  it('signs the change by direction', () => {
    // Service time fell from 45 to 30 minutes: change −15, an improvement of 15 when lower is better.
    expect(changeBetween('lower_is_better', 45, 30)).toEqual({ change: -15, relativeChange: -0.3333, improvement: 15, improved: true });
    expect(changeBetween('higher_is_better', 45, 30)).toEqual({ change: -15, relativeChange: -0.3333, improvement: -15, improved: false });
    expect(changeBetween('higher_is_better', 80, 92.5)).toEqual({
      change: 12.5,
      relativeChange: 0.1563,
      improvement: 12.5,
      improved: true,
    });
    expect(changeBetween('lower_is_better', 10, 10)).toEqual({ change: 0, relativeChange: 0, improvement: 0, improved: false });
    expect(changeBetween('higher_is_better', 0, 5)).toMatchObject({ change: 5, relativeChange: null, improved: true });
    expect(changeBetween('lower_is_better', null, 5)).toEqual({ change: null, relativeChange: null, improvement: null, improved: null });
  });

  it('keeps values by period, gives the series in order and the change between two periods, both directions', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    const time = await createIndicator(t, {
      unitId: ids.DISDUKCAPIL,
      name: 'Waktu penyelesaian KTP-el',
      measure: 'menit',
      direction: 'lower_is_better',
    });
    const done = await createIndicator(t, {
      unitId: ids.DINKES,
      name: 'Cakupan imunisasi dasar lengkap',
      measure: '%',
      direction: 'higher_is_better',
    });
    expect((await putValue(t, time.id, '2026-Q1', 45)).status).toBe(201);
    expect((await putValue(t, time.id, '2025-Q4', 50)).status).toBe(201);
    const replaced = await putValue(t, time.id, '2026-Q2', 40);
    expect(replaced.status).toBe(201);
    const again = await putValue(t, time.id, '2026-Q2', 30); // upsert: replaces the value of the period
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ period: '2026-Q2', value: 30 });
    await putValue(t, done.id, '2025', 80);
    await putValue(t, done.id, '2026', 92.5);

    const path = `/api/v1/tenants/${t.slug}/indicators/${time.id}` as const;
    const res = await api('GET', `${path}?before=2026-Q1&after=2026-Q2`, { token: t.adminToken });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.body.series.map((v) => [v.period, v.value])).toEqual([
      ['2025-Q4', 50],
      ['2026-Q1', 45],
      ['2026-Q2', 30],
    ]);
    expect(res.body.change).toEqual({
      before: { period: '2026-Q1', value: 45 },
      after: { period: '2026-Q2', value: 30 },
      change: -15,
      relativeChange: -0.3333,
      improvement: 15,
      improved: true,
    });
    const up = await api('GET', `/api/v1/tenants/${t.slug}/indicators/${done.id}?before=2025&after=2026`, { token: t.adminToken });
    expect(up.body.change).toMatchObject({ change: 12.5, improvement: 12.5, improved: true });
    // Worse for a lower-is-better indicator: 45 → 50 the other way round.
    expect((await api('GET', `${path}?before=2026-Q1&after=2025-Q4`, { token: t.adminToken })).body.change).toMatchObject({
      change: 5,
      improvement: -5,
      improved: false,
    });
    // A period without a value: the change is unknown, not zero.
    expect((await api('GET', `${path}?before=2024&after=2026-Q2`, { token: t.adminToken })).body.change).toMatchObject({
      before: { value: null },
      change: null,
      improved: null,
    });
    expect((await api('GET', path, { token: t.adminToken })).body.change).toBeNull();
    expectProblem(await api('GET', `${path}?before=2026-Q1`, { token: t.adminToken }), 400);
    expectProblem(await api('GET', `${path}?before=2026-Q1&after=2026-Q9`, { token: t.adminToken }), 400);

    // Changing the direction flips the sign of the improvement; the ETag guards the change.
    expectProblem(await api('PATCH', path, { token: t.adminToken, body: { direction: 'higher_is_better' } }), 428);
    const patched = await api('PATCH', path, {
      token: t.adminToken,
      body: { direction: 'higher_is_better' },
      headers: { 'if-match': '"v1"' },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.headers.get('etag')).toBe('"v2"');
    expectProblem(await api('PATCH', path, { token: t.adminToken, body: { name: 'Lama' }, headers: { 'if-match': '"v1"' } }), 412);
    expect((await api('GET', `${path}?before=2026-Q1&after=2026-Q2`, { token: t.adminToken })).body.change).toMatchObject({
      improvement: -15,
      improved: false,
    });

    const list = await api('GET', `/api/v1/tenants/${t.slug}/indicators?unit=${ids.DINKES}`, { token: t.adminToken });
    expect(list.body.items.map((i) => i.id)).toEqual([done.id]);
    const paged = await api('GET', `/api/v1/tenants/${t.slug}/indicators?limit=1`, { token: t.adminToken });
    const next = await api('GET', `/api/v1/tenants/${t.slug}/indicators?limit=1&cursor=${paged.body.nextCursor}`, { token: t.adminToken });
    expect([...paged.body.items, ...next.body.items].map((i) => i.id).sort()).toEqual([time.id, done.id].sort());
  });

  it('refuses bad input and keeps tenants apart', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const idsA = await orgIds(a);
    const idsB = await orgIds(b);
    const post = (t: typeof a, body: unknown) => api('POST', `/api/v1/tenants/${t.slug}/indicators`, { token: t.adminToken, body });
    const valid = { unitId: idsA.DINKES, name: 'Jumlah pengaduan', measure: 'kasus', direction: 'lower_is_better' };
    expectProblem(await post(a, { ...valid, direction: 'sideways' }), 400);
    expectProblem(await post(a, { ...valid, name: '' }), 400);
    const foreign = await post(a, { ...valid, unitId: idsB.DINKES });
    expectProblem(foreign, 422);
    const mine = await createIndicator(a, valid);
    expectProblem(await putValue(a, mine.id, '2026-13', 1), 400);
    expectProblem(
      await api('PUT', `/api/v1/tenants/${a.slug}/indicators/${mine.id}/values/2026`, { token: a.adminToken, body: { value: 'tiga' } }),
      400,
    );
    // A's indicator under B's path (with B's admin) is 404; B's admin on A's path is 403.
    expectProblem(await api('GET', `/api/v1/tenants/${b.slug}/indicators/${mine.id}`, { token: b.adminToken }), 404);
    expectProblem(await putValue(b, mine.id, '2026', 1), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${a.slug}/indicators/${mine.id}`, { token: b.adminToken }), 403);
    expect((await api('GET', `/api/v1/tenants/${b.slug}/indicators`, { token: b.adminToken })).body.items).toEqual([]);
    expectProblem(await api('GET', `/api/v1/tenants/${a.slug}/indicators`, { token: a.employeeToken }), 403);
  });
});
