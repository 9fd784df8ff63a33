import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { race } from '../../support/races';
import { createOffering, createProgram, employees, employeeToken, enroll, queue } from './helpers';

describe('enrollment', () => {
  it('enrolls in list order up to capacity, then waitlists; a repeat keeps the place', async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const offering = await createOffering(t, program.id, { capacity: 2 });
    const people = await employees(t, 3);
    const res = await enroll(t, offering.id, people);
    expect(res.status, res.text).toBe(201);
    expect(res.body.items.map((e) => [e.status, e.created])).toEqual([
      ['enrolled', true],
      ['enrolled', true],
      ['waitlisted', true],
    ]);
    const again = await enroll(t, offering.id, [people[0] as string]);
    expect(again.body.items[0]).toMatchObject({ status: 'enrolled', created: false, id: res.body.items[0]!.id });
    const read = await api('GET', `/api/v1/tenants/${t.slug}/offerings/${offering.id}`, { token: t.adminToken });
    expect(read.body).toMatchObject({ capacity: 2, enrolled: 2, seatsTaken: 2, waitlisted: 1 });
  });

  it('enrolls in two D1 round trips and completes with a JP credit in three, the answers as before', async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const offering = await createOffering(t, program.id, { capacity: 2 });
    const people = await employees(t, 2);
    const res = await enroll(t, offering.id, people);
    expect(res.status, res.text).toBe(201);
    console.info(`POST …/enrollments: ${res.cost.queries} D1 round trips`);
    expect(res.cost.queries).toBe(2); // the offering and the people together; the placements, audit rows and read-back
    const id = res.body.items[0]!.id;
    const done = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${id}/complete`, {
      token: t.adminToken,
      body: { attendance: 90, passed: true, completedOn: '2026-02-06' },
    });
    expect(done.status, done.text).toBe(200);
    console.info(`POST …/complete: ${done.cost.queries} D1 round trips`);
    expect(done.cost.queries).toBe(3); // the place with its program; the JP already earned; the write, audit, credit and read-back
    expect(done.body).toMatchObject({ id, status: 'completed', attendance: 90, passed: true, completedAt: '2026-02-06T12:00:00.000Z' });
    // A repeat answers the completed place as it is, and a place of nobody is a 404.
    const again = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${id}/complete`, {
      token: t.adminToken,
      body: { attendance: 50, passed: false },
    });
    expect(again.body).toMatchObject({ id, attendance: 90, passed: true });
    expectProblem(
      await api('POST', `/api/v1/tenants/${t.slug}/enrollments/enr_none/complete`, {
        token: t.adminToken,
        body: { attendance: 90, passed: true },
      }),
      404,
    );
  });

  it("lists the queue in order with each holder's name and NIP", async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const offering = await createOffering(t, program.id, { capacity: 1 });
    const people = await employees(t, 2);
    await enroll(t, offering.id, people);
    const records = await Promise.all(
      people.map(async (id) => (await api('GET', `/api/v1/tenants/${t.slug}/employees/${id}`, { token: t.adminToken })).body),
    );
    const rows = await queue(t, offering.id);
    expect(rows.map((e) => [e.employeeId, e.status, e.employee])).toEqual([
      [people[0], 'enrolled', { name: records[0]?.name, nip: records[0]?.nip }],
      [people[1], 'waitlisted', { name: records[1]?.name, nip: records[1]?.nip }],
    ]);
  });

  it('withdrawal promotes the first waiting; more capacity promotes the rest in order', async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const offering = await createOffering(t, program.id, { capacity: 1 });
    const people = await employees(t, 4);
    const placed = (await enroll(t, offering.id, people)).body.items;
    expect(placed.map((p) => p.status)).toEqual(['enrolled', 'waitlisted', 'waitlisted', 'waitlisted']);
    // The employee withdraws their own place.
    const own = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${placed[0]?.id}/withdraw`, {
      token: await employeeToken(t, people[0] as string),
    });
    expect(own.status, own.text).toBe(200);
    expect(own.body.status).toBe('withdrawn');
    expect((await queue(t, offering.id)).map((e) => e.status)).toEqual(['withdrawn', 'enrolled', 'waitlisted', 'waitlisted']);
    // Someone else's enrollment is not the employee's to see or withdraw.
    const other = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${placed[1]?.id}/withdraw`, {
      token: await employeeToken(t, people[0] as string),
    });
    expectProblem(other, 404);
    const read = await api('GET', `/api/v1/tenants/${t.slug}/offerings/${offering.id}`, { token: t.adminToken });
    const grown = await api('PATCH', `/api/v1/tenants/${t.slug}/offerings/${offering.id}`, {
      token: t.adminToken,
      body: { capacity: 3 },
      headers: { 'if-match': read.headers.get('etag') ?? '' },
    });
    expect(grown.status, grown.text).toBe(200);
    expect(grown.body).toMatchObject({ capacity: 3, enrolled: 3, waitlisted: 0 });
  });

  it('a request waits for approval, which places it by the seats free at that moment', async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const offering = await createOffering(t, program.id, { capacity: 1 });
    const [asker, other] = await employees(t, 2);
    const token = await employeeToken(t, asker as string);
    const asked = await api('POST', `/api/v1/tenants/${t.slug}/offerings/${offering.id}/requests`, { token });
    expect(asked.status, asked.text).toBe(201);
    expect(asked.body.status).toBe('requested');
    const repeat = await api('POST', `/api/v1/tenants/${t.slug}/offerings/${offering.id}/requests`, { token });
    expect(repeat.status).toBe(200);
    expect(repeat.body.id).toBe(asked.body.id);
    await enroll(t, offering.id, [other as string]);
    const approved = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${asked.body.id}/approve`, { token: t.adminToken });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.status).toBe('waitlisted');
    expectProblem(await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${asked.body.id}/approve`, { token: t.adminToken }), 409);
    const mine = await api('GET', '/api/v1/me/enrollments', { token });
    expect(mine.body.items.map((e) => e.id)).toEqual([asked.body.id]);
    expect(mine.body.items[0]?.offering).toEqual({ programTitle: program.title, startDate: offering.startDate, endDate: offering.endDate });
  });

  it('cancelling an offering ends its open places once, keeps completed ones, audits it, and promotes nobody', async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const offering = await createOffering(t, program.id, { capacity: 2 });
    const [done, placed, waiting, asker] = await employees(t, 4);
    const placedRows = (await enroll(t, offering.id, [done as string, placed as string, waiting as string])).body.items;
    expect(placedRows.map((e) => e.status)).toEqual(['enrolled', 'enrolled', 'waitlisted']);
    const completed = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${placedRows[0]!.id}/complete`, {
      token: t.adminToken,
      body: { attendance: 100, passed: true, completedOn: '2026-03-06' },
    });
    expect(completed.status, completed.text).toBe(200);
    const asked = await api('POST', `/api/v1/tenants/${t.slug}/offerings/${offering.id}/requests`, {
      token: await employeeToken(t, asker as string),
    });
    expect(asked.status, asked.text).toBe(201);
    const path = `/api/v1/tenants/${t.slug}/offerings/${offering.id}` as const;
    const stale = await api('PATCH', path, { token: t.adminToken, body: { status: 'cancelled' }, headers: { 'if-match': '"v999"' } });
    expectProblem(stale, 412);
    expect((await queue(t, offering.id)).filter((e) => e.status === 'withdrawn')).toEqual([]);
    const current = await api('GET', path, { token: t.adminToken });
    const cancel = () =>
      api('PATCH', path, {
        token: t.adminToken,
        body: { status: 'cancelled' },
        headers: { 'if-match': current.headers.get('etag') ?? '' },
      });
    expect((await cancel()).status).toBe(200);
    const byPerson = Object.fromEntries((await queue(t, offering.id)).map((e) => [e.employeeId, e.status]));
    expect(byPerson).toEqual({
      [done as string]: 'completed',
      [placed as string]: 'withdrawn',
      [waiting as string]: 'withdrawn',
      [asker as string]: 'withdrawn',
    });
    const audit = await api(
      'GET',
      `/api/v1/tenants/${t.slug}/audit?entity=offering&entityId=${offering.id}&action=offering.places.cancel`,
      { token: t.adminToken },
    );
    expect(audit.body.items).toHaveLength(1);
    const again = await api('GET', path, { token: t.adminToken });
    const twice = await api('PATCH', path, {
      token: t.adminToken,
      body: { status: 'cancelled' },
      headers: { 'if-match': again.headers.get('etag') ?? '' },
    });
    expect(twice.status).toBe(200);
    const auditAfter = await api(
      'GET',
      `/api/v1/tenants/${t.slug}/audit?entity=offering&entityId=${offering.id}&action=offering.places.cancel`,
      { token: t.adminToken },
    );
    expect(auditAfter.body.items).toHaveLength(1);
    const ledger = await api('GET', `/api/v1/tenants/${t.slug}/employees/${done}/jp?year=2026`, { token: t.adminToken });
    expect(ledger.body.entries).toHaveLength(1);
  });

  it("lists one employee's enrollments for the admin and the employee themself; 404 for anyone else or an unknown id", async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const first = await createOffering(t, program.id);
    const second = await createOffering(t, program.id);
    const [person, other] = await employees(t, 2);
    await enroll(t, first.id, [person as string, other as string]);
    await enroll(t, second.id, [person as string]);
    const path = (id: string) => `/api/v1/tenants/${t.slug}/employees/${id}/enrollments` as const;
    const byAdmin = await api('GET', path(person as string), { token: t.adminToken });
    expect(byAdmin.status, byAdmin.text).toBe(200);
    expect(byAdmin.body.items.map((e) => e.offeringId).sort()).toEqual([first.id, second.id].sort());
    expect(byAdmin.body.items.every((e) => e.employeeId === person)).toBe(true);
    // Each place says what it is a place in, so that the list reads without a read per offering.
    for (const offering of [first, second]) {
      expect(byAdmin.body.items.find((e) => e.offeringId === offering.id)?.offering).toEqual({
        programTitle: program.title,
        startDate: offering.startDate,
        endDate: offering.endDate,
      });
    }
    const own = await employeeToken(t, person as string);
    expect((await api('GET', path(person as string), { token: own })).body.items).toHaveLength(2);
    expectProblem(await api('GET', path(other as string), { token: own }), 404);
    expectProblem(await api('GET', path('emp_nobody'), { token: t.adminToken }), 404);
    expectProblem(await api('GET', path(person as string), { token: t.nationalToken }), 403);
  });

  it('completion credits the program JP exactly once under retries and parallel completion', async () => {
    const t = await createTenant();
    const program = await createProgram(t, { jp: 12.5 });
    const offering = await createOffering(t, program.id);
    const [person] = await employees(t, 1);
    const placed = (await enroll(t, offering.id, [person as string])).body.items[0]!;
    const body = { attendance: 95, passed: true, completedOn: '2026-03-06' };
    const { tally } = await race(10, () =>
      api('POST', `/api/v1/tenants/${t.slug}/enrollments/${placed.id}/complete`, { token: t.adminToken, body }),
    );
    expect(tally).toEqual({ 200: 10 });
    const retry = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${placed.id}/complete`, { token: t.adminToken, body });
    expect(retry.body).toMatchObject({ status: 'completed', attendance: 95, passed: true, completedAt: '2026-03-06T12:00:00.000Z' });
    // A completed place keeps its seat, as the queue counts it.
    const read = await api('GET', `/api/v1/tenants/${t.slug}/offerings/${offering.id}`, { token: t.adminToken });
    expect(read.body).toMatchObject({ enrolled: 0, seatsTaken: 1 });
    const ledger = await api('GET', `/api/v1/tenants/${t.slug}/employees/${person}/jp?year=2026`, { token: t.adminToken });
    expect(ledger.body.total).toBe(12.5);
    expect(ledger.body.entries).toHaveLength(1);
    expect(ledger.body.entries[0]).toMatchObject({ source: 'program', reference: `enrollment:${placed.id}` });
    const audits = await env.DB.prepare("select count(*) as n from audit_log where tenant_id = ? and action = 'enrollment.complete'")
      .bind(t.id)
      .first<{ n: number }>();
    expect(audits?.n).toBe(1);
    expectProblem(await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${placed.id}/withdraw`, { token: t.adminToken }), 409);
  });

  it("completion credits JP through the method's rule: the program's JP as the claim, cut by the rule and its caps", async () => {
    const t = await createTenant();
    const [person] = await employees(t, 1);
    const passed = async (program: { jp: number; method: string; title: string }, startDate: string, endDate: string) => {
      const offering = await createOffering(t, (await createProgram(t, program)).id, { startDate, endDate });
      const placed = (await enroll(t, offering.id, [person as string])).body.items[0]!;
      const done = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${placed.id}/complete`, {
        token: t.adminToken,
        body: { attendance: 100, passed: true, completedOn: '2026-03-06' },
      });
      expect(done.status, done.text).toBe(200);
      return placed.id;
    };
    // Workshop 5 JP a day × 2 days = 10 JP; the catalog's 12 is cut to 10.
    const workshop = await passed({ jp: 12, method: 'workshop', title: 'Lokakarya SAKIP' }, '2026-03-02', '2026-03-03');
    // E-learning of 10 JP in one day: at most 3 JP a day, booked on that day (noon WIB) for the day cap to count it.
    const course = await passed({ jp: 10, method: 'e_learning', title: 'E-Learning Etika ASN' }, '2026-03-04', '2026-03-04');
    // A second e-learning on the same day: the day is full, nothing is credited.
    await passed({ jp: 2, method: 'e_learning', title: 'E-Learning Arsip' }, '2026-03-04', '2026-03-04');
    // Bimtek 8 JP a day × 5 days = 40: the catalog's 24 counts as stated.
    const bimtek = await passed({ jp: 24, method: 'bimbingan_teknis', title: 'Bimtek Arsip' }, '2026-03-02', '2026-03-06');
    const { results } = await env.DB.prepare(
      'select reference, method, jp_centi, occurred_at, note from jp_entries where tenant_id = ? order by jp_centi',
    )
      .bind(t.id)
      .all();
    expect(results).toEqual([
      {
        reference: `enrollment:${course}`,
        method: 'e_learning',
        jp_centi: 300,
        occurred_at: '2026-03-04T05:00:00.000Z',
        note: 'Pelatihan: E-Learning Etika ASN',
      },
      {
        reference: `enrollment:${workshop}`,
        method: 'workshop',
        jp_centi: 1000,
        occurred_at: '2026-03-06T12:00:00.000Z',
        note: 'Pelatihan: Lokakarya SAKIP',
      },
      {
        reference: `enrollment:${bimtek}`,
        method: 'bimbingan_teknis',
        jp_centi: 2400,
        occurred_at: '2026-03-06T12:00:00.000Z',
        note: 'Pelatihan: Bimtek Arsip',
      },
    ]);
  });

  it('a failed participant completes without JP; a waitlisted one cannot complete', async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const offering = await createOffering(t, program.id, { capacity: 1 });
    const people = await employees(t, 2);
    const [first, second] = (await enroll(t, offering.id, people)).body.items;
    const failed = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${first!.id}/complete`, {
      token: t.adminToken,
      body: { attendance: 40, passed: false },
    });
    expect(failed.body).toMatchObject({ status: 'completed', passed: false });
    const jp = await env.DB.prepare('select count(*) as n from jp_entries where tenant_id = ?').bind(t.id).first<{ n: number }>();
    expect(jp?.n).toBe(0);
    expectProblem(
      await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${second!.id}/complete`, {
        token: t.adminToken,
        body: { attendance: 100, passed: true },
      }),
      409,
    );
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const offering = await createOffering(t, program.id);
    const [person] = await employees(t, 1);
    expectProblem(await enroll(t, offering.id, [person as string, 'emp_nobody']), 422);
    expectProblem(await enroll(t, offering.id, []), 400);
    expectProblem(await enroll(t, 'off_nope', [person as string]), 404);
    const n = await env.DB.prepare('select count(*) as n from enrollments where tenant_id = ?').bind(t.id).first<{ n: number }>();
    expect(n?.n).toBe(0);
    const cancelled = await createOffering(t, program.id, { status: 'cancelled' });
    expectProblem(await enroll(t, cancelled.id, [person as string]), 409);
  });
});

describe('completion against withdrawal', () => {
  it('credits JP only to places that end completed, whichever of the two lands first', { timeout: 60_000 }, async () => {
    const t = await createTenant();
    const program = await createProgram(t, { jp: 3 });
    const offering = await createOffering(t, program.id, { capacity: 20 });
    const people = await employees(t, 12);
    const placed = (await enroll(t, offering.id, people)).body.items;
    await Promise.all(
      placed.flatMap((e) => [
        api('POST', `/api/v1/tenants/${t.slug}/enrollments/${e.id}/complete`, {
          token: t.adminToken,
          body: { attendance: 100, passed: true, completedOn: '2026-06-01' },
        }),
        api('POST', `/api/v1/tenants/${t.slug}/enrollments/${e.id}/withdraw`, { token: t.adminToken }),
      ]),
    );
    const rows = await queue(t, offering.id);
    const credited = await env.DB.prepare('select reference from jp_entries where tenant_id = ?').bind(t.id).all<{ reference: string }>();
    const completed = rows
      .filter((r) => r.status === 'completed')
      .map((r) => `enrollment:${r.id}`)
      .sort();
    expect(credited.results.map((r) => r.reference).sort()).toEqual(completed);
    expect(rows.every((r) => r.status === 'completed' || r.status === 'withdrawn')).toBe(true);
  });
});
