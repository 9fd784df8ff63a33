/**
 * Retiring national competencies and programs: hidden from new use and from default lists,
 * readable with their status and date, everything that already uses them keeps working, reversible
 * by the national admin, audited, the same in every database. And a tenant's own programs, which
 * had an archive state, retire the same way.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant, manifestFor, type TestTenant, uniqueSlug } from '../../support/factories';
import { createOffering, createProgram, enroll, programBody } from '../catalog/helpers';
import { levels, putStandards } from '../competencies/helpers';
import { createEmployee, orgIds } from '../employees/helpers';

const code = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;

async function nationalCompetency(t: TestTenant, prefix = 'RET') {
  const c = code(prefix);
  const res = await api('PUT', `/api/v1/national/competencies/${c}`, {
    token: t.nationalToken,
    body: { name: `Kompetensi ${c}`, type: 'manajerial', description: 'Kompetensi nasional yang akan dipensiunkan', levels },
  });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; code: string; version: number };
}

const retire = (t: TestTenant, kind: 'competencies' | 'programs', c: string, action: 'retire' | 'reinstate' = 'retire', headers = {}) =>
  api('POST', `/api/v1/national/${kind}/${c}/${action}`, { token: t.nationalToken, headers });

const codesOf = (res: { body: { items: { code: string }[] } }) => res.body.items.map((i) => i.code);

const nationalAudit = async (entityId: string) =>
  (
    await env.DB.prepare("select action from audit_log where tenant_id = '' and entity_id = ? order by at, id")
      .bind(entityId)
      .all<{ action: string }>()
  ).results.map((r) => r.action);

describe('retiring a national competency', () => {
  it('hides it from lists and new use; what already uses it keeps working; reinstating undoes it', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    const c = await nationalCompetency(t);
    expect((await putStandards(t, ids.KADINKES as string, [{ competency: c.code, requiredLevel: 3 }])).status).toBe(200);
    const person = (await createEmployee(t, { positionId: ids.KADINKES })).body;

    const retired = await retire(t, 'competencies', c.code);
    expect(retired.status, retired.text).toBe(200);
    expect(retired.body).toMatchObject({ code: c.code, status: 'retired', version: c.version + 1 });
    expect(retired.body.retiredAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    expect(retired.headers.get('etag')).toBe(`"v${c.version + 1}"`);
    // Again: nothing changes, nothing more is audited.
    const again = await retire(t, 'competencies', c.code);
    expect(again.body).toMatchObject({ version: c.version + 1, retiredAt: retired.body.retiredAt });
    expect(await nationalAudit(c.id)).toEqual(['competency.national.create', 'competency.national.retire']);
    // Written to every database.
    for (const db of [env.DB, env.DB_DEDICATED])
      expect(await db.prepare("select retired_at from competencies where tenant_id = '' and id = ?").bind(c.id).first('retired_at')).toBe(
        retired.body.retiredAt,
      );

    // Lists leave it out unless asked; reading it by id shows its state.
    const list = (q = '') => api('GET', `/api/v1/tenants/${t.slug}/competencies?scope=national&limit=500${q}`, { token: t.adminToken });
    expect(codesOf(await list())).not.toContain(c.code);
    expect(codesOf(await list('&status=retired'))).toEqual([c.code]);
    expect(codesOf(await list('&status=all'))).toContain(c.code);
    expect(codesOf(await list('&status=all'))).toContain('INTEGRITAS');
    const national = (q = '') => api('GET', `/api/v1/national/competencies?limit=500${q}`, { token: t.nationalToken });
    expect(codesOf(await national())).not.toContain(c.code);
    expect(codesOf(await national('&status=retired'))).toEqual([c.code]);
    const one = await api('GET', `/api/v1/tenants/${t.slug}/competencies/${c.id}`, { token: t.employeeToken });
    expect(one.body).toMatchObject({ status: 'retired', retiredAt: retired.body.retiredAt });

    // What uses it keeps working: the standard line stays and may change; assessments are recorded; the gap counts it.
    const kept = await putStandards(t, ids.KADINKES as string, [{ competency: c.code, requiredLevel: 4, weight: 2 }]);
    expect(kept.status, kept.text).toBe(200);
    const assessed = await api('POST', `/api/v1/tenants/${t.slug}/assessments`, {
      token: t.adminToken,
      body: { employeeId: person.id, competency: c.code, level: 2, source: 'supervisor', date: '2026-01-15' },
    });
    expect(assessed.status, assessed.text).toBe(201);
    const gaps = await api('GET', `/api/v1/tenants/${t.slug}/employees/${person.id}/gaps`, { token: t.adminToken });
    expect(gaps.body.items).toEqual([expect.objectContaining({ code: c.code, required: 4, current: 2, gap: 2 })]);

    // New use is refused, each with the field that names it.
    const added = await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [{ competency: c.code, requiredLevel: 2 }]);
    expect(expectProblem(added, 422).errors).toEqual([
      { path: 'body.standards.0.competency', message: expect.stringContaining('retired') },
    ]);
    const program = await api('POST', `/api/v1/tenants/${t.slug}/programs`, {
      token: t.adminToken,
      body: programBody({ targets: [{ competency: c.code, expectedGain: 1 }] }),
    });
    expect(expectProblem(program, 422).errors).toEqual([
      { path: 'body.targets.0.competency', message: expect.stringContaining('retired') },
    ]);
    const mentor = await api('POST', `/api/v1/tenants/${t.slug}/mentors`, {
      token: t.adminToken,
      body: { employeeId: person.id, competencies: ['INTEGRITAS', c.code] },
    });
    expect(expectProblem(mentor, 422).errors).toEqual([{ path: 'body.competencies.1', message: expect.stringContaining('retired') }]);
    expect(await env.DB.prepare('select count(*) as n from mentor_profiles where tenant_id = ?').bind(t.id).first('n')).toBe(0);

    // Reinstated: in the lists and in use again.
    const back = await retire(t, 'competencies', c.code, 'reinstate');
    expect(back.body).toMatchObject({ status: 'active', retiredAt: null, version: c.version + 2 });
    expect(codesOf(await list())).toContain(c.code);
    expect((await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [{ competency: c.code, requiredLevel: 2 }])).status).toBe(200);
    expect(await nationalAudit(c.id)).toEqual([
      'competency.national.create',
      'competency.national.retire',
      'competency.national.reinstate',
    ]);
  });

  it('keeps it in a manifest standard that has it, refuses it in one that does not', async () => {
    const t = await createTenant();
    const c = await nationalCompetency(t);
    const withStandard = (slug: string, jpTarget = 20) =>
      manifestFor(slug, {
        jpTarget,
        positions: [
          {
            code: 'KADINKES',
            name: 'Kepala Dinas Kesehatan',
            category: 'jpt_pratama',
            standards: [{ competency: c.code, requiredLevel: 3 }],
          },
        ],
      });
    const keeper = uniqueSlug();
    const national = t.nationalToken;
    expect((await api('POST', '/api/v1/tenants', { token: national, body: withStandard(keeper) })).status).toBe(201);
    expect((await retire(t, 'competencies', c.code)).status).toBe(200);

    // Another JP target, so the manifest is applied again rather than recognised as the same one.
    const again = await api('POST', '/api/v1/tenants', { token: national, body: withStandard(keeper, 22) });
    expect(again.status, again.text).toBe(200);
    expect(again.body.standards).toEqual({ created: 0, updated: 0, unchanged: 1 });

    const newcomer = uniqueSlug();
    const refused = await api('POST', '/api/v1/tenants', { token: national, body: withStandard(newcomer) });
    expect(expectProblem(refused, 400).errors).toEqual([
      { path: 'body.positions.0.standards.0.competency', message: expect.stringContaining('retired') },
    ]);
    expect(await env.DB.prepare('select count(*) as n from tenants where slug = ?').bind(newcomer).first('n')).toBe(0);
  });

  it('answers 404 for an unknown code, 412 for a stale If-Match, 403 for anyone but the national admin', async () => {
    const t = await createTenant();
    const c = await nationalCompetency(t);
    expectProblem(await retire(t, 'competencies', 'TIDAK-ADA'), 404);
    expectProblem(await retire(t, 'competencies', c.code, 'retire', { 'if-match': `"v${c.version + 5}"` }), 412);
    expect((await retire(t, 'competencies', c.code, 'retire', { 'if-match': `"v${c.version}"` })).status).toBe(200);
    expectProblem(await api('POST', `/api/v1/national/competencies/${c.code}/reinstate`, { token: t.adminToken }), 403);
    const still = await api('GET', `/api/v1/national/competencies?status=retired&limit=500`, { token: t.nationalToken });
    expect(codesOf(still)).toContain(c.code);
  });
});

describe('retiring a national program', () => {
  it('refuses new offerings, lets current ones run, survives a PUT, and comes back when reinstated', async () => {
    const t = await createTenant();
    const c = code('NASPRG');
    const body = programBody({ code: undefined });
    const { code: _none, ...national } = body;
    const put = await api('PUT', `/api/v1/national/programs/${c}`, { token: t.nationalToken, body: national });
    expect(put.status, put.text).toBe(201);
    const offering = await createOffering(t, put.body.id);
    const [first, second] = [(await createEmployee(t)).body.id, (await createEmployee(t)).body.id];
    expect((await enroll(t, offering.id, [first])).status).toBe(201);

    const retired = await retire(t, 'programs', c);
    expect(retired.status, retired.text).toBe(200);
    expect(retired.body).toMatchObject({ id: put.body.id, status: 'retired', version: put.body.version + 1 });
    expect(await nationalAudit(put.body.id)).toEqual(['program.national.create', 'program.national.retire']);

    const newOffering = await api('POST', `/api/v1/tenants/${t.slug}/offerings`, {
      token: t.adminToken,
      body: { programId: put.body.id, startDate: '2099-05-04', endDate: '2099-05-08', capacity: 10, online: true },
    });
    expect(expectProblem(newOffering, 422).errors).toEqual([{ path: 'body.programId', message: 'retired program' }]);
    // The offering that exists runs on.
    const late = await enroll(t, offering.id, [second]);
    expect(late.status, late.text).toBe(201);
    expect(late.body.items[0]).toMatchObject({ employeeId: second, status: 'enrolled' });

    const programs = (q = '') => api('GET', `/api/v1/tenants/${t.slug}/programs?scope=national&limit=500${q}`, { token: t.adminToken });
    expect(codesOf(await programs())).not.toContain(c);
    expect(codesOf(await programs('&status=retired'))).toEqual([c]);
    expect(codesOf(await api('GET', '/api/v1/national/programs?limit=500', { token: t.nationalToken }))).not.toContain(c);
    expect((await api('GET', `/api/v1/tenants/${t.slug}/programs/${put.body.id}`, { token: t.employeeToken })).body.status).toBe('retired');

    // A PUT changes the content, never the retire state.
    const edited = await api('PUT', `/api/v1/national/programs/${c}`, { token: t.nationalToken, body: { ...national, jp: 30 } });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body).toMatchObject({ jp: 30, status: 'retired', retiredAt: retired.body.retiredAt });
    expectProblem(
      await api('PUT', `/api/v1/national/programs/${c}`, { token: t.nationalToken, body: { ...national, status: 'active' } }),
      400,
    );

    const back = await retire(t, 'programs', c, 'reinstate');
    expect(back.body).toMatchObject({ status: 'active', retiredAt: null });
    await createOffering(t, put.body.id);
  });

  it('keeps a retired competency a program already targets, refuses it as a new target', async () => {
    const t = await createTenant();
    const competency = await nationalCompetency(t, 'RETPRG');
    const c = code('NASPRG');
    const { code: _none, ...national } = programBody({ targets: [{ competency: competency.code, expectedGain: 1 }] });
    expect((await api('PUT', `/api/v1/national/programs/${c}`, { token: t.nationalToken, body: national })).status).toBe(201);
    const own = await createProgram(t, { targets: [{ competency: competency.code, expectedGain: 1 }] });
    expect((await retire(t, 'competencies', competency.code)).status).toBe(200);

    const kept = await api('PUT', `/api/v1/national/programs/${c}`, {
      token: t.nationalToken,
      body: { ...national, targets: [{ competency: competency.code, expectedGain: 2 }] },
    });
    expect(kept.status, kept.text).toBe(200);
    const patched = await api('PATCH', `/api/v1/tenants/${t.slug}/programs/${own.id}`, {
      token: t.adminToken,
      body: {
        targets: [
          { competency: competency.code, expectedGain: 2 },
          { competency: 'INTEGRITAS', expectedGain: 1 },
        ],
      },
      headers: { 'if-match': `"v${own.version}"` },
    });
    expect(patched.status, patched.text).toBe(200);
    const asPrerequisite = await api('PATCH', `/api/v1/tenants/${t.slug}/programs/${own.id}`, {
      token: t.adminToken,
      body: { prerequisites: [{ competency: competency.code, minimumLevel: 2 }] },
      headers: { 'if-match': `"v${own.version + 1}"` },
    });
    expect(expectProblem(asPrerequisite, 422).errors).toEqual([
      { path: 'body.prerequisites.0.competency', message: expect.stringContaining('retired') },
    ]);
    const other = await api('PUT', `/api/v1/national/programs/${code('NASPRG')}`, { token: t.nationalToken, body: national });
    expectProblem(other, 422);
  });
});

describe("a tenant's own program", () => {
  it('retires and comes back through its status, dated, out of the default list meanwhile', async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const path = `/api/v1/tenants/${t.slug}/programs/${program.id}` as const;
    const retired = await api('PATCH', path, { token: t.adminToken, body: { status: 'retired' }, headers: { 'if-match': '"v1"' } });
    expect(retired.status, retired.text).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired', retiredAt: expect.stringMatching(/^\d{4}-/) });
    const list = (q = '') => api('GET', `/api/v1/tenants/${t.slug}/programs?scope=tenant${q}`, { token: t.adminToken });
    expect(codesOf(await list())).toEqual([]);
    expect(codesOf(await list('&status=all'))).toEqual([program.code]);
    // Changing something else keeps the date it was retired.
    const renamed = await api('PATCH', path, { token: t.adminToken, body: { title: 'Bimtek Lama' }, headers: { 'if-match': '"v2"' } });
    expect(renamed.body).toMatchObject({ status: 'retired', retiredAt: retired.body.retiredAt });
    const back = await api('PATCH', path, { token: t.adminToken, body: { status: 'active' }, headers: { 'if-match': '"v3"' } });
    expect(back.body).toMatchObject({ status: 'active', retiredAt: null });
    expect(codesOf(await list())).toEqual([program.code]);
    const born = await createProgram(t, { status: 'retired' });
    expect((await api('GET', `/api/v1/tenants/${t.slug}/programs/${born.id}`, { token: t.adminToken })).body.retiredAt).not.toBeNull();
  });
});
