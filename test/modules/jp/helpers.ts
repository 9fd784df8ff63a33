/** JP test data: credits and ledgers through the API. */
import { expect } from 'vitest';
import { api } from '../../support/api';
import type { TestTenant } from '../../support/factories';

export const credit = (t: TestTenant, body: Record<string, unknown>, token = t.adminToken) =>
  api('POST', `/api/v1/tenants/${t.slug}/jp`, { token, body });

/** Credits and expects 201. */
export async function credited(t: TestTenant, employeeId: string, jp: number, occurredAt: string, extra: Record<string, unknown> = {}) {
  const res = await credit(t, { employeeId, jp, source: 'program', occurredAt, ...extra });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export const ledger = (t: TestTenant, employeeId: string, year?: number, token = t.adminToken) =>
  api('GET', `/api/v1/tenants/${t.slug}/employees/${employeeId}/jp${year ? (`?year=${year}` as const) : ''}`, { token });
