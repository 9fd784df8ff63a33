/**
 * Sessions, goals and completion: kept by either member, read by the members and the admin
 * (notes included) and nobody else; completion credits minutes / 45 JP (capped at 20) to the
 * mentee, exactly once, even when completions race.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { computeJp, defaultJpRules } from '../../../src/modules/jp';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { race } from '../../support/races';
import { ledger } from '../jp/helpers';
import { active, confirmedSession, end, mentorProfile, person, proposed, session } from './helpers';

describe('sessions and goals', () => {
  it('either member records sessions; members and the admin read the notes; others get 404', async () => {
    const t = await createTenant();
    const [mentor, mentee, stranger] = [await person(t), await person(t), await person(t)];
    await mentorProfile(t, mentor.id);
    const id = await active(t, mentor, mentee.id);
    const first = await session(t, id, mentor.token, {
      minutes: 90,
      notes: 'Membahas penyusunan SOP pelayanan',
      actionItems: ['Draf SOP', 'Diskusi dengan kepala seksi'],
    });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ pairingId: id, minutes: 90, actionItems: ['Draf SOP', 'Diskusi dengan kepala seksi'] });
    expect((await session(t, id, mentee.token, { date: '2026-03-24', minutes: 45 })).status).toBe(201);
    expectProblem(await session(t, id, t.adminToken, { minutes: 30 }), 403);
    expectProblem(await session(t, id, stranger.token, { minutes: 30 }), 404);
    expectProblem(await session(t, id, mentor.token, { minutes: 0 }), 400);
    expectProblem(await session(t, id, mentor.token, { minutes: 30, date: '2026-02-30' }), 400);
    for (const token of [mentor.token, mentee.token, t.adminToken]) {
      const list = await api('GET', `/api/v1/tenants/${t.slug}/pairings/${id}/sessions`, { token });
      expect(list.status, list.text).toBe(200);
      expect(list.body.items.map((s) => s.minutes)).toEqual([90, 45]);
      expect(list.body.items[0]?.notes).toBe('Membahas penyusunan SOP pelayanan');
    }
    const hidden = await api('GET', `/api/v1/tenants/${t.slug}/pairings/${id}/sessions`, { token: stranger.token });
    expectProblem(hidden, 404);
    expect(hidden.text).not.toContain('SOP');
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/pairings/${id}/sessions`, { token: t.nationalToken }), 403);
  });

  it('goals: added and changed by members with If-Match, on open pairings only', async () => {
    const t = await createTenant();
    const [mentor, mentee] = [await person(t), await person(t)];
    await mentorProfile(t, mentor.id);
    const p = await proposed(t, mentor.id, mentee.id);
    const goal = await api('POST', `/api/v1/tenants/${t.slug}/pairings/${p.id}/goals`, {
      token: mentee.token,
      body: { title: 'Menguasai analisis beban kerja', dueDate: '2026-08-31' },
    });
    expect(goal.status, goal.text).toBe(201);
    expect(goal.headers.get('etag')).toBe('"v1"');
    expectProblem(
      await api('POST', `/api/v1/tenants/${t.slug}/pairings/${p.id}/goals`, { token: t.adminToken, body: { title: 'x' } }),
      403,
    );
    const url = `/api/v1/tenants/${t.slug}/pairings/${p.id}/goals/${goal.body.id}` as const;
    expectProblem(await api('PATCH', url, { token: mentor.token, body: { status: 'done' } }), 428);
    const done = await api('PATCH', url, { token: mentor.token, headers: { 'if-match': '"v1"' }, body: { status: 'done' } });
    expect(done.body).toMatchObject({ status: 'done', version: 2 });
    expectProblem(await api('PATCH', url, { token: mentee.token, headers: { 'if-match': '"v1"' }, body: { status: 'dropped' } }), 412);
    expectProblem(await api('PATCH', url, { token: mentee.token, headers: { 'if-match': '"v2"' }, body: { status: 'finished' } }), 400);
    expect((await api('GET', url, { token: t.adminToken })).body).toMatchObject({
      status: 'done',
      title: 'Menguasai analisis beban kerja',
    });
    await end(t, p.id, t.adminToken, 'cancelled');
    expectProblem(
      await api('POST', `/api/v1/tenants/${t.slug}/pairings/${p.id}/goals`, { token: mentee.token, body: { title: 'Terlambat' } }),
      409,
    );
    expectProblem(await session(t, p.id, mentee.token, { minutes: 30 }), 409);
  });
});

describe('completion credits JP to the mentee', () => {
  it('mentoring by the default rule: minutes / 45, in hundredths rounded down, capped at 20 JP per pairing', () => {
    const none = { byMonth: {}, byYear: {} };
    const jpForMinutes = (minutes: number) =>
      computeJp(
        defaultJpRules.mentoring,
        { startDate: '2026-03-10', endDate: '2026-03-10', sessionsOn: [{ date: '2026-03-10', minutes }] },
        none,
      ).jpCenti / 100;
    expect(jpForMinutes(0)).toBe(0);
    expect(jpForMinutes(45)).toBe(1);
    expect(jpForMinutes(135)).toBe(3);
    expect(jpForMinutes(100)).toBe(2.22);
    expect(jpForMinutes(899)).toBe(19.97);
    expect(jpForMinutes(900)).toBe(20);
    expect(jpForMinutes(2000)).toBe(20);
  });

  it('credits 135 minutes as 3 JP, once, with the pairing as reference; keeps completedAt for the evaluation', async () => {
    const t = await createTenant();
    const [mentor, mentee] = [await person(t), await person(t)];
    await mentorProfile(t, mentor.id);
    const id = await active(t, mentor, mentee.id);
    // Each member's session confirmed by the other: only confirmed minutes earn JP.
    await confirmedSession(t, id, mentor.token, mentee.token, { minutes: 90 });
    await confirmedSession(t, id, mentee.token, mentor.token, { minutes: 45 });
    const { tally, results } = await race(5, (i) => end(t, id, [mentor.token, mentee.token, t.adminToken][i % 3] as string, 'completed'));
    expect(tally).toEqual({ 200: 1, 409: 4 });
    const done = results.find((r) => r.status === 200)?.body;
    expect(done).toMatchObject({ status: 'completed', jp: 3, mentorId: mentor.id, menteeId: mentee.id });
    expect(done?.completedAt).toBeTruthy();
    const year = new Date(new Date(done!.completedAt!).getTime() + 7 * 3_600_000).getUTCFullYear();
    const l = await ledger(t, mentee.id, year);
    expect(l.body.entries).toMatchObject([{ jp: 3, source: 'mentoring', reference: `pairing:${id}` }]);
    expect((await ledger(t, mentor.id, year)).body.entries).toEqual([]);
    // Sessions after completion are refused, so the JP owed never changes.
    expectProblem(await session(t, id, mentor.token, { minutes: 60 }), 409);
  });

  it('coaching earns 2 JP a confirmed session, at most 4 a month (source coaching); a cancelled or session-less pairing credits nothing', async () => {
    const t = await createTenant();
    const boss = await person(t);
    const [report, other] = [await person(t, { supervisorId: boss.id }), await person(t)];
    await mentorProfile(t, boss.id);
    const coaching = (await proposed(t, boss.id, report.id, { kind: 'coaching' })).id;
    expect((await api('POST', `/api/v1/tenants/${t.slug}/pairings/${coaching}/accept`, { token: boss.token })).status).toBe(200);
    for (let i = 0; i < 3; i++) await confirmedSession(t, coaching, report.token, boss.token, { minutes: 400 });
    // Three sessions of 2026-03: 6 JP by the rule, 4 within the month's cap.
    expect((await end(t, coaching, boss.token, 'completed')).body).toMatchObject({ status: 'completed', jp: 4 });
    const cancelled = await active(t, boss, other.id);
    await session(t, cancelled, other.token, { minutes: 300 });
    expect((await end(t, cancelled, other.token, 'cancelled', 'Mutasi ke OPD lain')).body).toMatchObject({ status: 'cancelled', jp: null });
    const empty = await active(t, boss, other.id);
    expect((await end(t, empty, boss.token, 'completed')).body).toMatchObject({ status: 'completed', jp: 0 });
    const rows = await env.DB.prepare('select employee_id, source, jp_centi, reference from jp_entries where tenant_id = ?')
      .bind(t.id)
      .all();
    expect(rows.results).toEqual([{ employee_id: report.id, source: 'coaching', jp_centi: 400, reference: `pairing:${coaching}` }]);
  });

  it('completion racing cancellation: one wins, and JP is credited exactly when completion won', async () => {
    const t = await createTenant();
    const mentor = await person(t);
    await mentorProfile(t, mentor.id, { capacity: 10 });
    for (let round = 0; round < 6; round++) {
      const mentee = await person(t);
      const id = await active(t, mentor, mentee.id);
      await confirmedSession(t, id, mentee.token, mentor.token, { minutes: 90 });
      const { tally } = await race(8, (i) => end(t, id, i % 2 ? mentee.token : mentor.token, i % 2 ? 'cancelled' : 'completed'));
      expect(tally).toEqual({ 200: 1, 409: 7 });
      const status = (await api('GET', `/api/v1/tenants/${t.slug}/pairings/${id}`, { token: t.adminToken })).body.status;
      const credits = await env.DB.prepare('select count(*) as n from jp_entries where tenant_id = ? and employee_id = ?')
        .bind(t.id, mentee.id)
        .first<{ n: number }>();
      expect(credits?.n).toBe(status === 'completed' ? 1 : 0);
    }
  });
});
