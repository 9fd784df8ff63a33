/**
 * National summaries on two small tenants, figures computed by hand: A on the shared database, B
 * on the dedicated one. This file holds no other tenant, so the total is A + B.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../support/api';
import { byUnit, expectNothingPersonal, nationalSummary, refresh, type Seeded, seedTenant } from './helpers';

let a: Seeded;
let b: Seeded;
const few = 'fewer than 5 people';
const complement = 'withheld so that a suppressed figure cannot be recovered by subtraction from the total';

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
    expect(ta.figures).toEqual({
      shareAssessed: { value: 0.4286, people: 7 },
      meanGapManajerial: { value: 0.92, people: 6 },
      meanGapSosialKultural: { value: 1, people: 5 },
      meanGapTeknis: { value: null, people: 4, suppressed: few },
      shareReachingJpTarget: { value: 0.5714, people: 7 },
      enrollments: { value: null, people: 0, suppressed: few },
      completions: { value: null, people: 0, suppressed: few },
      l1Mean: { value: null, people: 0, suppressed: few },
      l2MeanGain: { value: null, people: 0, suppressed: few },
      activePairings: { value: null, people: 0, suppressed: few },
      ikm: { value: null, people: 0, suppressed: few },
    });
    expect(tb).toMatchObject({ status: 'computed', employees: 10 });
    expect(tb.figures).toEqual({
      shareAssessed: { value: 1, people: 10 },
      meanGapManajerial: { value: 1.2, people: 10 },
      meanGapSosialKultural: { value: null, people: 0, suppressed: few },
      meanGapTeknis: { value: null, people: 0, suppressed: few },
      shareReachingJpTarget: { value: 0.2, people: 10 },
      enrollments: { value: null, people: 0, suppressed: few },
      completions: { value: null, people: 0, suppressed: few },
      l1Mean: { value: null, people: 0, suppressed: few },
      l2MeanGain: { value: null, people: 0, suppressed: few },
      activePairings: { value: null, people: 0, suppressed: few },
      ikm: { value: null, people: 0, suppressed: few },
    });
    expect(s.total).toEqual({
      tenants: 2,
      employees: 17,
      figures: {
        shareAssessed: { value: 0.7647, people: 17 },
        meanGapManajerial: { value: 1.05, people: 16 },
        meanGapSosialKultural: { value: 1, people: 5 },
        meanGapTeknis: { value: null, people: 4, suppressed: few },
        shareReachingJpTarget: { value: 0.3529, people: 17 },
        enrollments: { value: null, people: 0, suppressed: few },
        completions: { value: null, people: 0, suppressed: few },
        l1Mean: { value: null, people: 0, suppressed: few },
        l2MeanGain: { value: null, people: 0, suppressed: few },
        activePairings: { value: null, people: 0, suppressed: few },
        ikm: { value: null, people: 0, suppressed: few },
      },
    });
    expect(s.freshness.tenantsComputed).toBe(2);
    expect(s.freshness.tenantsNotComputed).toBe(0);
    expect(s.freshness.oldestComputedAt).toBe([ta.computedAt, tb.computedAt].sort()[0]);
    expect(s.figures.map((f) => f.name)).toEqual(Object.keys(ta.figures));
    expectNothingPersonal(res.text, [a, b]);
  });

  it('gives one tenant by unit, withholding a published unit that would give a small one away', async () => {
    const res = await byUnit(a.t.nationalToken, a.t.slug);
    expect(res.status, res.text).toBe(200);
    expect(res.body.total?.employees).toBe(7);
    expect(res.body.total?.figures.shareAssessed).toEqual({ value: 0.4286, people: 7 });
    const [dinkes, disdukcapil] = res.body.units;
    expect(res.body.units).toHaveLength(2);
    expect(dinkes).toMatchObject({ code: 'DINKES', name: 'Dinas Kesehatan', employees: 6 });
    expect(disdukcapil).toMatchObject({ code: 'DISDUKCAPIL', employees: 1 });
    // DISDUKCAPIL has one person: suppressed; DINKES would be total − DISDUKCAPIL: withheld too.
    expect(disdukcapil?.figures.shareAssessed).toEqual({ value: null, people: 1, suppressed: few });
    expect(dinkes?.figures.shareAssessed).toEqual({ value: null, people: 6, suppressed: complement });
    expect(dinkes?.figures.meanGapManajerial).toEqual({ value: null, people: 5, suppressed: complement });
    expectNothingPersonal(res.text, [a, b]);

    const dedicated = await byUnit(a.t.nationalToken, b.t.slug);
    expect(dedicated.status, dedicated.text).toBe(200);
    const units = Object.fromEntries(dedicated.body.units.map((u) => [String(u.code), u.figures]));
    expect(units.DINKES).toMatchObject({ meanGapManajerial: { value: 0.6, people: 5 }, shareReachingJpTarget: { value: 0.2, people: 5 } });
    expect(units.DISDUKCAPIL).toMatchObject({
      meanGapManajerial: { value: 1.8, people: 5 },
      shareReachingJpTarget: { value: 0.2, people: 5 },
    });
    expect(dedicated.body.total?.figures.meanGapManajerial).toEqual({ value: 1.2, people: 10 });
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
    const lineA = lines.find((l) => l.startsWith(`${a.t.slug},`)) as string;
    expect(lineA).toContain(',7,0.4286,0.92,1,,0.5714,,,,,,,meanGapTeknis: fewer than 5 people');
    expect(lines.at(-1)).toMatch(/^TOTAL,2 tenants computed,.*,17,0.7647,1.05,1,,0.3529,,,,,,,/);
    expectNothingPersonal(res.text, [a, b]);
  });

  it('another year has its own rows: JP counts in its year only', async () => {
    expect((await refresh(a.t.nationalToken, `?year=2025&tenant=${a.t.slug}`)).status).toBe(200);
    const res = await nationalSummary(a.t.nationalToken, 2025);
    const ta = res.body.tenants.find((t) => t.slug === a.t.slug);
    expect(ta?.figures.shareReachingJpTarget).toEqual({ value: 0, people: 7 });
    expect(res.body.tenants.find((t) => t.slug === b.t.slug)?.status).toBe('not_computed');
    expect(res.body.freshness.tenantsNotComputed).toBe(1);
  });
});
