/**
 * A hand-computable plan world. Standard of ANALIS-KEBIJAKAN: INTEGRITAS 3 (w 2), TEK 3 (w 3).
 * Ani: INTEGRITAS 1 (gap 2), TEK 1 (gap 2). Budi: INTEGRITAS 3, TEK 2 (gap 1).
 * Program TEK (gain 2, Rp 1.000.000, 24 JP): one seat. Program INTEGRITAS (gain 2, Rp 3.000.000): five seats.
 * Values: Ani–TEK 3×2 = 6, Budi–TEK 3×1 = 3, Ani–INTEGRITAS 2×2 = 4. With Rp 4.000.000 and the JP
 * bonus 0 the best plan is Ani in both (10); weighted gaps in scope 2×2 + 3×2 + 3×1 = 13.
 */
import { expect } from 'vitest';
import { type ApiResponse, api, type ResponseBody } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { followJob, jobAnswer } from '../../support/jobs';

/** A plan as `GET …/plans/{id}` answers it: a plan job's result. */
export type Plan = ResponseBody<'GET', `/api/v1/tenants/${string}/plans/${string}`>;

import { createOffering, createProgram, employees } from '../catalog/helpers';
import { assess, createTechnical, putStandards } from '../competencies/helpers';
import { orgIds } from '../employees/helpers';

export const year = 2099;

export async function planWorld(t?: TestTenant) {
  t ??= await createTenant();
  const ids = await orgIds(t);
  const tekCompetency = await createTechnical(t, 'TEK-SIMRS');
  const std = await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [
    { competency: 'INTEGRITAS', requiredLevel: 3, weight: 2 },
    { competency: 'TEK-SIMRS', requiredLevel: 3, weight: 3 },
  ]);
  expect(std.status, std.text).toBe(200);
  const [ani, budi] = (await employees(t, 2)) as [string, string];
  const levels: [string, string, number][] = [
    [ani, 'INTEGRITAS', 1],
    [ani, 'TEK-SIMRS', 1],
    [budi, 'INTEGRITAS', 3],
    [budi, 'TEK-SIMRS', 2],
  ];
  for (const [employeeId, competency, level] of levels) {
    const res = await assess(t, { employeeId, competency, level, source: 'assessment_center', date: '2026-02-01' });
    expect(res.status, res.text).toBe(201);
  }
  const tekProgram = await createProgram(t, {
    title: 'Pelatihan SIMRS',
    costPerParticipant: 1_000_000,
    targets: [{ competency: 'TEK-SIMRS', expectedGain: 2 }],
  });
  const intProgram = await createProgram(t, {
    title: 'Pelatihan Integritas',
    costPerParticipant: 3_000_000,
    targets: [{ competency: 'INTEGRITAS', expectedGain: 2 }],
  });
  const tek = await createOffering(t, tekProgram.id, { capacity: 1 });
  const integritas = await createOffering(t, intProgram.id, { capacity: 5 });
  return { t, ids, ani, budi, tek: tek.id, integritas: integritas.id, tekCompetencyId: tekCompetency.id };
}

/**
 * A plan is computed by a job (202): this follows it and answers the way the request did when it
 * computed in place — 201 with the draft (read back, with its ETag, and checked equal to the job's
 * result), or the job's problem. An answer other than 202 (a 400, 409 or 422 at once) is returned as it is.
 */
async function planAnswer(t: TestTenant, res: ApiResponse): Promise<ApiResponse<Plan>> {
  if (res.status !== 202) return { ...res, body: res.body as Plan };
  const job = await followJob<Plan>(res, t.adminToken);
  if (job.status !== 'succeeded' || !job.result) return jobAnswer(res, job, 201);
  const read = await api('GET', `/api/v1/tenants/${t.slug}/plans/${job.result.id}`, { token: t.adminToken });
  expect(read.body).toEqual(job.result);
  return { ...read, status: 201 };
}

export const createPlan = async (t: TestTenant, body: Record<string, unknown>) =>
  planAnswer(t, await api('POST', `/api/v1/tenants/${t.slug}/plans`, { token: t.adminToken, body: { year, ...body } }));

export const recompute = async (t: TestTenant, id: string, body: Record<string, unknown>) =>
  planAnswer(t, await api('POST', `/api/v1/tenants/${t.slug}/plans/${id}/recompute`, { token: t.adminToken, body }));

export const approve = (t: TestTenant, id: string, etag: string) =>
  api('POST', `/api/v1/tenants/${t.slug}/plans/${id}/approve`, { token: t.adminToken, headers: { 'if-match': etag } });

export async function linesOf(t: TestTenant, id: string) {
  const res = await api('GET', `/api/v1/tenants/${t.slug}/plans/${id}/lines?limit=500`, { token: t.adminToken });
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}
