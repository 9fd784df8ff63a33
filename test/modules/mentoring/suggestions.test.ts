/**
 * Suggestions with hand-checked scores, and the whole-pool matching through the API checked
 * against an exhaustive search over the same scores.
 *
 * Standard of ANALIS-KEBIJAKAN: TEK-A 4 (w 2), TEK-B 3 (w 1), INTEGRITAS 3 (w 1). The mentee (unit
 * DINKES-YANKES, under DINKES) is at TEK-A 2 (weighted gap 4), TEK-B 2 (1), INTEGRITAS 3 (0):
 * largest gaps TEK-A then TEK-B, weighted sum 5.
 *
 * | mentor | unit        | offers (level)       | covers | fit | slots     | cap | unit | score |
 * |--------|-------------|----------------------|--------|-----|-----------|-----|------|-------|
 * | m1     | YANKES      | TEK-A (4), TEK-B (2) | TEK-A  | 0.8 | 1 of 1    | 1   | 1    | 0.88  |
 * | m2     | DINKES      | TEK-A (5), TEK-B (3) | both   | 1   | 1 of 2    | 0.5 | 0.5  | 0.8   |
 * | m3     | DISDUKCAPIL | TEK-B (4)            | TEK-B  | 0.2 | 1 of 1    | 1   | 0    | 0.32  |
 * | m4     | DISDUKCAPIL | TEK-A (unassessed)   | none   | 0   | 3 of 3    | 1   | 0    | 0.2   |
 *
 * score = 0.6 fit + 0.2 cap + 0.2 unit; with preference `distance` unit is 1 − closeness:
 * m1 0.68, m2 0.8, m3 0.52, m4 0.4. Excluded: the supervisor and their supervisor, a direct
 * report, a paused mentor and a full one.
 */
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { assess, createTechnical, putStandards } from '../competencies/helpers';
import { orgIds } from '../employees/helpers';
import { active, mentorProfile, type Person, person, proposed } from './helpers';

async function level(t: TestTenant, employeeId: string, competency: string, value: number) {
  const res = await assess(t, { employeeId, competency, level: value, source: 'supervisor', date: '2026-01-15' });
  expect(res.status, res.text).toBe(201);
}

async function world() {
  const t = await createTenant();
  const ids = await orgIds(t);
  await createTechnical(t, 'TEK-A');
  await createTechnical(t, 'TEK-B');
  const std = await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [
    { competency: 'TEK-A', requiredLevel: 4, weight: 2 },
    { competency: 'TEK-B', requiredLevel: 3, weight: 1 },
    { competency: 'INTEGRITAS', requiredLevel: 3, weight: 1 },
  ]);
  expect(std.status, std.text).toBe(200);
  const grand = await person(t, { unit: 'DINKES' });
  const boss = await person(t, { unit: 'DINKES-YANKES', supervisorId: grand.id });
  const mentee = await person(t, { unit: 'DINKES-YANKES', supervisorId: boss.id });
  const report = await person(t, { unit: 'DINKES-YANKES', supervisorId: mentee.id });
  await level(t, mentee.id, 'TEK-A', 2);
  await level(t, mentee.id, 'TEK-B', 2);
  await level(t, mentee.id, 'INTEGRITAS', 3);
  const m: Record<string, Person> = {
    m1: await person(t, { unit: 'DINKES-YANKES' }),
    m2: await person(t, { unit: 'DINKES' }),
    m3: await person(t, { unit: 'DISDUKCAPIL' }),
    m4: await person(t, { unit: 'DISDUKCAPIL' }),
    paused: await person(t, { unit: 'DINKES-YANKES' }),
    full: await person(t, { unit: 'DINKES-YANKES' }),
  };
  await mentorProfile(t, m.m1!.id, { capacity: 1, competencies: ['TEK-A', 'TEK-B'] });
  await mentorProfile(t, m.m2!.id, { capacity: 2, competencies: ['TEK-A', 'TEK-B'] });
  await mentorProfile(t, m.m3!.id, { capacity: 1, competencies: ['TEK-B'] });
  await mentorProfile(t, m.m4!.id, { capacity: 3, competencies: ['TEK-A'] });
  await mentorProfile(t, m.paused!.id, { competencies: ['TEK-A', 'TEK-B'], status: 'paused' });
  await mentorProfile(t, m.full!.id, { capacity: 1, competencies: ['TEK-A', 'TEK-B'] });
  for (const p of [grand, boss, report]) await mentorProfile(t, p.id, { competencies: ['TEK-A', 'TEK-B'] });
  for (const [who, a, b] of [
    ['m1', 4, 2],
    ['m2', 5, 3],
    ['paused', 5, 5],
    ['full', 5, 5],
  ] as const) {
    await level(t, m[who]!.id, 'TEK-A', a);
    await level(t, m[who]!.id, 'TEK-B', b);
  }
  for (const p of [grand, boss, report]) await level(t, p.id, 'TEK-A', 5);
  await level(t, m.m3!.id, 'TEK-B', 4);
  await proposed(t, m.m2!.id, (await person(t)).id); // one open proposal: 1 slot of 2 left
  await active(t, m.full!, (await person(t)).id); // full
  return { t, mentee, m, excluded: [grand, boss, report, m.paused!, m.full!] };
}

const suggest = (t: TestTenant, mentee: string, extra = '') =>
  api('GET', `/api/v1/tenants/${t.slug}/pairings/suggestions?mentee=${mentee}${extra}`, { token: t.adminToken });

describe('suggestions', () => {
  it('ranks by the documented score, shows its parts, and leaves out the reporting line, paused and full mentors', async () => {
    const { t, mentee, m, excluded } = await world();
    const res = await suggest(t, mentee.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body.gaps.map((g) => g.weightedGap)).toEqual([4, 1]);
    const rows = res.body.items.map((i) => [i.mentorId, i.score, i.parts, i.remaining, i.covered.length]);
    expect(rows).toEqual([
      [m.m1!.id, 0.88, { fit: 0.8, capacity: 1, unit: 1 }, 1, 1],
      [m.m2!.id, 0.8, { fit: 1, capacity: 0.5, unit: 0.5 }, 1, 2],
      [m.m3!.id, 0.32, { fit: 0.2, capacity: 1, unit: 0 }, 1, 1],
      [m.m4!.id, 0.2, { fit: 0, capacity: 1, unit: 0 }, 3, 0],
    ]);
    for (const p of excluded) expect(res.text).not.toContain(p.id);
    // SPEC 8: at most 3 round trips — the gaps, then place, reporting line, pool and levels in one batch.
    expect(res.cost.queries).toBe(2);

    const far = await suggest(t, mentee.id, '&unitPreference=distance');
    expect(far.body.items.map((i) => [i.mentorId, i.score])).toEqual([
      [m.m2!.id, 0.8],
      [m.m1!.id, 0.68],
      [m.m3!.id, 0.52],
      [m.m4!.id, 0.4],
    ]);
  });

  it('is for the admin only; an unknown mentee is 404; a missing one 400', async () => {
    const t = await createTenant();
    const someone = await person(t);
    expect((await suggest(t, someone.id)).body).toMatchObject({ gaps: [], items: [] });
    expectProblem(await suggest(t, 'emp_nobody'), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/pairings/suggestions`, { token: t.adminToken }), 400);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/pairings/suggestions?mentee=${someone.id}`, { token: someone.token }), 403);
  });
});

interface Suggestion {
  mentorId: string;
  score: number;
  remaining: number;
}

/** Best total over the suggestion scores, trying every mentor (or none) per mentee, within slots. */
function exhaustive(lists: Suggestion[][]): number {
  const left = new Map<string, number>();
  for (const s of lists.flat()) left.set(s.mentorId, s.remaining);
  const go = (i: number): number => {
    if (i === lists.length) return 0;
    let best = go(i + 1);
    for (const s of lists[i] ?? []) {
      const free = left.get(s.mentorId) ?? 0;
      if (free === 0) continue;
      left.set(s.mentorId, free - 1);
      best = Math.max(best, Math.round(s.score * 10_000) + go(i + 1));
      left.set(s.mentorId, free);
    }
    return best;
  };
  return go(0);
}

describe('whole-pool matching through the API', () => {
  it('equals the exhaustive best over the suggestion scores; publishes proposals only when asked', async () => {
    const { t, mentee } = await world();
    const others = [
      await person(t, { unit: 'DINKES' }),
      await person(t, { unit: 'DISDUKCAPIL' }),
      await person(t, { unit: 'DINKES-YANKES' }),
    ];
    await level(t, others[0]!.id, 'TEK-B', 1);
    await level(t, others[1]!.id, 'TEK-A', 3);
    await level(t, others[2]!.id, 'TEK-A', 1);
    const mentees = [mentee.id, ...others.map((o) => o.id)];
    const lists: Suggestion[][] = [];
    for (const id of mentees) lists.push((await suggest(t, id, '&limit=100')).body.items);

    const url = `/api/v1/tenants/${t.slug}/pairings/match` as const;
    const dry = await api('POST', url, { token: t.adminToken, body: { mentees } });
    expect(dry.status, dry.text).toBe(200);
    expect(Math.round(dry.body.totalScore * 10_000)).toBe(exhaustive(lists));
    const slots = new Map<string, number>();
    for (const p of dry.body.proposals) slots.set(p.mentorId, (slots.get(p.mentorId) ?? 0) + 1);
    for (const [mentor, used] of slots) expect(used).toBeLessThanOrEqual(lists.flat().find((s) => s.mentorId === mentor)?.remaining ?? 0);
    expect(dry.body.proposals.every((p) => p.pairingId === null)).toBe(true);
    const before = await api('GET', `/api/v1/tenants/${t.slug}/pairings?status=proposed`, { token: t.adminToken });

    const published = await api('POST', url, { token: t.adminToken, body: { mentees, publish: true } });
    expect(published.body.totalScore).toBe(dry.body.totalScore);
    const after = await api('GET', `/api/v1/tenants/${t.slug}/pairings?status=proposed&limit=100`, { token: t.adminToken });
    expect(after.body.items.length - before.body.items.length).toBe(published.body.proposals.length);
    for (const p of published.body.proposals) {
      const read = await api('GET', `/api/v1/tenants/${t.slug}/pairings/${p.pairingId}`, { token: t.adminToken });
      expect(read.body).toMatchObject({ status: 'proposed', kind: 'mentoring', mentorId: p.mentorId, menteeId: p.menteeId });
    }
    expectProblem(await api('POST', url, { token: t.adminToken, body: { mentees: ['emp_nobody'] } }), 422);
    expectProblem(await api('POST', url, { token: t.adminToken, body: { mentees: [] } }), 400);
  });

  it('coaching proposes each mentee to their own supervisor', async () => {
    const t = await createTenant();
    const boss = await person(t);
    const [a, b, loner] = [await person(t, { supervisorId: boss.id }), await person(t, { supervisorId: boss.id }), await person(t)];
    const res = await api('POST', `/api/v1/tenants/${t.slug}/pairings/match`, {
      token: t.adminToken,
      body: { mentees: [a.id, b.id, loner.id], kind: 'coaching', publish: true },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.proposals.map((p) => [p.menteeId, p.mentorId]).sort()).toEqual(
      [
        [a.id, boss.id],
        [b.id, boss.id],
      ].sort(),
    );
    expect(res.body.unmatched).toEqual([loner.id]);
  });
});
