/**
 * Disclosure control on real tenant data: the cell keys the refresh computes in SQL are the sums of
 * the records' keys (written again in world.ts), the same data gives the same answers at every
 * refresh, a change moves only the numbers it touches, and a small count is suppressed in every
 * answer with nothing about its people.
 */
import { describe, expect, it } from 'vitest';
import type { StoredFigures } from '../../../src/modules/national/compute';
import { api } from '../../support/api';
import { createTenant } from '../../support/factories';
import { createOffering, createProgram, employees, enroll, queue } from '../catalog/helpers';
import { createEmployee, orgIds } from '../employees/helpers';
import { byUnit, nationalSummary, refresh, storedRows } from './helpers';
import { contributionKey, keySum } from './world';

const year = 2026;
const credit = (slug: string, token: string, employeeId: string, jp: number) =>
  api('POST', `/api/v1/tenants/${slug}/jp`, {
    token,
    body: { employeeId, jp, source: 'program', occurredAt: '2026-03-01T09:00:00+07:00' },
  });

describe('cell keys from real data', () => {
  it('are the sums of the records’ keys over every employee of the unit, and a tenant’s the sum of its units’', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    const dinkes = await employees(t, 6);
    const other = (await createEmployee(t, { unitId: ids.DISDUKCAPIL })).body.id as string;
    // Two of DINKES reach the target of 20 JP.
    for (const id of dinkes.slice(0, 2)) expect((await credit(t.slug, t.adminToken, id, 20)).status).toBe(201);
    expect((await refresh(t.nationalToken, `?tenant=${t.slug}&year=${year}`)).status).toBe(200);

    const rows = await storedRows(t.id, year);
    const unit = rows.get(ids.DINKES as string)?.figures as StoredFigures;
    const reached = (id: string) => (dinkes.slice(0, 2).includes(id) ? 1 : 0);
    expect(unit.shareReachingJpTarget).toEqual([2, 6, 6, keySum(dinkes.map((id) => contributionKey(id, reached(id)))), 0]);
    expect(unit.shareAssessed).toEqual([0, 6, 6, keySum(dinkes.map((id) => contributionKey(id, 0))), 0]);
    // Nobody took a place or has a gap: every employee of the unit is in the keys all the same.
    const nothing = keySum(dinkes.map((id) => contributionKey(id, 0)));
    expect(unit.enrollments).toEqual([0, 0, 0, nothing, nothing]);
    expect(unit.meanGapManajerial).toEqual([0, 0, 0, nothing, nothing]);
    const whole = rows.get('tenant')?.figures as StoredFigures;
    expect(whole.shareReachingJpTarget?.[3]).toBe(keySum([unit.shareReachingJpTarget?.[3] as number, contributionKey(other, 0)]));
  });

  it('give the same answers at every refresh of the same data, and a change moves only the numbers it touches', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    const people = await employees(t, 8);
    for (let i = 0; i < 6; i++) expect((await createEmployee(t, { unitId: ids.DISDUKCAPIL })).status).toBe(201);
    const answers = async () => ({
      national: (await nationalSummary(t.nationalToken, year)).body.tenants.find((x) => x.slug === t.slug)?.figures ?? {},
      units: (await byUnit(t.nationalToken, t.slug, year)).body,
      stored: await storedRows(t.id, year),
    });
    expect((await refresh(t.nationalToken, `?tenant=${t.slug}&year=${year}`)).status).toBe(200);
    const first = await answers();
    expect((await refresh(t.nationalToken, `?tenant=${t.slug}&year=${year}`)).status).toBe(200);
    const again = await answers();
    expect(again.national).toEqual(first.national);
    expect(again.units.units).toEqual(first.units.units);

    // One person of DINKES reaches the JP target: only that figure's keys of DINKES and the tenant change.
    expect((await credit(t.slug, t.adminToken, people[0] as string, 25)).status).toBe(201);
    expect((await refresh(t.nationalToken, `?tenant=${t.slug}&year=${year}`)).status).toBe(200);
    const after = await answers();
    for (const scope of ['tenant', ids.DINKES as string, ids.DISDUKCAPIL as string]) {
      const before = first.stored.get(scope)?.figures as StoredFigures;
      const now = after.stored.get(scope)?.figures as StoredFigures;
      for (const name of Object.keys(now)) {
        const touched = name === 'shareReachingJpTarget' && scope !== ids.DISDUKCAPIL;
        expect(now[name]?.[3] !== before[name]?.[3], `${scope} ${name}`).toBe(touched);
        expect(now[name]?.[4], `${scope} ${name}`).toBe(before[name]?.[4]);
      }
    }
    const { shareReachingJpTarget: _, ...untouched } = after.national;
    const { shareReachingJpTarget: __, ...untouchedBefore } = first.national;
    expect(untouched).toEqual(untouchedBefore);
    const disdukcapil = (body: { units: { code: string | null; figures: unknown }[] }) =>
      body.units.find((u) => u.code === 'DISDUKCAPIL')?.figures;
    expect(disdukcapil(after.units)).toEqual(disdukcapil(first.units));
  });

  it('suppress a count of 3 completions in every answer, with nothing about the 3 people', async () => {
    const t = await createTenant();
    for (let i = 0; i < 6; i++) expect((await createEmployee(t)).status).toBe(201);
    const program = await createProgram(t);
    const offering = await createOffering(t, program.id, { startDate: '2026-03-02', endDate: '2026-03-06' });
    expect((await enroll(t, offering.id, await employees(t, 3))).status).toBe(201);
    for (const e of await queue(t, offering.id)) {
      const res = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${e.id}/complete`, {
        token: t.adminToken,
        body: { attendance: 100, passed: true, completedOn: '2026-03-06' },
      });
      expect(res.status, res.text).toBe(200);
    }
    expect((await refresh(t.nationalToken, `?tenant=${t.slug}&year=${year}`)).status).toBe(200);
    const stored = (await storedRows(t.id, year)).get('tenant')?.figures as StoredFigures;
    expect(stored.completions?.slice(0, 3)).toEqual([3, 3, 3]);

    const hidden = { value: null, people: null, suppressed: 'fewer than 5 people' };
    const national = await nationalSummary(t.nationalToken, year);
    const row = national.body.tenants.find((x) => x.slug === t.slug);
    const units = await byUnit(t.nationalToken, t.slug, year);
    const answers = [row?.figures, units.body.total?.figures, ...units.body.units.map((u) => u.figures)];
    expect(answers).toHaveLength(2 + units.body.units.length);
    for (const figures of answers) {
      expect(figures?.enrollments).toEqual(hidden);
      expect(figures?.completions).toEqual(hidden);
    }
    const csv = await api('GET', `/api/v1/national/summary.csv?year=${year}`, { token: t.nationalToken });
    const [header, ...lines] = csv.text.trim().split('\r\n');
    const columns = (header as string).split(',');
    const line = (lines.find((l) => l.startsWith(`${t.slug},`)) as string).split(',');
    expect(line[columns.indexOf('completions')]).toBe('');
    expect(line[columns.indexOf('enrollments')]).toBe('');
    expect(line[columns.indexOf('notes')]).toContain('completions: fewer than 5 people');
  });
});
