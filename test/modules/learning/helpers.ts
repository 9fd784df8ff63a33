/** Learning records test data through the API: people with tokens, reports, decisions, ledger rows. */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { api } from '../../support/api';
import type { TestTenant } from '../../support/factories';
import { type Person, person } from '../mentoring/helpers';

export { type Person, person };

export const seminar = {
  title: 'Seminar Nasional Pelayanan Publik',
  method: 'seminar',
  organiser: 'Universitas Lampung',
  startDate: '2025-03-10',
  endDate: '2025-03-11',
  certificateNumber: 'UNILA/SEM/2025/0141',
  certificateDate: '2025-03-11',
};

export const report = (who: Person, body: Record<string, unknown>) =>
  api('POST', '/api/v1/me/learning-reports', { token: who.token, body });

export async function reported(who: Person, body: Record<string, unknown> = seminar) {
  const res = await report(who, body);
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export const approve = (t: TestTenant, id: string, headers: Record<string, string> = {}) =>
  api('POST', `/api/v1/tenants/${t.slug}/learning-reports/${id}/approve`, { token: t.adminToken, headers });

export const reject = (t: TestTenant, id: string, reason = 'Sertifikat tidak terbaca') =>
  api('POST', `/api/v1/tenants/${t.slug}/learning-reports/${id}/reject`, { token: t.adminToken, body: { reason } });

/** The ledger rows of a tenant, oldest first, as stored. */
export async function ledgerRows(tenantId: string) {
  const { results } = await env.DB.prepare(
    'select employee_id, source, method, jp_centi, year, reference, occurred_at from jp_entries where tenant_id = ? order by occurred_at, reference',
  )
    .bind(tenantId)
    .all();
  return results;
}

export const pdf = (text = 'bukti') => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`);
export const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const jpeg = () => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);

export const upload = (who: Person, id: string, bytes: Uint8Array, type: string, version = 1) =>
  api('PUT', `/api/v1/me/learning-reports/${id}/evidence`, {
    token: who.token,
    rawBody: bytes,
    headers: { 'content-type': type, 'if-match': `"v${version}"` },
  });
