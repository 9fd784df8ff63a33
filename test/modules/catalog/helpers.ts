/** Catalog test data through the API: providers, programs, offerings, people and enrollments. */
import { expect } from 'vitest';
import { api } from '../../support/api';
import type { TestTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';
import { createEmployee } from '../employees/helpers';

let codes = 0;
export const programCode = (prefix = 'PRG') =>
  `${prefix}-${(codes++).toString(36).toUpperCase()}-${crypto.randomUUID().slice(0, 4).toUpperCase()}`;

export async function createProvider(t: TestTenant, name = `Universitas Lampung ${codes++}`, kind = 'university') {
  const res = await api('POST', `/api/v1/tenants/${t.slug}/providers`, { token: t.adminToken, body: { name, kind } });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export const programBody = (overrides: Record<string, unknown> = {}) => ({
  code: programCode(),
  title: 'Bimbingan Teknis Pelayanan Publik',
  description: 'Bimtek peningkatan kualitas pelayanan publik di OPD',
  method: 'bimbingan_teknis',
  jp: 24,
  costPerParticipant: 2_500_000,
  targets: [{ competency: 'PELAYANAN-PUBLIK', expectedGain: 1 }],
  ...overrides,
});

export async function createProgram(t: TestTenant, overrides: Record<string, unknown> = {}) {
  const res = await api('POST', `/api/v1/tenants/${t.slug}/programs`, { token: t.adminToken, body: programBody(overrides) });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export async function createOffering(t: TestTenant, programId: string, overrides: Record<string, unknown> = {}) {
  const res = await api('POST', `/api/v1/tenants/${t.slug}/offerings`, {
    token: t.adminToken,
    body: { programId, startDate: '2099-03-02', endDate: '2099-03-06', capacity: 20, location: 'Aula BKPSDM, Kalianda', ...overrides },
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export async function employees(t: TestTenant, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await createEmployee(t);
    expect(res.status, res.text).toBe(201);
    ids.push(res.body.id);
  }
  return ids;
}

export const employeeToken = (t: TestTenant, employeeId: string) =>
  tokenFor('employee', { tenant: t.slug, employeeId, sub: `emp-${employeeId}` });

export const enroll = (t: TestTenant, offeringId: string, employeeIds: string[]) =>
  api('POST', `/api/v1/tenants/${t.slug}/offerings/${offeringId}/enrollments`, { token: t.adminToken, body: { employeeIds } });

export async function queue(t: TestTenant, offeringId: string) {
  const res = await api('GET', `/api/v1/tenants/${t.slug}/offerings/${offeringId}/enrollments?limit=500`, { token: t.adminToken });
  expect(res.status, res.text).toBe(200);
  return res.body.items;
}
