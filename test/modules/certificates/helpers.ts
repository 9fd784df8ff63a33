/** Certificate test data through the API: an offering whose participants completed it, passed or not. */
import { expect } from 'vitest';
import { api } from '../../support/api';
import type { TestTenant } from '../../support/factories';
import { createOffering, createProgram, employeeToken, enroll } from '../catalog/helpers';
import { createEmployee } from '../employees/helpers';

export const official = { name: 'Dr. Hendra Wijaya, S.STP., M.Si.', nip: '197204101998031004', title: 'Kepala BKPSDM' };

export interface Cohort {
  offeringId: string;
  programCode: string;
  programTitle: string;
  /** The enrollments in the order of `names`, with their employees and tokens. */
  people: { enrollmentId: string; employeeId: string; name: string; nip: string; token: string }[];
}

/**
 * An offering of a 24-JP program with one participant per name, each completed on 2025-03-07:
 * passed, except the indexes in `failed`.
 */
export async function cohort(
  t: TestTenant,
  names: string[],
  options: { failed?: number[]; offering?: Record<string, unknown> } = {},
): Promise<Cohort> {
  const program = await createProgram(t, { title: 'Pelatihan Kepemimpinan Pengawas Angkatan II', jp: 24 });
  const offering = await createOffering(t, program.id, {
    startDate: '2025-03-03',
    endDate: '2025-03-07',
    capacity: 500,
    ...options.offering,
  });
  const people: Cohort['people'] = [];
  for (const name of names) {
    const res = await createEmployee(t, { name });
    expect(res.status, res.text).toBe(201);
    people.push({ enrollmentId: '', employeeId: res.body.id, name, nip: res.body.nip, token: await employeeToken(t, res.body.id) });
  }
  const placed = await enroll(
    t,
    offering.id,
    people.map((p) => p.employeeId),
  );
  expect(placed.status, placed.text).toBe(201);
  for (const [i, p] of people.entries()) {
    p.enrollmentId = placed.body.items[i]!.id;
    const done = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${p.enrollmentId}/complete`, {
      token: t.adminToken,
      body: { attendance: 95, passed: !(options.failed ?? []).includes(i), completedOn: '2025-03-07' },
    });
    expect(done.status, done.text).toBe(200);
  }
  return { offeringId: offering.id, programCode: program.code, programTitle: program.title, people };
}

export const issue = (t: TestTenant, c: Cohort, i: number, body: Record<string, unknown> = {}) =>
  api('POST', `/api/v1/tenants/${t.slug}/offerings/${c.offeringId}/certificates`, {
    token: t.adminToken,
    body: { enrollmentId: c.people[i]!.enrollmentId, issuedOn: '2025-03-10', official, ...body },
  });
