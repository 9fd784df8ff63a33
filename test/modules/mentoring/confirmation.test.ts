/**
 * A pairing's JP needs both members to stand behind its sessions: a session is unconfirmed until
 * the member who did not record it (or the admin) confirms it, only confirmed minutes earn JP at
 * completion, a session is at most 8 hours and not after today. One member alone — the mentee
 * logging whole days and completing — earns nothing.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../src/platform/calendar';
import { type ApiResponse, api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { race } from '../../support/races';
import { active, confirm, confirmedSession, end, mentorProfile, person, session } from './helpers';

const sessions = (slug: string, pairingId: string, token: string) =>
  api('GET', `/api/v1/tenants/${slug}/pairings/${pairingId}/sessions`, { token });

async function pairingOf() {
  const t = await createTenant();
  const [mentor, mentee, stranger] = [await person(t), await person(t), await person(t)];
  await mentorProfile(t, mentor.id);
  const id = await active(t, mentor, mentee.id);
  return { t, mentor, mentee, stranger, id };
}

const jpEntries = (tenantId: string) =>
  env.DB.prepare('select employee_id, jp_centi, reference from jp_entries where tenant_id = ?').bind(tenantId).all();

describe('a mentee alone cannot earn JP', () => {
  it('long sessions logged and completed by the mentee alone credit nothing; over 8 hours is refused', async () => {
    const { t, mentee, id } = await pairingOf();
    // Before: up to 1,440 minutes a session, every minute counted → 20 JP for the mentee alone.
    expectProblem(await session(t, id, mentee.token, { minutes: 1440 }), 400);
    expectProblem(await session(t, id, mentee.token, { minutes: 481 }), 400);
    for (let i = 0; i < 3; i++) expect((await session(t, id, mentee.token, { minutes: 480 })).status).toBe(201);
    const done = await end(t, id, mentee.token, 'completed');
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', jp: 0 });
    expect((await jpEntries(t.id)).results).toEqual([]);
    // Unconfirmed sessions stay unconfirmed: the pairing is over, nothing can be confirmed into JP now.
    const list = await sessions(t.slug, id, t.adminToken);
    expect(list.body.items.map((s) => s.status)).toEqual(['unconfirmed', 'unconfirmed', 'unconfirmed']);
    expectProblem(await confirm(t, id, list.body.items[0]?.id ?? '', t.adminToken), 409);
  });

  it('refuses a session dated after today on the tenant clock, and writes nothing', async () => {
    const { t, mentor, id } = await pairingOf();
    const tomorrow = addDays(todayIn({ timeZone: 'Asia/Jakarta' }), 1);
    const res = await session(t, id, mentor.token, { minutes: 60, date: tomorrow });
    expect(expectProblem(res, 422).errors).toEqual([
      { path: 'body.date', message: expect.stringMatching(/^after today \(\d{4}-\d{2}-\d{2}\)$/) },
    ]);
    expect((await sessions(t.slug, id, mentor.token)).body.items).toEqual([]);
    const today = todayIn({ timeZone: 'Asia/Jakarta' });
    expect((await session(t, id, mentor.token, { minutes: 60, date: today })).status).toBe(201);
  });
});

describe('confirming a session', () => {
  it('is for the other member or the admin; the recorder, a stranger and the national admin are refused', async () => {
    const { t, mentor, mentee, stranger, id } = await pairingOf();
    const recorded = await session(t, id, mentee.token, { minutes: 90, notes: 'Membahas telaahan staf' });
    expect(recorded.body).toMatchObject({ status: 'unconfirmed', recorderId: mentee.id, confirmedBy: null, confirmedAt: null });
    const sid = recorded.body.id as string;
    expectProblem(await confirm(t, id, sid, mentee.token), 403);
    expectProblem(await confirm(t, id, sid, stranger.token), 404);
    expectProblem(await confirm(t, id, sid, t.nationalToken), 403);
    expectProblem(await confirm(t, id, 'mss_tidak_ada', mentor.token), 404);
    const confirmed = await confirm(t, id, sid, mentor.token);
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.body).toMatchObject({ id: sid, status: 'confirmed', recorderId: mentee.id, minutes: 90 });
    expect(confirmed.body.confirmedAt).toBeTruthy();
    // Again: answered as it is, written once.
    const again = await confirm(t, id, sid, t.adminToken);
    expect(again.status).toBe(200);
    expect(again.body.confirmedAt).toBe(confirmed.body.confirmedAt);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?limit=100`, { token: t.adminToken });
    expect(audit.body.items.filter((a: { action: string }) => a.action === 'session.confirm')).toHaveLength(1);
    // The admin confirms the mentor's session.
    const byMentor = await session(t, id, mentor.token, { minutes: 30 });
    expect((await confirm(t, id, byMentor.body.id, t.adminToken)).body.status).toBe('confirmed');
    expect((await sessions(t.slug, id, mentee.token)).body.items.map((s) => s.status)).toEqual(['confirmed', 'confirmed']);
  });

  it("is a 404 for another pairing's session and for another tenant's", async () => {
    const { t, mentor, mentee, id } = await pairingOf();
    const other = await pairingOf();
    const theirs = await session(other.t, other.id, other.mentee.token, { minutes: 60 });
    const second = await active(t, mentor, (await person(t)).id);
    const mineElsewhere = await session(t, second, mentor.token, { minutes: 60 });
    // Another pairing's session under this pairing's path, and another tenant's under this tenant's.
    expectProblem(await confirm(t, id, mineElsewhere.body.id, mentee.token), 404);
    expectProblem(await confirm(t, id, theirs.body.id, mentor.token), 404);
    expectProblem(await confirm(t, id, theirs.body.id, t.adminToken), 404);
    expect((await sessions(other.t.slug, other.id, other.t.adminToken)).body.items[0]?.status).toBe('unconfirmed');
  });

  it('only confirmed minutes count at completion: 90 + 45 confirmed of 300 recorded → 3 JP', async () => {
    const { t, mentor, mentee, id } = await pairingOf();
    await confirmedSession(t, id, mentor.token, mentee.token, { minutes: 90 });
    await confirmedSession(t, id, mentee.token, t.adminToken, { minutes: 45 });
    await session(t, id, mentee.token, { minutes: 165 }); // nobody confirmed it
    const done = await end(t, id, mentee.token, 'completed');
    expect(done.body).toMatchObject({ status: 'completed', jp: 3 });
    expect((await jpEntries(t.id)).results).toEqual([{ employee_id: mentee.id, jp_centi: 300, reference: `pairing:${id}` }]);
  });

  it('a session recorded before confirmations (no recording member known) is confirmed by the admin only', async () => {
    const { t, mentor, mentee, id } = await pairingOf();
    const legacy = await session(t, id, mentee.token, { minutes: 60 });
    await env.DB.prepare('update mentoring_sessions set recorder_id = null where tenant_id = ? and id = ?')
      .bind(t.id, legacy.body.id)
      .run();
    expectProblem(await confirm(t, id, legacy.body.id, mentor.token), 403);
    expectProblem(await confirm(t, id, legacy.body.id, mentee.token), 403);
    expect((await confirm(t, id, legacy.body.id, t.adminToken)).body).toMatchObject({ status: 'confirmed', recorderId: null });
  });

  it('racing completion: the JP credited is always the minutes confirmed when the pairing completed', async () => {
    const t = await createTenant();
    const mentor = await person(t);
    await mentorProfile(t, mentor.id, { capacity: 10 });
    const outcomes: Record<string, number> = {};
    for (let round = 0; round < 5; round++) {
      const mentee = await person(t);
      const id = await active(t, mentor, mentee.id);
      await confirmedSession(t, id, mentee.token, mentor.token, { minutes: 90 });
      const late = await session(t, id, mentee.token, { minutes: 135 });
      const { results } = await race<ApiResponse>(6, (i) =>
        i % 2 ? end(t, id, mentee.token, 'completed') : confirm(t, id, late.body.id, mentor.token),
      );
      for (const r of results) expect([200, 409], r.text).toContain(r.status);
      // A completion that lost to a confirmation (409) is simply tried again.
      const again = await end(t, id, mentee.token, 'completed');
      const pairing = (await api('GET', `/api/v1/tenants/${t.slug}/pairings/${id}`, { token: t.adminToken })).body;
      expect(pairing.status, again.text).toBe('completed');
      const lateNow = (await sessions(t.slug, id, t.adminToken)).body.items.find((s) => s.id === late.body.id);
      if (!lateNow) throw new Error('the late session is gone');
      // 90 minutes = 2 JP; with the late 135 confirmed before completion, 225 minutes = 5 JP.
      expect(pairing.jp).toBe(lateNow.status === 'confirmed' ? 5 : 2);
      const credit = await env.DB.prepare('select jp_centi from jp_entries where tenant_id = ? and employee_id = ?')
        .bind(t.id, mentee.id)
        .first<{ jp_centi: number }>();
      expect(credit?.jp_centi).toBe((pairing.jp ?? 0) * 100);
      outcomes[lateNow.status] = (outcomes[lateNow.status] ?? 0) + 1;
    }
    console.info(`completion racing confirmation, late session: ${JSON.stringify(outcomes)}`);
  });
});
