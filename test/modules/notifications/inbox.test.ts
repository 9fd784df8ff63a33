/**
 * Events and the inbox: a module's write and its event land together or not at all (a write that
 * fails leaves no outbox row); one event is one inbox entry however often and however concurrently
 * it is processed; the inbox is the person's own (unread first, paged, read one or all), and anyone
 * else's notification — another person's or another region's — is a 404.
 */
import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { processEvents } from '../../../src/modules/notifications';
import { notify } from '../../../src/platform/outbox';
import { api, expectProblem } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant } from '../../support/factories';
import { race } from '../../support/races';
import { employees, employeeToken, queue } from '../catalog/helpers';
import { assess } from '../competencies/helpers';
import { approve, reject, reported, seminar } from '../learning/helpers';
import { approve as approvePlan, createPlan, planWorld } from '../plans/helpers';
import { inbox, inboxRows, outboxRows, person, unread } from './helpers';

describe('the outbox', () => {
  it('holds one event for a decision that raced: the losing approvals and a later rejection leave none', async () => {
    const t = await createTenant();
    const me = await person(t);
    const r = await reported(me);
    const { tally } = await race(5, () => approve(t, r.id));
    expect(tally).toEqual({ 200: 1, 409: 4 });
    expectProblem(await reject(t, r.id), 409);
    const events = await outboxRows(t.id);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'learning_report.approved', employee_id: me.id, link: `/laporan/${r.id}`, processed_at: null }),
    ]);
    expect(JSON.parse(events[0]?.data ?? '{}')).toEqual({ title: seminar.title, jp: 8 });
  });

  it('leaves no row when the batch it rides in fails', async () => {
    const t = await createTenant();
    const me = await person(t);
    const ctx = await contextFor(t);
    const event = { kind: 'learning_report.rejected', employeeId: me.id, link: '/laporan/x', data: { title: 'x' } } as const;
    await expect(ctx.db.batch([notify(ctx, event), ctx.db.guard(sql`0`, 'conflict', 'the write lost')])).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await outboxRows(t.id)).toEqual([]);
    await ctx.db.batch([notify(ctx, event)]);
    expect(await outboxRows(t.id)).toHaveLength(1);
  });

  it('writes a keyed event once, however often it is emitted', async () => {
    const t = await createTenant();
    const me = await person(t);
    const ctx = await contextFor(t);
    const event = {
      kind: 'evaluation.due',
      employeeId: me.id,
      link: '/tugas',
      data: { title: 'L1' },
      dedupeKey: `evaluation.due:x:${me.id}`,
    } as const;
    await Promise.all([1, 2, 3].map(() => ctx.db.batch([notify(ctx, event)])));
    expect(await outboxRows(t.id)).toHaveLength(1);
  });

  it('tells the mentor of a proposed pairing', async () => {
    const t = await createTenant();
    const boss = await person(t);
    const staff = await person(t, { supervisorId: boss.id });
    const proposed = await api('POST', `/api/v1/tenants/${t.slug}/pairings`, {
      token: t.adminToken,
      body: { kind: 'coaching', mentorId: boss.id, menteeId: staff.id, focus: [] },
    });
    expect(proposed.status, proposed.text).toBe(201);
    const page = await inbox(boss);
    expect(page.body.items).toEqual([
      expect.objectContaining({ kind: 'pairing.proposed', link: `/pendampingan/${proposed.body.id}`, readAt: null }),
    ]);
    expect(page.body.items[0]?.title).toBe('Usulan coaching menunggu jawaban Anda');
    expect((await inbox(staff)).body.items).toEqual([]);
  });
  it('tells each person a plan approval enrolls, once per enrollment, and nobody when the approval is replayed', async () => {
    const w = await planWorld();
    // Three more people needing TEK and seats for all: the plan enrolls Ani (TEK, INTEGRITAS), Budi and the three.
    const more = await employees(w.t, 3);
    for (const employeeId of more) {
      const res = await assess(w.t, { employeeId, competency: 'TEK-SIMRS', level: 1, source: 'assessment_center', date: '2026-02-01' });
      expect(res.status, res.text).toBe(201);
    }
    const capacity = await api('PATCH', `/api/v1/tenants/${w.t.slug}/offerings/${w.tek}`, {
      token: w.t.adminToken,
      body: { capacity: 10 },
      headers: { 'if-match': '"v1"' },
    });
    expect(capacity.status, capacity.text).toBe(200);
    const plan = await createPlan(w.t, { budget: 100_000_000, options: { jpTargetBonus: 0 } });
    expect(plan.status, plan.text).toBe(201);
    expect(await outboxRows(w.t.id)).toEqual([]);
    expect((await approvePlan(w.t, plan.body.id, '"v1"')).status).toBe(200);
    expect((await approvePlan(w.t, plan.body.id, '"v1"')).status).toBe(200);
    const enrolled = (await queue(w.t, w.tek)).concat(await queue(w.t, w.integritas));
    expect(new Set(enrolled.map((e) => e.employeeId))).toEqual(new Set([w.ani, w.budi, ...more]));
    const events = (await outboxRows(w.t.id)).filter((e) => e.kind === 'plan.enrolled');
    expect(events.map((e) => e.employee_id).sort()).toEqual(enrolled.map((e) => e.employeeId).sort());
    expect(new Set(events.map((e) => e.dedupe_key)).size).toBe(events.length);
    const titles = events.filter((e) => e.employee_id === w.ani).map((e) => (JSON.parse(e.data) as { title: string }).title);
    expect(titles.sort()).toEqual(['Pelatihan Integritas', 'Pelatihan SIMRS']);
    expect(JSON.parse(events[0]?.data ?? '{}')).toMatchObject({ year: 2099, startDate: expect.any(String) });
    // Each reads it in their own inbox.
    const budi = { token: await employeeToken(w.t, w.budi) };
    const [entry] = (await inbox(budi)).body.items;
    // It opens Beranda at the person's places.
    expect(entry).toMatchObject({ kind: 'plan.enrolled', title: 'Anda terdaftar pada pelatihan: Pelatihan SIMRS', link: '/#enrollments' });
  });
});

describe('the inbox', () => {
  it('has one entry per event even when processed twice and concurrently', async () => {
    const t = await createTenant();
    const me = await person(t);
    const r = await reported(me);
    expect((await approve(t, r.id)).status).toBe(200);
    const ctx = await contextFor(t);
    const runs = await Promise.all([processEvents(ctx), processEvents(ctx), unread(me), processEvents(ctx)]);
    expect(runs.filter((n, i) => i !== 2 && n > 0)).toHaveLength(1);
    expect(await processEvents(ctx)).toBe(0);
    expect(await inboxRows(t.id)).toHaveLength(1);
    expect((await outboxRows(t.id))[0]?.processed_at).not.toBeNull();
    expect(await unread(me)).toBe(1);
  });

  it('lists unread first, then newest, in pages; marks one and all read', async () => {
    const t = await createTenant();
    const me = await person(t);
    const reports = [];
    for (const title of ['Seminar A', 'Seminar B', 'Seminar C']) reports.push(await reported(me, { ...seminar, title }));
    for (const r of reports) expect((await approve(t, r.id)).status).toBe(200);
    expect(await unread(me)).toBe(3);
    const all = await inbox(me);
    expect(all.body.items.map((n) => n.data.title)).toEqual(['Seminar C', 'Seminar B', 'Seminar A']);
    const oldest = all.body.items[2];
    const newest = all.body.items[0];
    if (!oldest || !newest) throw new Error('three notifications expected');
    expect(newest.body).toBe('Laporan Anda "Seminar C" telah diverifikasi dan disetujui. JP yang diakui: 8.');

    const read = await api('POST', `/api/v1/me/notifications/${newest.id}/read`, { token: me.token });
    expect(read.status, read.text).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const again = await api('POST', `/api/v1/me/notifications/${newest.id}/read`, { token: me.token });
    expect(again.body.readAt).toBe(read.body.readAt);
    expect(await unread(me)).toBe(2);

    const first = await inbox(me, '?limit=2');
    expect(first.body.items.map((n) => n.data.title)).toEqual(['Seminar B', 'Seminar A']);
    const second = await inbox(me, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((n) => n.data.title)).toEqual(['Seminar C']);
    expect(second.body.nextCursor).toBeNull();
    expect((await inbox(me, '?unread=true')).body.items).toHaveLength(2);

    const allRead = await api('POST', '/api/v1/me/notifications/read-all', { token: me.token });
    expect(allRead.body).toEqual({ unread: 0 });
    expect(await unread(me)).toBe(0);
    expectProblem(await inbox(me, '?cursor=bogus'), 400);
  });

  it("answers 404 for another person's or another region's notification", async () => {
    const t = await createTenant();
    const other = await createTenant();
    const me = await person(t);
    const colleague = await person(t);
    const stranger = await person(other);
    const r = await reported(me);
    expect((await approve(t, r.id)).status).toBe(200);
    const [mine] = (await inbox(me)).body.items;
    if (!mine) throw new Error('a notification expected');
    for (const who of [colleague, stranger]) {
      expectProblem(await api('GET', `/api/v1/me/notifications/${mine.id}`, { token: who.token }), 404);
      expectProblem(await api('POST', `/api/v1/me/notifications/${mine.id}/read`, { token: who.token }), 404);
      expect((await inbox(who)).body.items).toEqual([]);
    }
    expect((await api('GET', `/api/v1/me/notifications/${mine.id}`, { token: me.token })).body.readAt).toBeNull();
    expectProblem(await api('GET', '/api/v1/me/notifications', { token: t.adminToken }), 403);
  });
});

describe('the links written before they named Beranda’s sections', () => {
  it('are moved to the section of their kind by migration 0026, and other links are left alone', async () => {
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.includes('_notification_section_links'));
    if (!migration || migration.queries.length === 0) throw new Error('the section-links migration lost its updates');
    const t = await createTenant();
    const me = await person(t);
    const rows: [string, string][] = [
      ['plan.enrolled', '/'],
      ['jp.shortfall', '/'],
      ['learning_report.approved', '/'],
      ['learning_report.approved', '/laporan/lr_x'],
    ];
    const now = '2026-01-05T00:00:00.000Z';
    await env.DB.batch(
      rows.flatMap(([kind, link], i) => [
        env.DB.prepare(
          'insert into notification_events (tenant_id, id, kind, employee_id, link, data, dedupe_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
        ).bind(t.id, `evt_old${i}`, kind, me.id, link, '{}', `old:${i}`, now),
        env.DB.prepare(
          'insert into notifications (tenant_id, id, event_id, employee_id, kind, link, data, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
        ).bind(t.id, `ntf_old${i}`, `evt_old${i}`, me.id, kind, link, '{}', now),
      ]),
    );
    for (const query of migration.queries) await env.DB.prepare(query).run();
    const expected = ['/#enrollments', '/#jp', '/', '/laporan/lr_x'];
    for (const table of ['notification_events', 'notifications']) {
      const { results } = await env.DB.prepare(`select link from ${table} where tenant_id = ? order by id`)
        .bind(t.id)
        .all<{ link: string }>();
      expect(results.map((r) => r.link)).toEqual(expected);
    }
  });
});
