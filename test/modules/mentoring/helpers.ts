/** Mentoring test data through the API: people with tokens, mentor profiles, pairings and steps. */
import { expect } from 'vitest';
import { api } from '../../support/api';
import type { TestTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';
import { createEmployee, orgIds } from '../employees/helpers';

export interface Person {
  id: string;
  token: string;
}

/** An employee (unit code default DINKES) with an employee token of their own. */
export async function person(t: TestTenant, fields: { unit?: string; supervisorId?: string; name?: string } = {}): Promise<Person> {
  const ids = await orgIds(t);
  const res = await createEmployee(t, {
    unitId: ids[fields.unit ?? 'DINKES'],
    ...(fields.supervisorId ? { supervisorId: fields.supervisorId } : {}),
    ...(fields.name ? { name: fields.name } : {}),
  });
  expect(res.status, res.text).toBe(201);
  const id = res.body.id;
  return { id, token: await tokenFor('employee', { tenant: t.slug, employeeId: id }) };
}

export async function mentorProfile(t: TestTenant, employeeId: string, body: Record<string, unknown> = {}) {
  const res = await api('POST', `/api/v1/tenants/${t.slug}/mentors`, { token: t.adminToken, body: { employeeId, ...body } });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export const propose = (t: TestTenant, body: Record<string, unknown>, token = t.adminToken) =>
  api('POST', `/api/v1/tenants/${t.slug}/pairings`, { token, body: { kind: 'mentoring', ...body } });

export async function proposed(t: TestTenant, mentorId: string, menteeId: string, extra: Record<string, unknown> = {}) {
  const res = await propose(t, { mentorId, menteeId, ...extra });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export type Step = 'accept' | 'decline' | 'end';

export const step = (t: TestTenant, pairingId: string, what: Step, token: string, body?: Record<string, unknown>) =>
  api('POST', `/api/v1/tenants/${t.slug}/pairings/${pairingId}/${what}`, {
    token,
    ...(body ? { body } : what === 'decline' ? { body: { reason: 'Jadwal saya penuh' } } : {}),
  });

export const end = (t: TestTenant, pairingId: string, token: string, outcome: 'completed' | 'cancelled', reason = 'Tujuan tercapai') =>
  step(t, pairingId, 'end', token, { outcome, reason });

export async function active(t: TestTenant, mentor: Person, menteeId: string, extra: Record<string, unknown> = {}) {
  const p = await proposed(t, mentor.id, menteeId, extra);
  const res = await step(t, p.id, 'accept', mentor.token);
  expect(res.status, res.text).toBe(200);
  return p.id;
}

export const session = (t: TestTenant, pairingId: string, token: string, body: Record<string, unknown>) =>
  api('POST', `/api/v1/tenants/${t.slug}/pairings/${pairingId}/sessions`, { token, body: { date: '2026-03-10', ...body } });

export const confirm = (t: TestTenant, pairingId: string, sessionId: string, token: string) =>
  api('POST', `/api/v1/tenants/${t.slug}/pairings/${pairingId}/sessions/${sessionId}/confirm`, { token });

/** A session recorded with `recorderToken` and confirmed with `confirmerToken` (the other member, or the admin). */
export async function confirmedSession(
  t: TestTenant,
  pairingId: string,
  recorderToken: string,
  confirmerToken: string,
  body: Record<string, unknown>,
) {
  const recorded = await session(t, pairingId, recorderToken, body);
  expect(recorded.status, recorded.text).toBe(201);
  const confirmed = await confirm(t, pairingId, recorded.body.id, confirmerToken);
  expect(confirmed.status, confirmed.text).toBe(200);
  expect(confirmed.body.status).toBe('confirmed');
  return confirmed.body as { id: string; minutes: number };
}
