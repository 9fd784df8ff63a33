/**
 * E-mail: one message per notification even when the sender runs twice or concurrently; the
 * person's preference per kind (none, at once, the daily digest) is respected and the digest
 * groups a person's notifications into one message; a person without an address is recorded as
 * skipped; a failing send is retried with backoff (5, 10, 20, 40 minutes, on the run's clock) and
 * ends `gagal` after the fifth attempt; two scheduled runs at once send each message once. Messages are read from
 * R2, where the local binding's copy is written (EMAIL_CAPTURE).
 */
import { describe, expect, it } from 'vitest';
import { processEvents, sendDue } from '../../../src/modules/notifications';
import { contextFor } from '../../support/context';
import { createTenant } from '../../support/factories';
import { approve, reject, reported, seminar } from '../learning/helpers';
import { runScheduled } from '../national/helpers';
import { deliveries, later, mailOf, person, refusing, setPreference, withSender } from './helpers';

describe('notification e-mail', () => {
  it('sends one message per notification, in Indonesian with a plain-text part, however often the sender runs', async () => {
    const t = await createTenant();
    const me = await person(t);
    const r = await reported(me);
    expect((await approve(t, r.id)).status).toBe(200);
    const ctx = await contextFor(t);
    const now = '2026-03-02T03:00:00.000Z';
    await processEvents(ctx, { now });
    await processEvents(ctx, { now });
    const runs = await Promise.all([sendDue(ctx, now), sendDue(ctx, now), sendDue(ctx, now)]);
    expect(runs.reduce((n, x) => n + x.sent, 0)).toBe(1);
    expect((await sendDue(ctx, '2026-03-03T03:00:00.000Z')).sent).toBe(0);
    const mail = await mailOf(t);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: me.email, subject: `Laporan pengembangan kompetensi disetujui: ${seminar.title}` });
    expect(mail[0]?.text).toContain(`https://bangkom.local/laporan/${r.id}`);
    expect(mail[0]?.text).toContain('JP yang diakui: 8');
    // The footer leads to the preferences' section of Akun.
    expect(mail[0]?.text).toContain('Atur e-mail pemberitahuan: https://bangkom.local/akun#notifikasi');
    expect(mail[0]?.html).toContain(`href="https://bangkom.local/laporan/${r.id}"`);
    expect(await deliveries(t)).toEqual([expect.objectContaining({ status: 'terkirim', mode: 'segera', attempts: 0 })]);
  });

  it('respects preferences: nothing for "tidak", one digest for "harian" at 07:00 on the tenant clock, skipped without an address', async () => {
    const t = await createTenant();
    const quiet = await person(t);
    const daily = await person(t);
    const unreachable = await person(t, { email: null });
    await setPreference(t, quiet.id, 'learning_report.approved', 'tidak');
    await setPreference(t, daily.id, 'learning_report.approved', 'harian');
    await setPreference(t, daily.id, 'learning_report.rejected', 'harian');
    for (const who of [quiet, daily, unreachable]) expect((await approve(t, (await reported(who)).id)).status).toBe(200);
    expect((await reject(t, (await reported(daily, { ...seminar, title: 'Seminar Kedua' })).id)).status).toBe(200);
    const ctx = await contextFor(t);
    // 2026-03-02 08:00 WIB: the digest waits for 07:00 WIB the next day (00:00 UTC).
    await processEvents(ctx, { now: '2026-03-02T01:00:00.000Z' });
    expect((await sendDue(ctx, '2026-03-02T01:00:00.000Z')).sent).toBe(0);
    expect((await sendDue(ctx, '2026-03-02T23:59:00.000Z')).sent).toBe(0);
    expect(await sendDue(ctx, '2026-03-03T00:00:00.000Z')).toEqual({ sent: 1, failed: 0 });
    const mail = await mailOf(t);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: daily.email, subject: 'Ringkasan harian Bangkom: 2 pemberitahuan' });
    expect(mail[0]?.text).toContain('Seminar Kedua');
    const rows = await deliveries(t);
    expect(rows.filter((x) => x.employee_id === quiet.id)).toEqual([]);
    expect(rows.filter((x) => x.employee_id === daily.id).map((x) => x.status)).toEqual(['terkirim', 'terkirim']);
    expect(rows.filter((x) => x.employee_id === unreachable.id)).toEqual([
      expect.objectContaining({ status: 'dilewati', last_error: 'Tidak ada alamat e-mail pegawai.' }),
    ]);
    // The inbox has all of them whatever the e-mail preference.
    expect((await contextFor(t)) && (await processEvents(ctx))).toBe(0);
  });

  it('retries a failing send with backoff on the run clock and gives up as gagal after the fifth attempt', async () => {
    const t = await createTenant();
    const me = await person(t);
    expect((await approve(t, (await reported(me)).id)).status).toBe(200);
    const ctx = await contextFor(t);
    const failing = withSender(ctx, refusing);
    const t0 = '2026-03-02T03:00:00.000Z';
    await processEvents(ctx, { now: t0 });
    // Attempt n fails at `at`; the next is due `wait` minutes later, and not a moment before.
    const schedule = [
      { at: 0, wait: 5 },
      { at: 5, wait: 10 },
      { at: 15, wait: 20 },
      { at: 35, wait: 40 },
    ];
    for (const [i, step] of schedule.entries()) {
      expect(await sendDue(failing, later(t0, step.at))).toEqual({ sent: 0, failed: 1 });
      const next = later(t0, step.at + step.wait);
      expect(await deliveries(t)).toEqual([
        expect.objectContaining({
          status: 'menunggu',
          attempts: i + 1,
          next_attempt_at: next,
          last_error: '550 5.2.2 Kotak surat penerima penuh',
        }),
      ]);
      expect(await sendDue(failing, new Date(Date.parse(next) - 1).toISOString())).toEqual({ sent: 0, failed: 0 });
    }
    expect(await sendDue(failing, later(t0, 75))).toEqual({ sent: 0, failed: 1 });
    expect(await deliveries(t)).toEqual([expect.objectContaining({ status: 'gagal', attempts: 5 })]);
    // Given up: not tried again, even by a sender that works.
    expect(await sendDue(ctx, later(t0, 24 * 60))).toEqual({ sent: 0, failed: 0 });
    expect(await mailOf(t)).toEqual([]);
  });

  it('sends each message once when two scheduled runs overlap', async () => {
    const t = await createTenant();
    const people = [await person(t), await person(t), await person(t)];
    const daily = people[2] as (typeof people)[number];
    await setPreference(t, daily.id, 'learning_report.approved', 'harian');
    for (const who of people) expect((await approve(t, (await reported(who)).id)).status).toBe(200);
    // 10:23 WIB, then the digest's run at 07:23 WIB the next day: each run twice, at once.
    const first = Date.parse('2026-03-02T03:23:00.000Z');
    await Promise.all([runScheduled(first), runScheduled(first)]);
    const digestRun = Date.parse('2026-03-03T00:23:00.000Z');
    await Promise.all([runScheduled(digestRun), runScheduled(digestRun)]);
    await runScheduled(Date.parse('2026-03-03T01:23:00.000Z'));
    const mail = await mailOf(t);
    expect(mail.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
    expect(mail.find((m) => m.to === daily.email)?.subject).toBe('Ringkasan harian Bangkom: 1 pemberitahuan');
    expect((await deliveries(t)).map((d) => d.status)).toEqual(['terkirim', 'terkirim', 'terkirim']);
  });
});
