/**
 * National summaries on two small tenants, figures computed by hand: A on the shared database, B
 * on the dedicated one. This file holds no other tenant, so the total is A + B. The hand
 * computations check what the refresh stores; the answers publish those parts through disclosure
 * control (disclosure.test.ts, attacks.test.ts), the same in every answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoredFigures } from '../../../src/modules/national/compute';
import { disclose, sumFigures } from '../../../src/modules/national/disclosure';
import { api } from '../../support/api';
import { byUnit, exactFigures, expectNothingPersonal, nationalSummary, refresh, type Seeded, seedTenant, storedRows } from './helpers';

let a: Seeded;
let b: Seeded;
const suppressed = { value: null, people: null, suppressed: 'fewer than 5 people' };
const none = { value: null, people: 0 };
/** The stored figures of a tenant (`tenant`) or of one of its units. */
const stored = async (s: Seeded, scope = 'tenant', year = 2026) => (await storedRows(s.t.id, year)).get(scope)?.figures as StoredFigures;

beforeAll(async () => {
  // A (DB, target 20): six in DINKES, one in DISDUKCAPIL. Standard: INTEGRITAS 3, KOMUNIKASI 4,
  // PEREKAT-BANGSA 3, TEK-SURVEI 2. Fully assessed: people 0, 1, 3. JP of 2026 ≥ 20: 0, 1, 3, 6.
  const i = 'INTEGRITAS',
    k = 'KOMUNIKASI',
    pb = 'PEREKAT-BANGSA',
    tk = 'TEK-SURVEI';
  a = await seedTenant(
    { jpTarget: 20 },
    [
      { competency: i, requiredLevel: 3 },
      { competency: k, requiredLevel: 4 },
      { competency: pb, requiredLevel: 3 },
      { competency: tk, requiredLevel: 2 },
    ],
    [
      { unit: 'DINKES', levels: { [i]: 1, [k]: 4, [pb]: 3, [tk]: 1 }, jp: [[20, '2026-03-01T09:00:00+07:00']] },
      {
        unit: 'DINKES',
        levels: { [i]: 2, [k]: 2, [pb]: 1, [tk]: 2 },
        jp: [
          [12, '2026-03-01T09:00:00+07:00'],
          [8, '2026-12-31T23:30:00+07:00'],
        ],
      },
      {
        unit: 'DINKES',
        levels: { [i]: 3, [k]: 5, [tk]: 1 },
        jp: [
          [19.5, '2026-05-01T09:00:00+07:00'],
          [10, '2025-12-31T16:59:00Z'],
        ],
      },
      { unit: 'DINKES', levels: { [i]: 5, [k]: 3, [pb]: 2, [tk]: 3 }, jp: [[25, '2026-04-01T09:00:00+07:00']] },
      { unit: 'DINKES', levels: { [i]: 3, [k]: 3, [pb]: 3 } },
      { unit: 'DINKES' },
      { unit: 'DISDUKCAPIL', levels: { [i]: 1, [k]: 2, [pb]: 1 }, jp: [[30, '2026-06-01T09:00:00+07:00']] },
    ],
  );
  // B (DB_DEDICATED, target 10): five per unit, all assessed on INTEGRITAS 4.
  b = await seedTenant(
    { database: 'DB_DEDICATED', jpTarget: 10, timeZone: 'Asia/Jayapura' },
    [{ competency: i, requiredLevel: 4 }],
    [
      ...[4, 3, 2, 4, 5].map((level, n) => ({
        unit: 'DINKES',
        levels: { [i]: level },
        jp:
          n === 0
            ? ([[10, '2026-02-01T09:00:00+09:00']] as [number, string][])
            : n === 1
              ? ([[9.99, '2026-02-01T09:00:00+09:00']] as [number, string][])
              : [],
      })),
      ...[1, 1, 4, 3, 2].map((level, n) => ({
        unit: 'DISDUKCAPIL',
        levels: { [i]: level },
        jp: n === 0 ? ([[15, '2026-07-01T09:00:00+09:00']] as [number, string][]) : [],
      })),
    ],
  );
});

describe('national summary', () => {
  it('shows tenants never computed as such, not as zeros', async () => {
    const res = await nationalSummary(a.t.nationalToken);
    expect(res.status, res.text).toBe(200);
    expect(res.body.freshness).toMatchObject({ oldestComputedAt: null, tenantsComputed: 0, tenantsNotComputed: 2 });
    for (const t of res.body.tenants) expect(t).toMatchObject({ status: 'not_computed', computedAt: null, employees: null, figures: null });
    expect(res.body.total).toMatchObject({ tenants: 0, employees: 0 });
    const unit = await byUnit(a.t.nationalToken, b.t.slug);
    expect(unit.body).toMatchObject({ status: 'not_computed', computedAt: null, total: null, units: [] });
  });

  it('computes both tenants, the dedicated one included, with the figures worked out by hand', async () => {
    const done = await refresh(a.t.nationalToken, '?year=2026');
    expect(done.status, done.text).toBe(200);
    expect(done.body.refreshed.map((r) => r.tenant).sort()).toEqual([a.t.slug, b.t.slug].sort());
    expect(done.body.remaining).toBe(0);

    const res = await nationalSummary(a.t.nationalToken);
    expect(res.status, res.text).toBe(200);
    const s = res.body;
    const ta = s.tenants.find((t) => t.slug === a.t.slug)!;
    const tb = s.tenants.find((t) => t.slug === b.t.slug)!;
    expect(ta).toMatchObject({ status: 'computed', employees: 7 });
    const storedA = await stored(a);
    const storedB = await stored(b);
    expect(exactFigures(storedA)).toEqual({
      shareAssessed: { value: 0.4286, people: 7 },
      meanGapManajerial: { value: 0.92, people: 6 },
      meanGapSosialKultural: { value: 1, people: 5 },
      meanGapTeknis: { value: null, people: 4 },
      shareReachingJpTarget: { value: 0.5714, people: 7 },
      enrollments: none,
      completions: none,
      l1Mean: none,
      l2MeanGain: none,
      activePairings: none,
      ikm: none,
    });
    expect(ta.figures).toEqual(disclose(storedA));
    expect(ta.figures?.meanGapTeknis).toEqual(suppressed);
    expect(ta.figures?.shareAssessed).toMatchObject({ people: 7, perturbed: true });
    expect(tb).toMatchObject({ status: 'computed', employees: 10 });
    expect(exactFigures(storedB)).toEqual({
      shareAssessed: { value: 1, people: 10 },
      meanGapManajerial: { value: 1.2, people: 10 },
      meanGapSosialKultural: none,
      meanGapTeknis: none,
      shareReachingJpTarget: { value: 0.2, people: 10 },
      enrollments: none,
      completions: none,
      l1Mean: none,
      l2MeanGain: none,
      activePairings: none,
      ikm: none,
    });
    expect(tb.figures).toEqual(disclose(storedB));
    expect(s.total).toEqual({ tenants: 2, employees: 17, figures: disclose(sumFigures([storedA, storedB])) });
    expect(exactFigures(sumFigures([storedA, storedB]))).toEqual({
      shareAssessed: { value: 0.7647, people: 17 },
      meanGapManajerial: { value: 1.05, people: 16 },
      meanGapSosialKultural: { value: 1, people: 5 },
      meanGapTeknis: { value: null, people: 4 },
      shareReachingJpTarget: { value: 0.3529, people: 17 },
      enrollments: none,
      completions: none,
      l1Mean: none,
      l2MeanGain: none,
      activePairings: none,
      ikm: none,
    });
    expect(s.total.figures.meanGapTeknis).toEqual(suppressed);
    expect(s.freshness.tenantsComputed).toBe(2);
    expect(s.freshness.tenantsNotComputed).toBe(0);
    expect(s.freshness.oldestComputedAt).toBe([ta.computedAt, tb.computedAt].sort()[0]);
    expect(s.figures.map((f) => f.name)).toEqual(Object.keys(ta.figures ?? {}));
    expectNothingPersonal(res.text, [a, b]);
  });

  it('gives one tenant by unit with its total, the total the same as in the national answer', async () => {
    const res = await byUnit(a.t.nationalToken, a.t.slug);
    expect(res.status, res.text).toBe(200);
    expect(res.body.total?.employees).toBe(7);
    expect(res.body.total?.figures).toEqual(disclose(await stored(a)));
    const national = (await nationalSummary(a.t.nationalToken)).body.tenants.find((t) => t.slug === a.t.slug);
    expect(res.body.total?.figures).toEqual(national?.figures);
    const [dinkes, disdukcapil] = res.body.units;
    expect(res.body.units).toHaveLength(2);
    if (!dinkes || !disdukcapil) throw new Error('two units expected');
    expect(dinkes).toMatchObject({ code: 'DINKES', name: 'Dinas Kesehatan', employees: 6 });
    expect(disdukcapil).toMatchObject({ code: 'DISDUKCAPIL', employees: 1 });
    // DISDUKCAPIL has one person: suppressed, nothing about them shown. DINKES is published with
    // its noise: no complementary suppression, total minus DINKES gives DISDUKCAPIL plus noise.
    const storedDinkes = await stored(a, dinkes.unitId);
    expect(exactFigures(storedDinkes).shareAssessed).toEqual({ value: 0.5, people: 6 });
    expect(exactFigures(storedDinkes).meanGapManajerial).toEqual({ value: 0.7, people: 5 });
    expect(dinkes.figures).toEqual(disclose(storedDinkes));
    expect(disdukcapil.figures.shareAssessed).toEqual(suppressed);
    expect(disdukcapil.figures).toEqual(disclose(await stored(a, disdukcapil.unitId)));
    expectNothingPersonal(res.text, [a, b]);

    const dedicated = await byUnit(a.t.nationalToken, b.t.slug);
    expect(dedicated.status, dedicated.text).toBe(200);
    const units = Object.fromEntries(
      await Promise.all(
        dedicated.body.units.map(async (u) => {
          expect(u.figures).toEqual(disclose(await stored(b, u.unitId)));
          return [u.code, exactFigures(await stored(b, u.unitId))];
        }),
      ),
    );
    expect(units.DINKES).toMatchObject({ meanGapManajerial: { value: 0.6, people: 5 }, shareReachingJpTarget: { value: 0.2, people: 5 } });
    expect(units.DISDUKCAPIL).toMatchObject({
      meanGapManajerial: { value: 1.8, people: 5 },
      shareReachingJpTarget: { value: 0.2, people: 5 },
    });
    expect(dedicated.body.total?.figures).toEqual(disclose(await stored(b)));
    expectNothingPersonal(dedicated.text, [a, b]);
  });

  it('exports the same figures as CSV, a suppressed figure empty with its reason', async () => {
    const res = await api('GET', '/api/v1/national/summary.csv?year=2026', { token: a.t.nationalToken });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'tenant,name,kind,region_code,status,computed_at,employees,shareAssessed,meanGapManajerial,meanGapSosialKultural,meanGapTeknis,shareReachingJpTarget,enrollments,completions,l1Mean,l2MeanGain,activePairings,ikm,notes',
    );
    // The same numbers as the JSON answer: the CSV is that answer, line by line.
    const json = (await nationalSummary(a.t.nationalToken)).body;
    const names = json.figures.map((f) => f.name);
    const cells = (figures: Record<string, { value: number | null }> | null | undefined) =>
      names.map((n) => figures?.[n]?.value ?? '').join(',');
    const ta = json.tenants.find((t) => t.slug === a.t.slug);
    const lineA = lines.find((l) => l.startsWith(`${a.t.slug},`)) as string;
    expect(lineA).toContain(`,7,${cells(ta?.figures)},meanGapTeknis: fewer than 5 people`);
    expect(lines.at(-1)).toMatch(/^TOTAL,2 tenants computed,/);
    expect(lines.at(-1)).toContain(`,17,${cells(json.total.figures)},`);
    expectNothingPersonal(res.text, [a, b]);
  });

  it('another year has its own rows: JP counts in its year only', async () => {
    expect((await refresh(a.t.nationalToken, `?year=2025&tenant=${a.t.slug}`)).status).toBe(200);
    const res = await nationalSummary(a.t.nationalToken, 2025);
    const ta = res.body.tenants.find((t) => t.slug === a.t.slug);
    expect(exactFigures(await stored(a, 'tenant', 2025)).shareReachingJpTarget).toEqual({ value: 0, people: 7 });
    expect(ta?.figures).toEqual(disclose(await stored(a, 'tenant', 2025)));
    expect(res.body.tenants.find((t) => t.slug === b.t.slug)?.status).toBe('not_computed');
    expect(res.body.freshness.tenantsNotComputed).toBe(1);
  });
});
