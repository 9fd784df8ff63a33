/** Registry test data: valid NIPs by number, CSV files by rows, and the test tenant's unit and position ids. */

import type { components } from '../../../types/openapi';
import { type ApiResponse, api } from '../../support/api';
import type { TestTenant } from '../../support/factories';
import { type FinishedJob, followJob, jobAnswer } from '../../support/jobs';

type ImportReport = components['schemas']['EmployeeImport'];

/**
 * The i-th valid PNS NIP: birth 1970-01-01 plus one day per 999 numbers, appointment at 25,
 * sequence i % 999 + 1. Distinct for distinct i.
 */
export function pnsNip(i: number, gender: 1 | 2 = 1): string {
  const birth = new Date(Date.UTC(1970, 0, 1) + Math.floor(i / 999) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replaceAll('-', '');
  return `${ymd}${birth.getUTCFullYear() + 25}03${gender}${String((i % 999) + 1).padStart(3, '0')}`;
}

export interface Row {
  nip: string;
  name: string;
  unit_code?: string;
  position_code?: string;
  grade?: string;
  employment_type?: string;
  supervisor_nip?: string;
  email?: string;
}

const header = ['nip', 'name', 'unit_code', 'position_code', 'grade', 'employment_type', 'supervisor_nip', 'email'] as const;

/** A CSV file; fields with the delimiter, quotes or line breaks are quoted. */
export function csvOf(rows: Row[], options: { delimiter?: string; newline?: string } = {}): string {
  const d = options.delimiter ?? ',';
  const nl = options.newline ?? '\n';
  const cell = (v: string) => (v.includes(d) || /["\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const full = (r: Row): Record<string, string> => ({
    unit_code: 'DINKES',
    position_code: 'ANALIS-KEBIJAKAN',
    grade: 'III/a',
    employment_type: 'pns',
    supervisor_nip: '',
    email: '',
    ...r,
  });
  return [header.join(d), ...rows.map((r) => header.map((h) => cell(full(r)[h] ?? '')).join(d))].join(nl) + nl;
}

export const people = (count: number, from = 0): Row[] =>
  Array.from({ length: count }, (_, k) => ({ nip: pnsNip(from + k), name: `Pegawai ${String(from + k).padStart(5, '0')}` }));

/**
 * Posts a file to the import. A commit answers 202 with its job: this follows it and answers the
 * job's outcome the way the import did when it ran in the request — 200 with the report, or the
 * job's problem — with the headers and D1 cost of the request that started it, and the job.
 */
export async function importCsv(
  t: TestTenant,
  csv: string,
  mode: 'dry-run' | 'commit' = 'commit',
  token = t.adminToken,
): Promise<ApiResponse<ImportReport> & { job?: FinishedJob<ImportReport> }> {
  const res = await api('POST', `/api/v1/tenants/${t.slug}/employees/import?mode=${mode}`, {
    token,
    rawBody: csv,
    headers: { 'content-type': 'text/csv' },
  });
  if (res.status !== 202) return { ...res, body: res.body as ImportReport };
  return jobAnswer(res, await followJob<ImportReport>(res, token), 200);
}

export async function orgIds(t: TestTenant): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const what of ['units', 'positions'] as const) {
    const res = await api('GET', `/api/v1/tenants/${t.slug}/${what}?limit=500`, { token: t.adminToken });
    for (const item of res.body.items) ids[item.code] = item.id;
  }
  return ids;
}

let created = 0;

/** Registers one employee through the API; each call gets the next NIP unless `fields` names one. */
export async function createEmployee(t: TestTenant, fields: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const ids = await orgIds(t);
  return api('POST', `/api/v1/tenants/${t.slug}/employees`, {
    token: t.adminToken,
    headers,
    body: {
      nip: pnsNip(created++),
      name: 'Siti Rahayu, S.Kep., Ns.',
      unitId: ids.DINKES,
      positionId: ids['ANALIS-KEBIJAKAN'],
      grade: 'III/b',
      employmentType: 'pns',
      ...fields,
    },
  });
}
