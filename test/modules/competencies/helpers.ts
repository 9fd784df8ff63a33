/** Competency test data: technical competencies, standards and assessments through the API. */
import { expect } from 'vitest';
import { api } from '../../support/api';
import type { TestTenant } from '../../support/factories';

export const levels = ['Dasar', 'Cakap', 'Mahir', 'Ahli', 'Pakar'].map((l) => `Tingkat ${l}: uraian perilaku`);

export async function createTechnical(t: TestTenant, code: string, name = `Kompetensi ${code}`) {
  const res = await api('POST', `/api/v1/tenants/${t.slug}/competencies`, {
    token: t.adminToken,
    body: { code, name, description: 'Kompetensi teknis bidang kesehatan', levels },
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export async function putStandards(t: TestTenant, positionId: string, standards: unknown[], etag?: string) {
  const current =
    etag ??
    (await api('GET', `/api/v1/tenants/${t.slug}/positions/${positionId}/standards`, { token: t.adminToken })).headers.get('etag') ??
    '';
  return api('PUT', `/api/v1/tenants/${t.slug}/positions/${positionId}/standards`, {
    token: t.adminToken,
    headers: { 'if-match': current },
    body: { standards },
  });
}

export const assess = (t: TestTenant, body: Record<string, unknown>, token = t.adminToken) =>
  api('POST', `/api/v1/tenants/${t.slug}/assessments`, { token, body });
