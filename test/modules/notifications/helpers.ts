/** Notifications test data: people with e-mail addresses, the outbox and inbox rows as stored. */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import { api } from '../../support/api';
import type { TestTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';
import { createEmployee, orgIds } from '../employees/helpers';

export interface Person {
  id: string;
  token: string;
  email: string | null;
}

let counter = 0;

/** An employee of `t` with an e-mail address (unless `email: null`). */
export async function person(t: TestTenant, fields: { supervisorId?: string; email?: string | null } = {}): Promise<Person> {
  const ids = await orgIds(t);
  const email = fields.email === undefined ? `pegawai${++counter}.${t.slug}@example.go.id` : fields.email;
  const res = await createEmployee(t, {
    unitId: ids.DINKES,
    ...(fields.supervisorId ? { supervisorId: fields.supervisorId } : {}),
    ...(email ? { email } : {}),
  });
  expect(res.status, res.text).toBe(201);
  const id = res.body.id;
  return { id, email, token: await tokenFor('employee', { tenant: t.slug, employeeId: id }) };
}

export async function outboxRows(tenantId: string) {
  const { results } = await env.DB.prepare(
    'select kind, employee_id, link, data, dedupe_key, processed_at from notification_events where tenant_id = ? order by created_at, id',
  )
    .bind(tenantId)
    .all<{ kind: string; employee_id: string; link: string; data: string; dedupe_key: string; processed_at: string | null }>();
  return results;
}

export async function inboxRows(tenantId: string) {
  const { results } = await env.DB.prepare('select id, event_id, employee_id, kind from notifications where tenant_id = ? order by id')
    .bind(tenantId)
    .all<{ id: string; event_id: string; employee_id: string; kind: string }>();
  return results;
}

export const inbox = (who: { token: string }, query: `?${string}` | '' = '') =>
  api('GET', `/api/v1/me/notifications${query}`, { token: who.token });

export const unread = async (who: { token: string }) => {
  const res = await api('GET', '/api/v1/me/notifications/unread-count', { token: who.token });
  expect(res.status, res.text).toBe(200);
  return res.body.unread;
};

export interface Mail {
  to: string;
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
}

export async function mailOf(t: TestTenant): Promise<Mail[]> {
  const listed = await env.FILES.list({ prefix: `mail/${t.id}/` });
  return Promise.all(listed.objects.map(async (o) => (await (await env.FILES.get(o.key))?.json()) as Mail));
}

export async function deliveries(t: TestTenant) {
  const { results } = await env.DB.prepare(
    'select employee_id, mode, status, attempts, last_error, next_attempt_at from notification_deliveries where tenant_id = ?',
  )
    .bind(t.id)
    .all<{ employee_id: string; mode: string; status: string; attempts: number; last_error: string | null; next_attempt_at: string }>();
  return results;
}

export async function setPreference(t: TestTenant, employeeId: string, kind: string, email: string) {
  await env.DB.prepare('insert into notification_preferences (tenant_id, employee_id, kind, email, updated_at) values (?, ?, ?, ?, ?)')
    .bind(t.id, employeeId, kind, email, '2026-01-01T00:00:00.000Z')
    .run();
}
