/**
 * Publishing a reviewed assignment: every pair proposed with its audit row and notification in one
 * batch, or nothing at all; a stranger 404, a pair that lost its place 409 naming it; a retried
 * submit creates nothing twice.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { mentorProfile, type Person, person, proposed } from './helpers';

const publish = (t: TestTenant, pairs: { mentorId: string; menteeId: string }[], key?: string) =>
  api('POST', `/api/v1/tenants/${t.slug}/pairings/publish`, {
    token: t.adminToken,
    body: { pairs },
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

async function counts(tenantId: string) {
  const one = async (q: string) => (await env.DB.prepare(q).bind(tenantId).first<{ n: number }>())?.n ?? 0;
  return {
    pairings: await one('select count(*) as n from pairings where tenant_id = ?'),
    audit: await one("select count(*) as n from audit_log where tenant_id = ? and action = 'pairing.propose'"),
    events: await one("select count(*) as n from notification_events where tenant_id = ? and kind = 'pairing.proposed'"),
  };
}

/** Two mentors (capacity 2 and 1) and three mentees, all of one tenant. */
async function pool(t: TestTenant) {
  const [m1, m2] = [await person(t, { name: 'Mentor Satu' }), await person(t, { name: 'Mentor Dua' })];
  await mentorProfile(t, m1.id, { capacity: 2 });
  await mentorProfile(t, m2.id, { capacity: 1 });
  const mentees: Person[] = [];
  for (const name of ['Peserta A', 'Peserta B', 'Peserta C']) mentees.push(await person(t, { name }));
  return { m1, m2, mentees: mentees as [Person, Person, Person] };
}

describe('publishing a reviewed assignment', () => {
  it('proposes every pair with its audit row and the mentor told, in the order given', async () => {
    const t = await createTenant();
    const { m1, m2, mentees } = await pool(t);
    const pairs = [
      { mentorId: m1.id, menteeId: mentees[0].id },
      { mentorId: m2.id, menteeId: mentees[1].id },
      { mentorId: m1.id, menteeId: mentees[2].id },
    ];
    const res = await publish(t, pairs);
    expect(res.status, res.text).toBe(201);
    expect(res.body.items.map((p) => [p.mentorId, p.menteeId, p.status, p.kind])).toEqual(
      pairs.map((p) => [p.mentorId, p.menteeId, 'proposed', 'mentoring']),
    );
    expect(res.body.items[1]).toMatchObject({ mentorName: 'Mentor Dua', menteeName: 'Peserta B' });
    // One read batch (people, profiles, reporting lines), one write batch.
    expect(res.cost.queries).toBe(2);
    expect(await counts(t.id)).toEqual({ pairings: 3, audit: 3, events: 3 });
    const listed = await api('GET', `/api/v1/tenants/${t.slug}/pairings?status=proposed`, { token: t.adminToken });
    expect(listed.body.items.map((p) => p.id).sort()).toEqual(res.body.items.map((p) => p.id).sort());
  });

  it('writes nothing when one pair lost its place: a full mentor or a mentee already paired, named in the problem', async () => {
    const t = await createTenant();
    const { m1, m2, mentees } = await pool(t);
    // Mentor Dua's one slot is taken meanwhile.
    await proposed(t, m2.id, (await person(t)).id);
    const before = await counts(t.id);
    const full = expectProblem(
      await publish(t, [
        { mentorId: m1.id, menteeId: mentees[0].id },
        { mentorId: m2.id, menteeId: mentees[1].id },
      ]),
      409,
    );
    expect(full.detail).toMatch(/Pair 1 \(Mentor Dua → Peserta B\): the mentor has no free slot/);
    expect(await counts(t.id)).toEqual(before);

    // Peserta C is paired meanwhile.
    await proposed(t, m1.id, mentees[2].id);
    const paired = expectProblem(
      await publish(t, [
        { mentorId: m1.id, menteeId: mentees[0].id },
        { mentorId: m1.id, menteeId: mentees[2].id },
      ]),
      409,
    );
    expect(paired.detail).toMatch(/Pair 1 \(Mentor Satu → Peserta C\): the mentee already has an open mentoring pairing/);
    expect((await counts(t.id)).pairings).toBe(before.pairings + 1);

    // The same mentee twice, or a mentor with no profile: 422 under the pair's path, nothing written.
    const twice = expectProblem(
      await publish(t, [
        { mentorId: m1.id, menteeId: mentees[0].id },
        { mentorId: m2.id, menteeId: mentees[0].id },
      ]),
      422,
    );
    expect(twice.errors).toEqual([{ path: 'body.pairs.1.menteeId', message: 'the same mentee as pair 0' }]);
    const noProfile = expectProblem(await publish(t, [{ mentorId: mentees[1].id, menteeId: mentees[0].id }]), 422);
    expect(noProfile.errors).toEqual([{ path: 'body.pairs.0.mentorId', message: 'no active mentor profile' }]);
    expect((await counts(t.id)).pairings).toBe(before.pairings + 1);
  });

  it("another tenant's people are 404, and nothing is written on either side", async () => {
    const [t, other] = [await createTenant(), await createTenant()];
    const { m1 } = await pool(t);
    const stranger = await person(other);
    const before = [await counts(t.id), await counts(other.id)];
    const res = expectProblem(await publish(t, [{ mentorId: m1.id, menteeId: stranger.id }]), 404);
    expect(res.errors).toEqual([{ path: 'body.pairs.0.menteeId', message: 'no such employee in this tenant' }]);
    expectProblem(await publish(other, [{ mentorId: m1.id, menteeId: stranger.id }]), 404);
    expect([await counts(t.id), await counts(other.id)]).toEqual(before);
    // Another region's admin may not even ask.
    const foreign = await api('POST', `/api/v1/tenants/${t.slug}/pairings/publish`, {
      token: other.adminToken,
      body: { pairs: [{ mentorId: m1.id, menteeId: stranger.id }] },
    });
    expect(foreign.status).toBe(403);
  });

  it('a double submit creates nothing twice: replayed with its key, refused without one', async () => {
    const t = await createTenant();
    const { m1, m2, mentees } = await pool(t);
    const pairs = [
      { mentorId: m1.id, menteeId: mentees[0].id },
      { mentorId: m2.id, menteeId: mentees[1].id },
    ];
    const [first, again] = await Promise.all([publish(t, pairs, 'publish-1'), publish(t, pairs, 'publish-1')]);
    const statuses = [first.status, again.status].sort();
    // Either the second ran after the first (a replay) or while it ran (409, retry): never a second write.
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(statuses);
    const replay = await publish(t, pairs, 'publish-1');
    expect(replay.status, replay.text).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const created = first.status === 201 ? first : again;
    expect(replay.body.items.map((p) => p.id)).toEqual(created.body.items.map((p) => p.id));
    expect(expectProblem(await publish(t, pairs), 409).detail).toMatch(/Pair 0 .*already has an open mentoring pairing/);
    expect(await counts(t.id)).toEqual({ pairings: 2, audit: 2, events: 2 });
  });
});
