/** Mentor profiles (admin keeps them, an employee reads their own) and /me/pairings. */
import { describe, expect, it } from 'vitest';
import { api, expectProblem, type Query } from '../../support/api';
import { createTenant } from '../../support/factories';
import { createTechnical } from '../competencies/helpers';
import { active, end, mentorProfile, person, proposed } from './helpers';

describe('mentor profiles', () => {
  it('creates with defaults, refuses a second profile, unknown people and competencies; versions with If-Match', async () => {
    const t = await createTenant();
    const [mentor, other] = [await person(t), await person(t)];
    const tek = await createTechnical(t, 'TEK-GIZI');
    const url = `/api/v1/tenants/${t.slug}/mentors` as const;
    const created = await api('POST', url, {
      token: t.adminToken,
      body: { employeeId: mentor.id, competencies: ['TEK-GIZI', 'INTEGRITAS', tek.id], availability: 'Rabu sore' },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ employeeId: mentor.id, capacity: 3, status: 'active', availability: 'Rabu sore', version: 1 });
    expect(created.body.competencies).toHaveLength(2);
    expect(created.body.competencies).toContain(tek.id);
    expectProblem(await api('POST', url, { token: t.adminToken, body: { employeeId: mentor.id } }), 409);
    expectProblem(await api('POST', url, { token: t.adminToken, body: { employeeId: 'emp_nobody' } }), 422);
    expectProblem(await api('POST', url, { token: t.adminToken, body: { employeeId: other.id, competencies: ['NOPE'] } }), 422);
    expectProblem(await api('POST', url, { token: t.adminToken, body: { employeeId: other.id, capacity: -1 } }), 400);
    expectProblem(await api('POST', url, { token: mentor.token, body: { employeeId: other.id } }), 403);

    const one = `${url}/${created.body.id}` as const;
    expectProblem(await api('PATCH', one, { token: t.adminToken, body: { capacity: 5 } }), 428);
    const changed = await api('PATCH', one, {
      token: t.adminToken,
      headers: { 'if-match': '"v1"' },
      body: { capacity: 5, availability: null, status: 'paused' },
    });
    expect(changed.body).toMatchObject({ capacity: 5, availability: null, status: 'paused', version: 2 });
    expect(changed.headers.get('etag')).toBe('"v2"');
    expectProblem(await api('PATCH', one, { token: t.adminToken, headers: { 'if-match': '"v1"' }, body: { capacity: 1 } }), 412);

    // The mentor reads their own profile; another employee gets 404; the national admin 403.
    expect((await api('GET', one, { token: mentor.token })).body).toMatchObject({ capacity: 5 });
    expectProblem(await api('GET', one, { token: other.token }), 404);
    expectProblem(await api('GET', one, { token: t.nationalToken }), 403);
    const list = await api('GET', `${url}?status=paused`, { token: t.adminToken });
    expect(list.body.items.map((m) => m.id)).toEqual([created.body.id]);
    // The list names each mentor (the registry's name of the profile's employee).
    const record = await api('GET', `/api/v1/tenants/${t.slug}/employees/${mentor.id}`, { token: t.adminToken });
    expect(list.body.items[0]?.name).toBe(record.body.name);
    expect((await api('GET', `${url}?status=active`, { token: t.adminToken })).body.items).toEqual([]);
  });
});

describe('/me/pairings', () => {
  it('an employee sees the pairings they belong to, as mentor or mentee; the admin sees all; the national admin none', async () => {
    const t = await createTenant();
    const [mentor, mentee, third, stranger] = [await person(t), await person(t), await person(t), await person(t)];
    await mentorProfile(t, mentor.id);
    await mentorProfile(t, third.id);
    const first = await active(t, mentor, mentee.id);
    const second = (await proposed(t, third.id, mentor.id)).id;
    const elsewhere = (await proposed(t, third.id, stranger.id)).id;
    await end(t, first, mentee.token, 'completed');
    const mine = async (token: string, q: Query = '') =>
      (await api('GET', `/api/v1/me/pairings${q}`, { token })).body.items.map((p) => p.id);
    expect(await mine(mentor.token)).toEqual([first, second]);
    expect(await mine(mentee.token)).toEqual([first]);
    expect(await mine(stranger.token)).toEqual([elsewhere]);
    expect(await mine(mentor.token, '?status=proposed')).toEqual([second]);
    expect(await mine(t.adminToken)).toEqual([first, second, elsewhere]);
    expectProblem(await api('GET', '/api/v1/me/pairings', { token: t.nationalToken }), 403);
    // Pages: one at a time, no repeats, no gaps.
    const page1 = await api('GET', '/api/v1/me/pairings?limit=1', { token: mentor.token });
    const page2 = await api('GET', `/api/v1/me/pairings?limit=1&cursor=${page1.body.nextCursor}`, { token: mentor.token });
    expect([...page1.body.items, ...page2.body.items].map((p) => p.id)).toEqual([first, second]);
    expect(page2.body.nextCursor).toBeNull();
    // The admin list is the admin's only.
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/pairings`, { token: mentor.token }), 403);
    const filtered = await api('GET', `/api/v1/tenants/${t.slug}/pairings?mentor=${third.id}`, { token: t.adminToken });
    expect(filtered.body.items.map((p) => p.id)).toEqual([second, elsewhere]);
  });
});
