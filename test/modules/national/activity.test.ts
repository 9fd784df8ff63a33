/**
 * The activity figures of the national summary — enrollments, completions, active pairings and
 * the IKM — on one tenant built through the API, computed by hand (what the refresh stores; the
 * answer publishes it through disclosure control).
 */
import { describe, expect, it } from 'vitest';
import type { StoredFigures } from '../../../src/modules/national/compute';
import { disclose } from '../../../src/modules/national/disclosure';
import { api } from '../../support/api';
import { createTenant } from '../../support/factories';
import { createOffering, createProgram, employees, employeeToken, enroll, queue } from '../catalog/helpers';
import { orgIds } from '../employees/helpers';
import { active, mentorProfile, person } from '../mentoring/helpers';
import { byUnit, exactFigures, refresh, storedRows } from './helpers';

describe('national summary: activity figures', () => {
  it('counts places, completions, active pairings and the IKM of the year, by unit', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    const program = await createProgram(t, { hasTests: true });
    // 2026: six placed (capacity 6), five completed (one of them failed: still a completion).
    const offering = await createOffering(t, program.id, { startDate: '2026-03-02', endDate: '2026-03-06', capacity: 6 });
    const people = await employees(t, 7);
    expect((await enroll(t, offering.id, people)).status).toBe(201); // the seventh waits: not a place
    const placed = (await queue(t, offering.id)).filter((e) => e.status === 'enrolled');
    expect(placed).toHaveLength(6);
    for (const [n, e] of placed.slice(0, 5).entries()) {
      const res = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${e.id}/complete`, {
        token: t.adminToken,
        body: { attendance: 90, passed: n !== 4, completedOn: '2026-03-06' },
      });
      expect(res.status, res.text).toBe(200);
    }
    // L1 by the five completed: item means per person 4, 3, 5, 4, 3 → 3.8. L2 (post − pre): 20, 10,
    // 30, 0, 20 → 16; the sixth (placed, not completed) has a pre-test only and does not count.
    const l1 = [4, 3, 5, 4, 3];
    const l2: [number, number | null][] = [
      [50, 70],
      [60, 70],
      [40, 70],
      [80, 80],
      [55, 75],
      [45, null],
    ];
    for (const [n, e] of placed.slice(0, 5).entries()) {
      const v = l1[n] as number;
      const answers = { materi: v, fasilitator: v, metode: v, sarana: v, manfaat: v, waktu: v };
      const reaction = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${e.id}/reaction`, {
        token: await employeeToken(t, e.employeeId),
        body: { answers },
      });
      expect(reaction.status, reaction.text).toBe(201);
    }
    const scores = placed.map((e, n) => ({ enrollmentId: e.id, pre: l2[n]?.[0], post: l2[n]?.[1] }));
    const scored = await api('PUT', `/api/v1/tenants/${t.slug}/offerings/${offering.id}/test-scores`, {
      token: t.adminToken,
      body: { scores },
    });
    expect(scored.status, scored.text).toBe(200);

    // 2027: another offering, three placed: not this year's.
    const later = await createOffering(t, program.id, { startDate: '2027-02-01', endDate: '2027-02-03' });
    expect((await enroll(t, later.id, people.slice(0, 3))).status).toBe(201);

    // Five mentees in active pairings with five mentors, all in DINKES.
    for (let i = 0; i < 5; i++) {
      const mentor = await person(t);
      await mentorProfile(t, mentor.id, { capacity: 1 });
      await active(t, mentor, (await person(t)).id);
    }

    // IKM: five responses for DINKES in 2026-S1 (sums 27, 27, 36, 18, 36 → mean 28.8 of 36 → 80.00),
    // and one in 2025 that does not count.
    const response = (answers: number[], period = '2026-S1', date = '2026-02-10') => ({ unitId: ids.DINKES, period, answers, date });
    const ikm = await api('POST', `/api/v1/tenants/${t.slug}/surveys/ikm/responses`, {
      token: t.adminToken,
      body: {
        responses: [
          response([3, 3, 3, 3, 3, 3, 3, 3, 3]),
          response([3, 3, 3, 3, 3, 3, 3, 3, 3]),
          response([4, 4, 4, 4, 4, 4, 4, 4, 4]),
          response([2, 2, 2, 2, 2, 2, 2, 2, 2]),
          response([4, 4, 4, 4, 4, 4, 4, 4, 4]),
          response([1, 1, 1, 1, 1, 1, 1, 1, 1], '2025', '2025-05-01'),
        ],
      },
    });
    expect(ikm.status, ikm.text).toBe(201);

    expect((await refresh(t.nationalToken, `?tenant=${t.slug}&year=2026`)).status).toBe(200);
    const res = await byUnit(t.nationalToken, t.slug, 2026);
    expect(res.status, res.text).toBe(200);
    const stored = (await storedRows(t.id, 2026)).get('tenant')?.figures as StoredFigures;
    expect(exactFigures(stored)).toMatchObject({
      enrollments: { value: 6, people: 6 },
      completions: { value: 5, people: 5 },
      l1Mean: { value: 3.8, people: 5 },
      l2MeanGain: { value: 16, people: 5 },
      activePairings: { value: 5, people: 5 },
      ikm: { value: 80, people: 5 },
    });
    expect(res.body.total?.figures).toEqual(disclose(stored));
  });
});
