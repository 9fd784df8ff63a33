/**
 * The plan's instance is read page by page over employee id: however the pages fall, the instance
 * (gaps, JP earned in the year, the standards' levels beside it) is the same, and it is right.
 */

import { describe, expect, it } from 'vitest';
import { buildInstance } from '../../../src/modules/plans/instance';
import { contextFor } from '../../support/context';
import { employees } from '../catalog/helpers';
import { assess } from '../competencies/helpers';
import { credited } from '../jp/helpers';
import { planWorld, year } from './helpers';

describe('annual plan: the instance read page by page', () => {
  it('is the same for every page size, counts only employees with gaps and their JP of the year', async () => {
    const w = await planWorld();
    const more = await employees(w.t, 4);
    for (const [i, employeeId] of more.entries()) {
      const res = await assess(w.t, {
        employeeId,
        competency: 'INTEGRITAS',
        level: 1 + (i % 3),
        source: 'assessment_center',
        date: '2026-02-01',
      });
      expect(res.status, res.text).toBe(201);
    }
    await credited(w.t, w.ani, 12, `${year}-03-01T08:00:00+07:00`);
    await credited(w.t, w.ani, 30, `${year - 1}-03-01T08:00:00+07:00`);
    const ctx = await contextFor({ id: w.t.id }, { subject: 'instance-test' });
    const input = { year, budget: 10_000_000, options: { perPersonCap: 2, jpTargetBonus: 0 } };
    const whole = await buildInstance(ctx, input, 1000);
    // Ani, Budi and the three of the four new ones still below INTEGRITAS 3 (levels 1, 2, 1).
    expect(whole.instance.employees.map((e) => e.id).sort()).toEqual([w.ani, w.budi, more[0], more[1], more[3]].sort());
    const ani = whole.instance.employees.findIndex((e) => e.id === w.ani);
    expect(whole.instance.employees[ani]!.jpEarned).toBe(12);
    const gaps = whole.instance.employees[ani]!.gaps;
    const required = [...whole.required.slice(whole.gapStart[ani], whole.gapStart[ani + 1])];
    expect(gaps.map((g, j) => ({ gap: g.gap, weight: g.weight, required: required[j] })).sort((a, b) => a.weight - b.weight)).toEqual([
      { gap: 2, weight: 2, required: 3 },
      { gap: 2, weight: 3, required: 3 },
    ]);
    for (const pageSize of [1, 2, 5]) {
      const paged = await buildInstance(ctx, input, pageSize);
      expect(paged.instance).toEqual(whole.instance);
      expect([...paged.gapStart]).toEqual([...whole.gapStart]);
      expect([...paged.required]).toEqual([...whole.required]);
    }
  });
});
