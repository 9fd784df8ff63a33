/** Evaluation test data: IKM responses with chosen answer totals, indicators, through the API. */
import { expect } from 'vitest';
import { api, type Query } from '../../support/api';
import type { TestTenant } from '../../support/factories';

const ikmPath = (t: TestTenant) => `/api/v1/tenants/${t.slug}/surveys/ikm` as const;

export const recordIkm = (t: TestTenant, responses: unknown[], token = t.adminToken) =>
  api('POST', `${ikmPath(t)}/responses`, { token, body: { responses } });

export const ikmReport = (t: TestTenant, query: Query, token = t.adminToken) => api('GET', `${ikmPath(t)}${query}`, { token });

export const response = (unitId: string, answers: number[], period = '2026-S1', date = '2026-03-12') => ({ unitId, period, answers, date });

/**
 * `n` responses whose 9 × n answers add up to `total` (9n ≤ total ≤ 36n), spread as evenly as
 * possible: the report depends only on the sums, so this reaches any converted score there is.
 */
export function responsesWithTotal(unitId: string, n: number, total: number, period = '2026-S1', date = '2026-03-12') {
  const cells = 9 * n;
  const base = Math.floor(total / cells);
  let extra = total - base * cells;
  return Array.from({ length: n }, () =>
    response(
      unitId,
      Array.from({ length: 9 }, () => base + (extra-- > 0 ? 1 : 0)),
      period,
      date,
    ),
  );
}

export async function recorded(t: TestTenant, responses: unknown[]) {
  const res = await recordIkm(t, responses);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export async function createIndicator(t: TestTenant, body: Record<string, unknown>) {
  const res = await api('POST', `/api/v1/tenants/${t.slug}/indicators`, { token: t.adminToken, body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export const putValue = (t: TestTenant, id: string, period: string, value: number, token = t.adminToken) =>
  api('PUT', `/api/v1/tenants/${t.slug}/indicators/${id}/values/${period}`, { token, body: { value } });
