/**
 * The admin's delivery status and resend: every message with its recipient, kind, status,
 * attempts and last error, by status and paged; a failed message resent is delivered once; two
 * resends at once send one message (the second finds it being sent: 409), as do two requests with
 * one Idempotency-Key; only a failed or sent message is resent; the resend is audited; another
 * region's delivery is a 404 and an employee is refused (403).
 */
import { describe, expect, it } from 'vitest';
import { processEvents, sendDue } from '../../../src/modules/notifications';
import { resendDelivery } from '../../../src/modules/notifications/deliveries';
import { api, expectProblem } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant, type TestTenant } from '../../support/factories';
import { approve, reject, reported, seminar } from '../learning/helpers';
import { auditRows, gated, later, mailOf, type Person, person, refusing, withSender } from './helpers';

const t0 = '2026-03-02T03:00:00.000Z';
/** The instants of the five attempts: at once, then after 5, 10, 20 and 40 minutes. */
const attempts = [0, 5, 15, 35, 75].map((m) => later(t0, m));

const list = (t: TestTenant, query: `?${string}` | '' = '', token = t.adminToken) =>
  api('GET', `/api/v1/tenants/${t.slug}/notifications/deliveries${query}`, { token });
const resend = (t: TestTenant, id: string, headers: Record<string, string> = {}, token = t.adminToken) =>
  api('POST', `/api/v1/tenants/${t.slug}/notifications/deliveries/${id}/resend`, { token, headers });

/** A region where one approval's message was sent, one failed after its last attempt, one was skipped (no address). */
async function region() {
  const t = await createTenant();
  const sent = await person(t);
  const failing = await person(t);
  const unreachable = await person(t, { email: null });
  const ctx = await contextFor(t);
  expect((await approve(t, (await reported(failing)).id)).status).toBe(200);
  await processEvents(ctx, { now: t0 });
  for (const at of attempts) await sendDue(withSender(ctx, refusing), at);
  expect((await approve(t, (await reported(sent)).id)).status).toBe(200);
  expect((await reject(t, (await reported(unreachable, { ...seminar, title: 'Seminar Tanpa Alamat' })).id)).status).toBe(200);
  const t1 = later(t0, 120);
  await processEvents(ctx, { now: t1 });
  expect(await sendDue(ctx, t1)).toEqual({ sent: 1, failed: 0 });
  return { t, ctx, sent, failing, unreachable };
}

async function deliveryOf(t: TestTenant, who: Person) {
  const res = await list(t, `?employee=${who.id}`);
  expect(res.status, res.text).toBe(200);
  const [one] = res.body.items;
  if (!one) throw new Error(`no delivery for ${who.id}`);
  return one;
}

describe('notification deliveries for the admin', () => {
  it('lists every message with its status, attempts and last error, by status, newest first and paged', async () => {
    const { t, sent, failing, unreachable } = await region();
    const all = await list(t);
    expect(all.status, all.text).toBe(200);
    expect(all.body.items.map((d) => [d.recipient.employeeId, d.status])).toEqual([
      [unreachable.id, 'dilewati'],
      [sent.id, 'terkirim'],
      [failing.id, 'gagal'],
    ]);
    const failed = all.body.items[2];
    expect(failed).toMatchObject({
      kind: 'learning_report.approved',
      title: `Laporan pengembangan kompetensi disetujui: ${seminar.title}`,
      channel: 'email',
      mode: 'segera',
      attempts: 5,
      lastError: '550 5.2.2 Kotak surat penerima penuh',
      sentAt: null,
      recipient: { employeeId: failing.id, email: failing.email },
    });
    expect(all.body.items[1]).toMatchObject({ status: 'terkirim', attempts: 0, lastError: null, recipient: { email: sent.email } });
    expect(all.body.items[0]).toMatchObject({ kind: 'learning_report.rejected', lastError: 'Tidak ada alamat e-mail pegawai.' });
    const gagal = await list(t, '?status=gagal');
    expect(gagal.body.items.map((d) => d.recipient.employeeId)).toEqual([failing.id]);
    expect((await list(t, '?status=menunggu')).body.items).toEqual([]);
    const first = await list(t, '?limit=2');
    expect(first.body.items).toEqual(all.body.items.slice(0, 2));
    const second = await list(t, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toEqual({ items: all.body.items.slice(2), nextCursor: null });
    expectProblem(await list(t, '?status=kirim'), 400);
  });

  it('resends a failed message once, audited; a replay with the same Idempotency-Key sends nothing more', async () => {
    const { t, failing } = await region();
    const before = (await mailOf(t)).length;
    const row = await deliveryOf(t, failing);
    const key = { 'idempotency-key': 'resend-1' };
    const res = await resend(t, row.id, key);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: row.id, status: 'terkirim', attempts: 0, lastError: null, recipient: { email: failing.email } });
    expect(res.body.sentAt).not.toBeNull();
    const replay = await resend(t, row.id, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(res.body);
    const mail = (await mailOf(t)).filter((m) => m.to === failing.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe(`Laporan pengembangan kompetensi disetujui: ${seminar.title}`);
    expect((await mailOf(t)).length).toBe(before + 1);
    expect(await auditRows(t, 'notification_delivery.resend')).toEqual([
      { actor: `admin@${t.slug}`, entity: 'notification_delivery', entity_id: row.id },
    ]);
    // Sent now, it is not sent again by the scheduled run.
    expect(await sendDue(await contextFor(t), later(t0, 24 * 60))).toEqual({ sent: 0, failed: 0 });
  });

  it('sends one message for two resends at once: the one that finds it being sent is a 409', async () => {
    const { t, ctx, sent } = await region();
    const row = await deliveryOf(t, sent);
    const before = (await mailOf(t)).length;
    const held = gated(ctx);
    const first = resendDelivery({ ctx: held.ctx, input: row.id });
    await held.sending;
    const during = await resend(t, row.id);
    expect(expectProblem(during, 409).detail).toMatch(/being sent/);
    expect((await deliveryOf(t, sent)).status).toBe('mengirim');
    held.release();
    expect(await first).toMatchObject({ id: row.id, status: 'terkirim' });
    expect((await mailOf(t)).length).toBe(before + 1);
    expect(await auditRows(t, 'notification_delivery.resend')).toHaveLength(1);
    // Two requests with one key at once: one runs, the other is refused or replayed; one message.
    const key = { 'idempotency-key': 'resend-together' };
    const both = await Promise.all([resend(t, row.id, key), resend(t, row.id, key)]);
    expect(both.map((r) => r.status).sort()).toContain(200);
    for (const r of both) expect([200, 409]).toContain(r.status);
    expect((await mailOf(t)).length).toBe(before + 2);
  });

  it('keeps a failed resend for the retries, and refuses a message that waits or was skipped', async () => {
    const { t, ctx, failing, unreachable } = await region();
    const row = await deliveryOf(t, failing);
    const again = await resendDelivery({ ctx: withSender(ctx, refusing), input: row.id });
    expect(again).toMatchObject({ status: 'menunggu', attempts: 1, lastError: '550 5.2.2 Kotak surat penerima penuh' });
    expect(expectProblem(await resend(t, row.id), 409).detail).toMatch(/failed or sent/);
    expect(expectProblem(await resend(t, (await deliveryOf(t, unreachable)).id), 409).detail).toMatch(/failed or sent/);
    expect(await sendDue(ctx, again.nextAttemptAt)).toEqual({ sent: 1, failed: 0 });
    expect((await deliveryOf(t, failing)).status).toBe('terkirim');
    expect((await mailOf(t)).filter((m) => m.to === failing.email)).toHaveLength(1);
  });

  it("answers 404 for another region's delivery or an unknown one, and 403 to an employee", async () => {
    const { t, failing } = await region();
    const other = await createTenant();
    const row = await deliveryOf(t, failing);
    expectProblem(await resend(other, row.id), 404);
    expect((await list(other)).body.items).toEqual([]);
    expectProblem(await resend(t, 'dlv_tidakada'), 404);
    expectProblem(await list(t, '', failing.token), 403);
    expectProblem(await resend(t, row.id, {}, failing.token), 403);
    expectProblem(await list(t, '', t.nationalToken), 403);
    expect((await deliveryOf(t, failing)).status).toBe('gagal');
  });
});
