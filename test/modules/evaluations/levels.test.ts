import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { race } from '../../support/races';
import { person } from '../mentoring/helpers';
import { answers, cohort, rate, react, scores, today } from './level-helpers';

describe('L1 reaction', () => {
  it('is answered once by the participant of a completed enrollment; anyone else gets 404', async () => {
    const t = await createTenant();
    const c = await cohort(t, 2);
    const [one, two] = c.participants as [(typeof c.participants)[0], (typeof c.participants)[0]];
    expectProblem(await react(t, one.enrollmentId, two.token), 404);
    expectProblem(await react(t, one.enrollmentId, c.supervisor.token), 404);
    expectProblem(await react(t, one.enrollmentId, t.adminToken), 403);
    expectProblem(await react(t, one.enrollmentId, t.nationalToken), 403);
    expectProblem(await react(t, one.enrollmentId, one.token, { answers: { ...answers(), materi: 6 } }), 400);
    expectProblem(await react(t, one.enrollmentId, one.token, { answers: { materi: 4 } }), 400);
    const first = await react(t, one.enrollmentId, one.token);
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({
      enrollmentId: one.enrollmentId,
      offeringId: c.offeringId,
      answers: answers(),
      comment: 'Materi sangat relevan dengan tugas',
    });
    expectProblem(await react(t, one.enrollmentId, one.token), 409);
  });

  it('is refused before completion', async () => {
    const t = await createTenant();
    const c = await cohort(t, 1, { completedOn: null });
    const p = c.participants[0] as (typeof c.participants)[0];
    const res = await react(t, p.enrollmentId, p.token);
    expect(expectProblem(res, 409).detail).toContain('enrolled');
  });

  it('keeps exactly one of parallel answers', async () => {
    const t = await createTenant();
    const c = await cohort(t, 1);
    const p = c.participants[0] as (typeof c.participants)[0];
    const { tally } = await race(6, (i) =>
      react(t, p.enrollmentId, p.token, { answers: answers([1 + (i % 5), 4, 4, 4, 4, 4]), comment: null }),
    );
    expect(tally).toEqual({ 201: 1, 409: 5 });
    const report = await api('GET', `/api/v1/tenants/${t.slug}/offerings/${c.offeringId}/evaluation`, { token: t.adminToken });
    expect(report.body.l1.responses).toBe(1);
  });
});

describe('L2 learning', () => {
  it('upserts pre- and post-test scores per enrollment with gain and normalized gain', async () => {
    const t = await createTenant();
    const c = await cohort(t, 3, { completedOn: null });
    const [a, b, d] = c.participants.map((p) => p.enrollmentId) as [string, string, string];
    const first = await scores(t, c.offeringId, [
      { enrollmentId: a, pre: 40 },
      { enrollmentId: b, pre: 100, post: 100 },
      { enrollmentId: d, pre: 55.5, post: 70 },
    ]);
    expect(first.status, first.text).toBe(200);
    // A later write of the post-test keeps the pre-test.
    const second = await scores(t, c.offeringId, [{ enrollmentId: a, post: 70 }]);
    const byId = Object.fromEntries(second.body.items.map((s) => [s.enrollmentId, s]));
    expect(byId[a]).toMatchObject({ pre: 40, post: 70, gain: 30, normalizedGain: 0.5 });
    expect(byId[b]).toMatchObject({ pre: 100, post: 100, gain: 0, normalizedGain: null });
    expect(byId[d]).toMatchObject({ pre: 55.5, post: 70, gain: 14.5, normalizedGain: 0.3258 }); // 14.5 / 44.5
    const single = await api('PUT', `/api/v1/tenants/${t.slug}/enrollments/${a}/test-scores`, { token: t.adminToken, body: { post: 85 } });
    expect(single.status, single.text).toBe(200);
    expect(single.body).toMatchObject({ enrollmentId: a, pre: 40, post: 85, gain: 45, normalizedGain: 0.75 });
  });

  it('reads back what was written, in one D1 round trip; a write takes two; another tenant gets 404', async () => {
    const t = await createTenant();
    const c = await cohort(t, 3);
    const [a, b, d] = c.participants.map((p) => p.enrollmentId) as [string, string, string];
    const read = () => api('GET', `/api/v1/tenants/${t.slug}/offerings/${c.offeringId}/test-scores`, { token: t.adminToken });
    const empty = await read();
    expect(empty.status, empty.text).toBe(200);
    expect(empty.body.items).toEqual([]);
    const written = await scores(t, c.offeringId, [
      { enrollmentId: a, pre: 40, post: 70 },
      { enrollmentId: b, pre: 62.5 },
    ]);
    expect(written.status, written.text).toBe(200);
    // The checks' reads in one batch; the upserts, the audit row and the read-back in another.
    expect(written.cost.queries).toBe(2);
    const back = await read();
    expect(back.status, back.text).toBe(200);
    expect(back.cost.queries).toBe(1);
    expect(back.body).toEqual(written.body);
    expect(back.body.items.map((s) => s.enrollmentId)).toEqual([a, b].sort());
    expect(back.body.items.find((s) => s.enrollmentId === a)).toMatchObject({ pre: 40, post: 70, gain: 30, normalizedGain: 0.5 });
    expect(back.body.items.find((s) => s.enrollmentId === b)).toMatchObject({ pre: 62.5, post: null, gain: null });
    // A correction of one score: the rest stays as it was.
    const corrected = await scores(t, c.offeringId, [{ enrollmentId: b, post: 77.5 }]);
    expect(corrected.cost.queries).toBe(2);
    const again = await read();
    expect(again.body.items.find((s) => s.enrollmentId === b)).toMatchObject({ pre: 62.5, post: 77.5, gain: 15, normalizedGain: 0.4 });
    expect(again.body.items.find((s) => s.enrollmentId === d)).toBeUndefined();
    const other = await createTenant();
    expectProblem(
      await api('GET', `/api/v1/tenants/${other.slug}/offerings/${c.offeringId}/test-scores`, { token: other.adminToken }),
      404,
    );
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/offerings/ofr_none/test-scores`, { token: t.adminToken }), 404);
    const participant = c.participants[0] as { token: string };
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/offerings/${c.offeringId}/test-scores`, { token: participant.token }), 403);
  });

  it('refuses scores out of range, of another offering, of a program without tests, and writes nothing', async () => {
    const t = await createTenant();
    const c = await cohort(t, 1, { completedOn: null });
    const other = await cohort(t, 1, { completedOn: null });
    const noTests = await cohort(t, 1, { completedOn: null, hasTests: false });
    const mine = (c.participants[0] as { enrollmentId: string }).enrollmentId;
    expectProblem(await scores(t, c.offeringId, [{ enrollmentId: mine, pre: 101 }]), 400);
    expectProblem(await scores(t, c.offeringId, [{ enrollmentId: mine, pre: -1 }]), 400);
    expectProblem(await scores(t, c.offeringId, [{ enrollmentId: mine }]), 400);
    const mixed = await scores(t, c.offeringId, [
      { enrollmentId: mine, pre: 50 },
      { enrollmentId: (other.participants[0] as { enrollmentId: string }).enrollmentId, pre: 60 },
    ]);
    expect(expectProblem(mixed, 422).errors?.[0]?.path).toBe('body.scores.1.enrollmentId');
    expectProblem(
      await scores(t, noTests.offeringId, [{ enrollmentId: (noTests.participants[0] as { enrollmentId: string }).enrollmentId, pre: 50 }]),
      422,
    );
    expectProblem(
      await scores(t, c.offeringId, [
        { enrollmentId: mine, pre: 50 },
        { enrollmentId: mine, post: 60 },
      ]),
      422,
    );
    const participant = c.participants[0] as { token: string };
    expectProblem(
      await api('PUT', `/api/v1/tenants/${t.slug}/offerings/${c.offeringId}/test-scores`, {
        token: participant.token,
        body: { scores: [{ enrollmentId: mine, pre: 1 }] },
      }),
      403,
    );
    const report = await api('GET', `/api/v1/tenants/${t.slug}/offerings/${c.offeringId}/evaluation`, { token: t.adminToken });
    expect(report.body.participants).toEqual([]);
  });
});

describe('L3 behaviour', () => {
  it("belongs to the participant's supervisor, once, after the waiting days", async () => {
    const t = await createTenant();
    const c = await cohort(t, 1, { completedOn: '2026-01-12' });
    const p = c.participants[0] as (typeof c.participants)[0];
    const stranger = await person(t);
    expectProblem(await rate(t, p.enrollmentId, p.token), 404);
    expectProblem(await rate(t, p.enrollmentId, stranger.token), 404);
    expectProblem(await rate(t, p.enrollmentId, t.adminToken), 403);
    expectProblem(await rate(t, p.enrollmentId, c.supervisor.token, { rating: 0 }), 400);
    const res = await rate(t, p.enrollmentId, c.supervisor.token);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ enrollmentId: p.enrollmentId, employeeId: p.id, rating: 4, assessments: 0 });
    expectProblem(await rate(t, p.enrollmentId, c.supervisor.token), 409);
  });

  it('is refused before the waiting period ends, with the day it opens; the tenant setting moves that day', async () => {
    const t = await createTenant();
    const completedOn = today();
    const c = await cohort(t, 1, { completedOn });
    const p = c.participants[0] as (typeof c.participants)[0];
    const early = await rate(t, p.enrollmentId, c.supervisor.token);
    const tooEarly = expectProblem(early, 409);
    const opens = new Date(`${completedOn}T00:00:00Z`);
    opens.setUTCDate(opens.getUTCDate() + 30);
    expect(tooEarly.detail).toContain(`opens on ${opens.toISOString().slice(0, 10)}`);
    const put = await api('PUT', `/api/v1/tenants/${t.slug}/evaluation-settings`, {
      token: t.adminToken,
      body: { l3WaitingDays: 0 },
      headers: { 'if-match': '"v0"' },
    });
    expect(put.status, put.text).toBe(200);
    const res = await rate(t, p.enrollmentId, c.supervisor.token);
    expect(res.status, res.text).toBe(201);
  });

  it('refuses before completion and keeps one of parallel ratings', async () => {
    const t = await createTenant();
    const open = await cohort(t, 1, { completedOn: null });
    const o = open.participants[0] as (typeof open.participants)[0];
    expectProblem(await rate(t, o.enrollmentId, open.supervisor.token), 409);
    const c = await cohort(t, 1, { completedOn: '2026-01-12' });
    const p = c.participants[0] as (typeof c.participants)[0];
    const { tally } = await race(5, () =>
      rate(t, p.enrollmentId, c.supervisor.token, { rating: 3, assessments: [{ competency: 'INTEGRITAS', level: 3 }] }),
    );
    expect(tally).toEqual({ 201: 1, 409: 4 });
    const history = await api('GET', `/api/v1/tenants/${t.slug}/employees/${p.id}/assessments`, { token: t.adminToken });
    expect(history.body.items.filter((a) => a.source === 'evaluation')).toHaveLength(1);
  });
});
