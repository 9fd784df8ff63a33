import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { createTechnical } from '../competencies/helpers';
import { createOffering, createProgram, createProvider, programBody, programCode } from './helpers';

const national = (code: string) => ({
  title: `Pelatihan Kepemimpinan Administrator ${code}`,
  description: 'Pelatihan kepemimpinan nasional (PKA)',
  method: 'pelatihan_kepemimpinan',
  jp: 100.5,
  costPerParticipant: 35_000_000,
  hasTests: true,
  targets: [
    { competency: 'MENGELOLA-PERUBAHAN', expectedGain: 2 },
    { competency: 'PENGAMBILAN-KEPUTUSAN', expectedGain: 1 },
  ],
  prerequisites: [{ competency: 'INTEGRITAS', minimumLevel: 3 }],
});

describe('programs', () => {
  it('keeps national and tenant program codes apart, in both directions (409, nothing written)', async () => {
    const t = await createTenant();
    const own = programCode('OWN');
    expect((await createProgram(t, { code: own })).code).toBe(own);
    const clash = await api('PUT', `/api/v1/national/programs/${own}`, { token: t.nationalToken, body: national(own) });
    expectProblem(clash, 409);
    const nationalList = await api('GET', '/api/v1/national/programs?limit=500', { token: t.nationalToken });
    expect(nationalList.body.items.map((p) => p.code)).not.toContain(own);
    const nationalCode = programCode('NAT');
    expect(
      (await api('PUT', `/api/v1/national/programs/${nationalCode}`, { token: t.nationalToken, body: national(nationalCode) })).status,
    ).toBe(201);
    const taken = await api('POST', `/api/v1/tenants/${t.slug}/programs`, {
      token: t.adminToken,
      body: programBody({ code: nationalCode }),
    });
    expectProblem(taken, 409);
    const list = await api('GET', `/api/v1/tenants/${t.slug}/programs?scope=tenant&limit=500`, { token: t.adminToken });
    expect(list.body.items.map((p) => p.code)).toEqual([own]);
  });

  it('a tenant sees national programs and its own, never another tenant’s (404)', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const code = programCode('NAS');
    const put = await api('PUT', `/api/v1/national/programs/${code}`, { token: a.nationalToken, body: national(code) });
    expect(put.status, put.text).toBe(201);
    expect(put.body).toMatchObject({ scope: 'national', classical: true, jp: 100.5, hasTests: true, version: 1 });
    const again = await api('PUT', `/api/v1/national/programs/${code}`, { token: a.nationalToken, body: national(code) });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(1);
    const mine = await createProgram(a, { title: `Bimtek Rahasia ${a.slug}` });
    for (const t of [a, b]) {
      const list = await api('GET', `/api/v1/tenants/${t.slug}/programs?limit=500&scope=national`, { token: t.adminToken });
      expect(list.body.items.map((p) => p.id)).toContain(put.body.id);
      const one = await api('GET', `/api/v1/tenants/${t.slug}/programs/${put.body.id}`, { token: t.employeeToken });
      expect(one.status, one.text).toBe(200);
    }
    const theirs = await api('GET', `/api/v1/tenants/${b.slug}/programs?limit=500`, { token: b.adminToken });
    expect(theirs.text).not.toContain(mine.id);
    expect(theirs.text).not.toContain(a.slug);
    expectProblem(await api('GET', `/api/v1/tenants/${b.slug}/programs/${mine.id}`, { token: b.adminToken }), 404);
    const offering = await createOffering(a, mine.id);
    expectProblem(await api('GET', `/api/v1/tenants/${b.slug}/offerings/${offering.id}`, { token: b.adminToken }), 404);
    const foreign = await api('POST', `/api/v1/tenants/${b.slug}/offerings`, {
      token: b.adminToken,
      body: { programId: mine.id, startDate: '2099-01-01', endDate: '2099-01-02', capacity: 5, online: true },
    });
    expectProblem(foreign, 422);
    // A national program can be offered by any tenant, and is changed only nationally.
    expect((await createOffering(b, put.body.id, { online: true, location: undefined })).id).toBeTruthy();
    expectProblem(
      await api('PATCH', `/api/v1/tenants/${b.slug}/programs/${put.body.id}`, {
        token: b.adminToken,
        body: { title: 'Diubah' },
        headers: { 'if-match': '"v1"' },
      }),
      403,
    );
  });

  it('marks the two methods outside Perlan 10/2018: rotasi_jabatan (a regional practice) and tugas_belajar (formal education)', async () => {
    const t = await createTenant();
    const kinds: Record<string, [string, boolean]> = {
      kursus: ['perlan_klasikal', true],
      coaching: ['perlan_non_klasikal', false],
      rotasi_jabatan: ['regional_practice', false],
      tugas_belajar: ['formal_education', false],
    };
    for (const [method, [methodKind, classical]] of Object.entries(kinds)) {
      const made = await createProgram(t, { method, title: `Program ${method}` });
      const read = await api('GET', `/api/v1/tenants/${t.slug}/programs/${made.id}`, { token: t.employeeToken });
      expect(read.body, method).toMatchObject({ method, methodKind, classical });
    }
    // The reference says so next to the method codes.
    const doc = (await api('GET', '/api/v1/openapi.json')).body as {
      components: { schemas: Record<string, { properties: Record<string, { description?: string; enum?: string[] }> }> };
    };
    const program = doc.components.schemas.Program?.properties;
    expect(program?.method?.description).toMatch(
      /rotasi_jabatan \(job rotation, a regional practice\) and tugas_belajar \(formal education/,
    );
    expect(program?.methodKind?.enum).toEqual(['perlan_klasikal', 'perlan_non_klasikal', 'regional_practice', 'formal_education']);
  });

  it('filters by method, classical, competency, provider, cost, JP and title words', async () => {
    const t = await createTenant();
    const provider = await createProvider(t, 'BPSDM Provinsi Lampung', 'lan_bpsdm');
    const tech = await createTechnical(t, programCode('TEK'));
    const p1 = await createProgram(t, {
      title: 'Kursus Kearsipan Digital',
      method: 'kursus',
      jp: 8,
      costPerParticipant: 500_000,
      providerId: provider.id,
      targets: [{ competency: tech.code, expectedGain: 2 }],
    });
    const p2 = await createProgram(t, {
      title: 'E-Learning Etika ASN',
      method: 'e_learning',
      jp: 4.25,
      costPerParticipant: 0,
      targets: [{ competency: 'INTEGRITAS', expectedGain: 1 }],
    });
    const p3 = await createProgram(t, {
      title: 'Workshop Kearsipan Lanjutan',
      method: 'workshop',
      jp: 32,
      costPerParticipant: 4_000_000,
      targets: [{ competency: tech.id, expectedGain: 1 }],
    });
    const ids = async (query: string) =>
      (await api('GET', `/api/v1/tenants/${t.slug}/programs?scope=tenant&${query}`, { token: t.employeeToken })).body.items.map(
        (p) => p.id,
      );
    expect(await ids('method=kursus')).toEqual([p1.id]);
    expect(await ids('classical=false')).toEqual([p2.id]);
    expect((await ids(`competency=${tech.code}`)).sort()).toEqual([p1.id, p3.id].sort());
    expect(await ids(`provider=${provider.id}`)).toEqual([p1.id]);
    expect((await ids('maxCost=500000')).sort()).toEqual([p1.id, p2.id].sort());
    expect(await ids('minJp=4.25&maxJp=4.25')).toEqual([p2.id]);
    expect(await ids('q=kearsipan')).toEqual([p1.id, p3.id]);
    expect(await ids('competency=NO-SUCH')).toEqual([]);
    const page1 = await api('GET', `/api/v1/tenants/${t.slug}/programs?scope=tenant&limit=2`, { token: t.adminToken });
    const page2 = await api('GET', `/api/v1/tenants/${t.slug}/programs?scope=tenant&limit=2&cursor=${page1.body.nextCursor}`, {
      token: t.adminToken,
    });
    expect([...page1.body.items, ...page2.body.items].map((p) => p.title)).toEqual([
      'E-Learning Etika ASN',
      'Kursus Kearsipan Digital',
      'Workshop Kearsipan Lanjutan',
    ]);
    const one = await api('GET', `/api/v1/tenants/${t.slug}/programs/${p1.id}`, { token: t.adminToken });
    expect(one.body).toMatchObject({
      classical: true,
      provider: { id: provider.id, kind: 'lan_bpsdm' },
      targets: [{ code: tech.code, expectedGain: 2 }],
    });
  });

  it('updates with If-Match, replacing targets and prerequisites; stale writes change nothing', async () => {
    const t = await createTenant();
    const p = await createProgram(t);
    const path = `/api/v1/tenants/${t.slug}/programs/${p.id}` as const;
    expectProblem(await api('PATCH', path, { token: t.adminToken, body: { title: 'Baru' } }), 428);
    const ok = await api('PATCH', path, {
      token: t.adminToken,
      headers: { 'if-match': '"v1"' },
      body: {
        jp: 16,
        method: 'e_learning',
        targets: [{ competency: 'KOMUNIKASI', expectedGain: 2 }],
        prerequisites: [{ competency: 'INTEGRITAS', minimumLevel: 2 }],
      },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({
      version: 2,
      jp: 16,
      classical: false,
      targets: [{ code: 'KOMUNIKASI', expectedGain: 2 }],
      prerequisites: [{ code: 'INTEGRITAS', minimumLevel: 2 }],
    });
    const stale = await api('PATCH', path, {
      token: t.adminToken,
      headers: { 'if-match': '"v1"' },
      body: { targets: [{ competency: 'PEREKAT-BANGSA', expectedGain: 1 }] },
    });
    expectProblem(stale, 412);
    const read = await api('GET', path, { token: t.adminToken });
    expect(read.body.targets).toEqual(ok.body.targets);
    expect(read.headers.get('etag')).toBe('"v2"');
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const t = await createTenant();
    const before = await env.DB.prepare(
      'select (select count(*) from programs where tenant_id = ?1) + (select count(*) from program_competencies where tenant_id = ?1) as n',
    )
      .bind(t.id)
      .first<{ n: number }>();
    const post = (body: unknown) => api('POST', `/api/v1/tenants/${t.slug}/programs`, { token: t.adminToken, body });
    expectProblem(await post(programBody({ method: 'klasikal' })), 400);
    expectProblem(await post(programBody({ jp: 1.234 })), 400);
    expectProblem(await post(programBody({ costPerParticipant: 1.5 })), 400);
    expectProblem(await post(programBody({ costPerParticipant: -1 })), 400);
    expectProblem(await post(programBody({ classical: true })), 400);
    expectProblem(await post(programBody({ targets: [] })), 400);
    expectProblem(await post(programBody({ targets: [{ competency: 'INTEGRITAS', expectedGain: 5 }] })), 400);
    const unknown = await post(programBody({ targets: [{ competency: 'NO-SUCH', expectedGain: 1 }] }));
    expect(expectProblem(unknown, 422).errors?.[0]?.path).toBe('body.targets.0.competency');
    expectProblem(await post(programBody({ providerId: 'prv_nope' })), 422);
    const other = await createTenant();
    const theirs = await createProvider(other);
    expectProblem(await post(programBody({ providerId: theirs.id })), 422);
    const after = await env.DB.prepare(
      'select (select count(*) from programs where tenant_id = ?1) + (select count(*) from program_competencies where tenant_id = ?1) as n',
    )
      .bind(t.id)
      .first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
    const code = programCode();
    await createProgram(t, { code });
    expectProblem(await post(programBody({ code })), 409);
    expectProblem(
      await api('PUT', `/api/v1/national/programs/${programCode('NAS')}`, {
        token: t.nationalToken,
        body: { ...national('X'), targets: [{ competency: 'TEK-LOCAL', expectedGain: 1 }] },
      }),
      422,
    );
  });
});

describe('national curation', () => {
  it('bumps the version only on change, honours If-Match, and reaches the dedicated database too', async () => {
    const t = await createTenant();
    const code = programCode('NAS');
    const path = `/api/v1/national/programs/${code}` as const;
    expect((await api('PUT', path, { token: t.nationalToken, body: national(code) })).status).toBe(201);
    const changed = await api('PUT', path, {
      token: t.nationalToken,
      body: { ...national(code), prerequisites: [] },
      headers: { 'if-match': '"v1"' },
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, prerequisites: [] });
    expectProblem(await api('PUT', path, { token: t.nationalToken, body: national(code), headers: { 'if-match': '"v1"' } }), 412);
    const dedicated = await env.DB_DEDICATED.prepare("select version from programs where tenant_id = '' and code = ?")
      .bind(code)
      .first<{ version: number }>();
    expect(dedicated?.version).toBe(2);
    const list = await api('GET', '/api/v1/national/programs?limit=500', { token: t.nationalToken });
    expect(list.body.items.map((p) => p.code)).toContain(code);
  });
});
