/**
 * Capacity under parallel requests, and the rules of who may be paired: the database decides the
 * capacity inside the accepting statement, so 10 parallel accepts against a mentor of capacity 3
 * leave exactly 3 active.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { race } from '../../support/races';
import { mentorProfile, person, propose, proposed, step } from './helpers';

const activeCount = async (tenantId: string, mentorId: string) =>
  (
    await env.DB.prepare("select count(*) as n from pairings where tenant_id = ? and mentor_id = ? and status = 'active'")
      .bind(tenantId, mentorId)
      .first<{ n: number }>()
  )?.n;

describe('mentor capacity', () => {
  it('10 parallel accepts against a mentor of capacity 3: exactly 3 active, 7 refused with 409, none lost', async () => {
    const t = await createTenant();
    const mentor = await person(t);
    await mentorProfile(t, mentor.id, { capacity: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await proposed(t, mentor.id, (await person(t)).id)).id);
    const { results, tally } = await race(10, (i) => step(t, ids[i] as string, 'accept', mentor.token));
    expect(tally).toEqual({ 200: 3, 409: 7 });
    expect(await activeCount(t.id, mentor.id)).toBe(3);
    for (const r of results.filter((x) => x.status === 409)) expect(expectProblem(r, 409).detail).toMatch(/free slot/);
    // The refused ones are still proposals: free a slot and one more can be accepted, no more.
    const refused = ids.filter((_, i) => results[i]?.status === 409);
    const winner = ids.find((_, i) => results[i]?.status === 200) as string;
    expect((await step(t, winner, 'end', mentor.token, { outcome: 'completed', reason: 'Selesai' })).status).toBe(200);
    const second = await race(refused.length, (i) => step(t, refused[i] as string, 'accept', mentor.token));
    expect(second.tally).toEqual({ 200: 1, 409: refused.length - 1 });
    expect(await activeCount(t.id, mentor.id)).toBe(3);
  });

  it('10 parallel proposals of the same pair: one pairing, nine 409', async () => {
    const t = await createTenant();
    const [mentor, mentee] = [await person(t), await person(t)];
    await mentorProfile(t, mentor.id);
    const { tally } = await race(10, () => propose(t, { mentorId: mentor.id, menteeId: mentee.id }));
    expect(tally).toEqual({ 201: 1, 409: 9 });
    const n = await env.DB.prepare('select count(*) as n from pairings where tenant_id = ? and mentee_id = ?')
      .bind(t.id, mentee.id)
      .first<{ n: number }>();
    expect(n?.n).toBe(1);
  });

  it('a paused profile or capacity 0 accepts nobody; coaching by the supervisor needs no profile and no slot', async () => {
    const t = await createTenant();
    const [mentor, mentee, boss] = [await person(t), await person(t), await person(t)];
    const profile = await mentorProfile(t, mentor.id, { capacity: 2 });
    const report = await person(t, { supervisorId: boss.id });
    const p = await proposed(t, mentor.id, mentee.id);
    const paused = await api('PATCH', `/api/v1/tenants/${t.slug}/mentors/${profile.id}`, {
      token: t.adminToken,
      headers: { 'if-match': '"v1"' },
      body: { status: 'paused' },
    });
    expect(paused.status, paused.text).toBe(200);
    expectProblem(await step(t, p.id, 'accept', mentor.token), 409);
    const zero = await api('PATCH', `/api/v1/tenants/${t.slug}/mentors/${profile.id}`, {
      token: t.adminToken,
      headers: { 'if-match': '"v2"' },
      body: { status: 'active', capacity: 0 },
    });
    expect(zero.status, zero.text).toBe(200);
    expectProblem(await step(t, p.id, 'accept', mentor.token), 409);
    const coaching = await proposed(t, boss.id, report.id, { kind: 'coaching' });
    expect((await step(t, coaching.id, 'accept', boss.token)).body).toMatchObject({ status: 'active', kind: 'coaching' });
  });

  it('refuses pairs the rules forbid, with the reason', async () => {
    const t = await createTenant();
    const boss = await person(t);
    const [mentee, other, noProfile] = [await person(t, { supervisorId: boss.id }), await person(t), await person(t)];
    const report = await person(t, { supervisorId: mentee.id });
    for (const m of [boss, other, report]) await mentorProfile(t, m.id);
    // Coaching is with one's own supervisor only.
    expectProblem(await propose(t, { kind: 'coaching', mentorId: other.id, menteeId: mentee.id }), 422);
    // Mentoring never from the mentee's reporting line (up or down), and needs an active profile.
    expectProblem(await propose(t, { mentorId: boss.id, menteeId: mentee.id }), 422);
    expectProblem(await propose(t, { mentorId: report.id, menteeId: mentee.id }), 422);
    expectProblem(await propose(t, { mentorId: noProfile.id, menteeId: mentee.id }), 422);
    expectProblem(await propose(t, { mentorId: 'emp_nobody', menteeId: mentee.id }), 422);
    expectProblem(await propose(t, { mentorId: other.id, menteeId: other.id }), 400);
    expectProblem(await propose(t, { mentorId: other.id, menteeId: mentee.id, focus: ['NO-SUCH'] }), 422);
    expectProblem(await propose(t, { mentorId: other.id, menteeId: mentee.id }, other.token), 403);
    const ok = await propose(t, {
      mentorId: other.id,
      menteeId: mentee.id,
      focus: ['INTEGRITAS'],
      goals: [{ title: 'Memimpin rapat koordinasi', dueDate: '2026-09-30' }],
    });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.focus).toEqual([expect.stringMatching(/^natcmp_/)]);
    const goals = await api('GET', `/api/v1/tenants/${t.slug}/pairings/${ok.body.id}/goals`, { token: mentee.token });
    expect(goals.body.items).toMatchObject([{ title: 'Memimpin rapat koordinasi', status: 'open', dueDate: '2026-09-30' }]);
    const coaching = await propose(t, { kind: 'coaching', mentorId: boss.id, menteeId: mentee.id });
    expect(coaching.status, coaching.text).toBe(201);
  });
});
