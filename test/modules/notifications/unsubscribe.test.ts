/**
 * The signed unsubscribe link: every message carries it in its text, its HTML and its
 * `List-Unsubscribe` header (with RFC 8058's one-click POST); GET shows a confirmation and changes
 * nothing, POST turns the kind off (the digest's link: every kind), and a forged or altered token is
 * a 400 that changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { processEvents, sendDue } from '../../../src/modules/notifications';
import { unsubscribeToken } from '../../../src/modules/notifications/unsubscribe';
import { api, expectProblem } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant } from '../../support/factories';
import { approve, reported, seminar } from '../learning/helpers';
import { mailOf, person, setPreference } from './helpers';

const modes = async (who: { token: string }) =>
  Object.fromEntries(
    (await api('GET', '/api/v1/me/notification-preferences', { token: who.token })).body.items.map((i) => [i.kind, i.email]),
  );

const linkOf = (text: string) => {
  const found = /https:\/\/bangkom\.local(\/api\/v1\/berhenti-langganan\?token=[A-Za-z0-9_.-]+)/.exec(text);
  if (!found?.[1]) throw new Error(`no unsubscribe link in: ${text}`);
  return found[1] as `/api/v1/berhenti-langganan?token=${string}`;
};

describe('the unsubscribe link', () => {
  it('is in every message; GET confirms without a change, POST turns the kind off, and no further e-mail of it goes out', async () => {
    const t = await createTenant();
    const me = await person(t);
    expect((await approve(t, (await reported(me)).id)).status).toBe(200);
    const ctx = await contextFor(t);
    const now = '2026-03-02T03:00:00.000Z';
    await processEvents(ctx, { now });
    expect((await sendDue(ctx, now)).sent).toBe(1);
    const [mail] = await mailOf(t);
    if (!mail) throw new Error('a message expected');
    const path = linkOf(mail.text);
    expect(mail.html).toContain(`href="https://bangkom.local${path}"`);
    expect(mail.headers).toEqual({
      'List-Unsubscribe': `<https://bangkom.local${path}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });

    const page = await api('GET', path);
    expect(page.status, page.text).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('Laporan pengembangan kompetensi disetujui');
    expect(page.text).toContain('method="post"');
    expect((await modes(me))['learning_report.approved']).toBe('segera');

    // Forged: another person's id under this signature, a changed signature, garbage.
    const [payload, signature] = path.split('token=')[1]?.split('.') ?? [];
    const other = await person(t);
    const swapped = unsubscribeToken({ AUTH_SIGNING_KEYS: 'not the secret' }, { tenant: t.slug, employeeId: other.id, kind: 'semua' });
    const forged = [
      `${btoa(`v1|${t.slug}|${other.id}|learning_report.approved`).replace(/=+$/, '')}.${signature}`,
      `${payload}.${signature?.slice(0, -2)}AA`,
      swapped,
      'bukan-token',
    ];
    for (const token of forged) {
      expectProblem(await api('POST', `/api/v1/berhenti-langganan?token=${token}`), 400);
      expectProblem(await api('GET', `/api/v1/berhenti-langganan?token=${token}`), 400);
    }
    expect(Object.values(await modes(other)).every((m) => m === 'segera')).toBe(true);

    const oneClick = await api('POST', path, {
      rawBody: new TextEncoder().encode('List-Unsubscribe=One-Click'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status, oneClick.text).toBe(200);
    expect(oneClick.text).toContain('Anda telah berhenti berlangganan');
    expect((await api('POST', path)).status).toBe(200);
    const after = await modes(me);
    expect(after['learning_report.approved']).toBe('tidak');
    expect(after['learning_report.rejected']).toBe('segera');

    expect((await approve(t, (await reported(me, { ...seminar, title: 'Seminar Kedua' })).id)).status).toBe(200);
    await processEvents(ctx, { now });
    expect((await sendDue(ctx, now)).sent).toBe(0);
    expect(await mailOf(t)).toHaveLength(1);
  });

  it('in the daily digest turns every kind off', async () => {
    const t = await createTenant();
    const me = await person(t);
    await setPreference(t, me.id, 'learning_report.approved', 'harian');
    expect((await approve(t, (await reported(me)).id)).status).toBe(200);
    const ctx = await contextFor(t);
    await processEvents(ctx, { now: '2026-03-02T01:00:00.000Z' });
    expect((await sendDue(ctx, '2026-03-03T00:00:00.000Z')).sent).toBe(1);
    const [digest] = await mailOf(t);
    if (!digest) throw new Error('a digest expected');
    const path = linkOf(digest.text);
    expect((await api('GET', path)).text).toContain('semua e-mail pemberitahuan');
    expect((await api('POST', path)).status).toBe(200);
    expect(Object.values(await modes(me)).every((m) => m === 'tidak')).toBe(true);
  });
});
