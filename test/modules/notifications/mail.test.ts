/**
 * E-mail: one message per notification even when the sender runs twice or concurrently; the
 * person's preference per kind (none, at once, the daily digest) is respected and the digest
 * groups a person's notifications into one message; a person without an address is recorded as
 * skipped. Messages are read from
 * R2, where the local binding's copy is written (EMAIL_CAPTURE).
 */
import { describe, expect, it } from 'vitest';
import { processEvents, sendDue } from '../../../src/modules/notifications';
import { contextFor } from '../../support/context';
import { createTenant } from '../../support/factories';
import { approve, reject, reported, seminar } from '../learning/helpers';
import { deliveries, mailOf, person, setPreference } from './helpers';

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
});
