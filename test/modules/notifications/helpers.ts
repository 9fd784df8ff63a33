/** Notifications test data: people with e-mail addresses, the outbox and inbox rows as stored. */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { TenantContext } from '../../../src/platform/context';
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

/** A message as the sender passes it to the binding (mail.ts). */
type Outgoing = Parameters<SendEmail['send']>[0];
type Send = (message: Outgoing | EmailMessage) => Promise<EmailSendResult>;

/** The same context with another e-mail binding: one that fails, or one that waits before it sends. */
export const withSender = (ctx: TenantContext, send: Send): TenantContext => ({ ...ctx, env: { ...ctx.env, EMAIL: { send } } });

/** A sender that always fails, as a mail server refusing the message would. */
export const refusing: Send = async () => {
  throw new Error('550 5.2.2 Kotak surat penerima penuh');
};

/** A sender that holds every message until `release()`, then sends it with the real binding; `sending` settles when one is held. */
export function gated(ctx: TenantContext) {
  let release = () => {};
  const open = new Promise<void>((resolve) => {
    release = resolve;
  });
  let entered = () => {};
  const sending = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const real = ctx.env.EMAIL;
  if (!real) throw new Error('no EMAIL binding in the test environment');
  const send: Send = async (message) => {
    entered();
    await open;
    return 'subject' in message ? real.send(message) : real.send(message);
  };
  return { ctx: withSender(ctx, send), release, sending };
}

/** `minutes` after the instant `t0`. */
export const later = (t0: string, minutes: number) => new Date(Date.parse(t0) + minutes * 60_000).toISOString();

export async function auditRows(t: TestTenant, action: string) {
  const { results } = await env.DB.prepare('select actor, entity, entity_id from audit_log where tenant_id = ? and action = ?')
    .bind(t.id, action)
    .all<{ actor: string; entity: string; entity_id: string }>();
  return results;
}
