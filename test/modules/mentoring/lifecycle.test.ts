/**
 * The pairing state machine, step by step and role by role: the mentor accepts or declines, either
 * member or the admin ends it, the rest are refused (404 for strangers, 403 for a member or admin
 * taking someone else's step, 409 for a step the state forbids).
 */
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { active, end, mentorProfile, type Person, person, proposed, step } from './helpers';

interface Cast {
  t: TestTenant;
  mentor: Person;
  mentee: Person;
  stranger: Person;
}

async function cast(): Promise<Cast> {
  const t = await createTenant();
  const [mentor, mentee, stranger] = [await person(t), await person(t), await person(t)];
  await mentorProfile(t, mentor.id, { capacity: 5 });
  return { t, mentor, mentee, stranger };
}

const statusOf = async (c: Cast, id: string) =>
  (await api('GET', `/api/v1/tenants/${c.t.slug}/pairings/${id}`, { token: c.t.adminToken })).body.status;

describe('pairing lifecycle', () => {
  it('proposed → active: only the mentor accepts', async () => {
    const c = await cast();
    const p = await proposed(c.t, c.mentor.id, c.mentee.id);
    expect(p.status).toBe('proposed');
    expectProblem(await step(c.t, p.id, 'accept', c.stranger.token), 404);
    expectProblem(await step(c.t, p.id, 'accept', c.mentee.token), 403);
    expectProblem(await step(c.t, p.id, 'accept', c.t.adminToken), 403);
    expectProblem(await step(c.t, p.id, 'accept', c.t.nationalToken), 403);
    expect(await statusOf(c, p.id)).toBe('proposed');
    const ok = await step(c.t, p.id, 'accept', c.mentor.token);
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ status: 'active', version: 2 });
    expect(ok.body.acceptedAt).toBeTruthy();
    // From active: accepting or declining again is a state conflict.
    expectProblem(await step(c.t, p.id, 'accept', c.mentor.token), 409);
    expectProblem(await step(c.t, p.id, 'decline', c.mentor.token), 409);
  });

  it('proposed → cancelled: the mentor declines with a reason; nobody else may', async () => {
    const c = await cast();
    const p = await proposed(c.t, c.mentor.id, c.mentee.id);
    expectProblem(await step(c.t, p.id, 'decline', c.stranger.token), 404);
    expectProblem(await step(c.t, p.id, 'decline', c.mentee.token), 403);
    expectProblem(await step(c.t, p.id, 'decline', c.t.adminToken), 403);
    expectProblem(await step(c.t, p.id, 'decline', c.mentor.token, {}), 400);
    const ok = await step(c.t, p.id, 'decline', c.mentor.token, { reason: 'Sedang tugas belajar' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ status: 'cancelled', endReason: 'Sedang tugas belajar', completedAt: null });
    for (const what of ['accept', 'decline'] as const) expectProblem(await step(c.t, p.id, what, c.mentor.token), 409);
    expectProblem(await end(c.t, p.id, c.t.adminToken, 'cancelled'), 409);
    expectProblem(await end(c.t, p.id, c.t.adminToken, 'completed'), 409);
  });

  it('proposed → cancelled by withdrawal: the mentee or the admin; the mentor declines instead; never completed', async () => {
    const c = await cast();
    const first = await proposed(c.t, c.mentor.id, c.mentee.id);
    expectProblem(await end(c.t, first.id, c.mentor.token, 'cancelled'), 403);
    expectProblem(await end(c.t, first.id, c.stranger.token, 'cancelled'), 404);
    expectProblem(await end(c.t, first.id, c.mentee.token, 'completed'), 409);
    expectProblem(await end(c.t, first.id, c.t.adminToken, 'completed'), 409);
    expect((await end(c.t, first.id, c.mentee.token, 'cancelled', 'Pindah tugas')).body).toMatchObject({
      status: 'cancelled',
      endReason: 'Pindah tugas',
    });
    const second = await proposed(c.t, c.mentor.id, c.mentee.id);
    expect((await end(c.t, second.id, c.t.adminToken, 'cancelled', 'Diganti mentor lain')).status).toBe(200);
    expect(await statusOf(c, second.id)).toBe('cancelled');
  });

  it('active → completed or cancelled: by the mentor, the mentee or the admin, with a reason; final states stay final', async () => {
    const c = await cast();
    const enders = [c.mentor.token, c.mentee.token, c.t.adminToken];
    for (const outcome of ['completed', 'cancelled'] as const) {
      for (const token of enders) {
        const id = await active(c.t, c.mentor, c.mentee.id);
        expectProblem(await end(c.t, id, c.stranger.token, outcome), 404);
        expectProblem(await end(c.t, id, c.t.nationalToken, outcome), 403);
        expectProblem(await step(c.t, id, 'end', token, { outcome }), 400);
        const ok = await end(c.t, id, token, outcome, 'Alasan yang jelas');
        expect(ok.status, ok.text).toBe(200);
        expect(ok.body).toMatchObject({ status: outcome, endReason: 'Alasan yang jelas' });
        expect(Boolean(ok.body.completedAt)).toBe(outcome === 'completed');
        for (const again of ['completed', 'cancelled'] as const) expectProblem(await end(c.t, id, token, again), 409);
        expectProblem(await step(c.t, id, 'accept', c.mentor.token), 409);
        expectProblem(await step(c.t, id, 'decline', c.mentor.token), 409);
      }
    }
  });

  it('answers 404 to a member of another pairing, for every step and read', async () => {
    const c = await cast();
    const other = await person(c.t);
    const theirs = await active(c.t, c.mentor, other.id);
    const mine = await proposed(c.t, c.mentor.id, c.mentee.id);
    const o = { token: other.token };
    expectProblem(await api('GET', `/api/v1/tenants/${c.t.slug}/pairings/${mine.id}`, o), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${c.t.slug}/pairings/${mine.id}/sessions`, o), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${c.t.slug}/pairings/${mine.id}/goals`, o), 404);
    expectProblem(await end(c.t, mine.id, other.token, 'cancelled'), 404);
    expect((await api('GET', `/api/v1/tenants/${c.t.slug}/pairings/${theirs}`, o)).status).toBe(200);
  });

  it("shows each member the other's name, in the pairing and in their list; a stranger still gets 404", async () => {
    const t = await createTenant();
    const mentor = await person(t, { name: 'Ratna Sari Dewi' });
    const mentee = await person(t, { name: 'Budi Santoso' });
    const stranger = await person(t);
    await mentorProfile(t, mentor.id, { capacity: 5 });
    const p = await proposed(t, mentor.id, mentee.id);
    for (const who of [mentor, mentee]) {
      const one = await api('GET', `/api/v1/tenants/${t.slug}/pairings/${p.id}`, { token: who.token });
      expect(one.status, one.text).toBe(200);
      expect(one.body).toMatchObject({ id: p.id, mentorName: 'Ratna Sari Dewi', menteeName: 'Budi Santoso' });
      const mine = await api('GET', '/api/v1/me/pairings', { token: who.token });
      expect(mine.body.items).toEqual([expect.objectContaining({ id: p.id, mentorName: 'Ratna Sari Dewi', menteeName: 'Budi Santoso' })]);
    }
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/pairings/${p.id}`, { token: stranger.token }), 404);
    expect((await api('GET', '/api/v1/me/pairings', { token: stranger.token })).body.items).toEqual([]);
  });

  it('records every step in the audit log', async () => {
    const c = await cast();
    const id = await active(c.t, c.mentor, c.mentee.id);
    await end(c.t, id, c.mentee.token, 'completed');
    const audit = await api('GET', `/api/v1/tenants/${c.t.slug}/audit?entity=pairing&limit=100`, { token: c.t.adminToken });
    const actions = audit.body.items
      .filter((a) => a.entityId === id)
      .map((a) => a.action)
      .sort();
    expect(actions).toEqual(['pairing.accept', 'pairing.complete', 'pairing.propose']);
  });
});
