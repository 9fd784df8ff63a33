import { describe, expect, it } from 'vitest';
import { type ApiResponse, api, expectProblem, type ResponseBody } from '../support/api';
import { createTenant, type TestTenant } from '../support/factories';

const unitsPath = (t: TestTenant) => `/api/v1/tenants/${t.slug}/units` as const;
const positionsPath = (t: TestTenant) => `/api/v1/tenants/${t.slug}/positions` as const;

describe('units', () => {
  it('creates, reads with an ETag, changes with If-Match and deletes an unused unit', async () => {
    const t = await createTenant();
    const created = await api('POST', unitsPath(t), {
      token: t.adminToken,
      body: { code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah', kind: 'badan' },
    });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^unt_[0-9a-z]{16}$/);
    expect(created.headers.get('location')).toBe(`${unitsPath(t)}/${created.body.id}`);
    const read = await api('GET', `${unitsPath(t)}/${created.body.id}`, { token: t.employeeToken });
    expect(read.headers.get('etag')).toBe('"v1"');
    expect(read.body).toMatchObject({ code: 'BAPPEDA', parentId: null, version: 1 });
    expect(read.body).not.toHaveProperty('tenantId');

    const child = await api('POST', unitsPath(t), {
      token: t.adminToken,
      body: { code: 'BAPPEDA-REN', name: 'Bidang Perencanaan', kind: 'bidang', parentId: created.body.id },
    });
    expect(child.status).toBe(201);
    expectProblem(await api('DELETE', `${unitsPath(t)}/${created.body.id}`, { token: t.adminToken, headers: { 'if-match': '"v1"' } }), 409);
    expect((await api('DELETE', `${unitsPath(t)}/${child.body.id}`, { token: t.adminToken, headers: { 'if-match': '"v1"' } })).status).toBe(
      204,
    );
    expect(
      (await api('DELETE', `${unitsPath(t)}/${created.body.id}`, { token: t.adminToken, headers: { 'if-match': '"v1"' } })).status,
    ).toBe(204);
    expectProblem(await api('GET', `${unitsPath(t)}/${created.body.id}`, { token: t.adminToken }), 404);
  });

  it('refuses a duplicate code (409) and a loop in the tree (422)', async () => {
    const t = await createTenant();
    expectProblem(
      await api('POST', unitsPath(t), { token: t.adminToken, body: { code: 'DINKES', name: 'Dinas Kesehatan Dua', kind: 'dinas' } }),
      409,
    );
    const units = (await api('GET', unitsPath(t), { token: t.adminToken })).body.items;
    const dinkes = units.find((u) => u.code === 'DINKES')!;
    const yankes = units.find((u) => u.code === 'DINKES-YANKES')!;
    const loop = await api('PATCH', `${unitsPath(t)}/${dinkes.id}`, {
      token: t.adminToken,
      body: { parentId: yankes.id },
      headers: { 'if-match': '"v1"' },
    });
    expect(expectProblem(loop, 422).errors?.[0]?.path).toBe('body.parentId');
    const self = await api('PATCH', `${unitsPath(t)}/${dinkes.id}`, {
      token: t.adminToken,
      body: { parentId: dinkes.id },
      headers: { 'if-match': '"v1"' },
    });
    expectProblem(self, 422);
    const rename = await api('PATCH', `${unitsPath(t)}/${yankes.id}`, {
      token: t.adminToken,
      body: { code: 'DISDUKCAPIL' },
      headers: { 'if-match': '"v1"' },
    });
    expectProblem(rename, 409);
  });

  it('lets only the tenant admin write', async () => {
    const t = await createTenant();
    const body = { code: 'NOPE', name: 'Bagian Tidak', kind: 'bagian' };
    expectProblem(await api('POST', unitsPath(t), { token: t.employeeToken, body }), 403);
    expectProblem(await api('POST', unitsPath(t), { token: t.nationalToken, body }), 403);
  });

  it('pages through every unit once, in code order, with filters', async () => {
    const t = await createTenant();
    for (let i = 0; i < 12; i++) {
      await api('POST', unitsPath(t), {
        token: t.adminToken,
        body: { code: `KEC-${String(i).padStart(2, '0')}`, name: `Kecamatan ${i}`, kind: 'kecamatan' },
      });
    }
    const codes: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: ApiResponse<ResponseBody<'GET', '/api/v1/tenants/{tenant}/units'>> = await api(
        'GET',
        `${unitsPath(t)}?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        { token: t.adminToken },
      );
      codes.push(...res.body.items.map((u) => u.code));
      cursor = res.body.nextCursor;
      if (pages++ === 1) {
        // A unit added mid-way is seen once, if at all, and nothing is skipped.
        await api('POST', unitsPath(t), { token: t.adminToken, body: { code: 'ZZ-LATE', name: 'Bagian Terlambat', kind: 'bagian' } });
      }
    } while (cursor);
    expect(codes).toHaveLength(16);
    expect([...codes].sort()).toEqual(codes);
    const kec = await api('GET', `${unitsPath(t)}?kind=kecamatan&limit=500`, { token: t.adminToken });
    expect(kec.body.items).toHaveLength(12);
    const dinkes = codes.indexOf('DINKES');
    expect(dinkes).toBeGreaterThanOrEqual(0);
    expectProblem(await api('GET', `${unitsPath(t)}?cursor=not-a-cursor`, { token: t.adminToken }), 400);
    expectProblem(await api('GET', `${unitsPath(t)}?limit=501`, { token: t.adminToken }), 400);
  });
});

describe('positions', () => {
  it('creates in a unit, moves, refuses a unit of nowhere, deletes with If-Match', async () => {
    const t = await createTenant();
    const units = (await api('GET', unitsPath(t), { token: t.adminToken })).body.items;
    const capil = units.find((u) => u.code === 'DISDUKCAPIL')!;
    const created = await api('POST', positionsPath(t), {
      token: t.adminToken,
      body: { code: 'KADISDUK', name: 'Kepala Dinas Kependudukan dan Pencatatan Sipil', category: 'jpt_pratama', unitId: capil.id },
    });
    expect(created.status).toBe(201);
    expectProblem(
      await api('POST', positionsPath(t), {
        token: t.adminToken,
        body: { code: 'X', name: 'Jabatan X', category: 'pelaksana', unitId: 'unt_nowhere' },
      }),
      422,
    );
    const list = await api('GET', `${positionsPath(t)}?unit=${capil.id}`, { token: t.adminToken });
    expect(list.body.items.map((p) => p.code)).toEqual(['KADISDUK']);
    const moved = await api('PATCH', `${positionsPath(t)}/${created.body.id}`, {
      token: t.adminToken,
      body: { unitId: null, name: 'Kepala Dinas Dukcapil' },
      headers: { 'if-match': created.headers.get('etag') ?? '' },
    });
    expect(moved.body).toMatchObject({ unitId: null, version: 2, name: 'Kepala Dinas Dukcapil' });
    expectProblem(
      await api('DELETE', `${positionsPath(t)}/${created.body.id}`, { token: t.adminToken, headers: { 'if-match': '"v1"' } }),
      412,
    );
    expect(
      (await api('DELETE', `${positionsPath(t)}/${created.body.id}`, { token: t.adminToken, headers: { 'if-match': '"v2"' } })).status,
    ).toBe(204);
  });

  it('keeps a unit that still has positions', async () => {
    const t = await createTenant();
    const units = (await api('GET', unitsPath(t), { token: t.adminToken })).body.items;
    const dinkes = units.find((u) => u.code === 'DINKES')!;
    const yankes = units.find((u) => u.code === 'DINKES-YANKES')!;
    await api('DELETE', `${unitsPath(t)}/${yankes.id}`, { token: t.adminToken, headers: { 'if-match': '"v1"' } });
    expectProblem(await api('DELETE', `${unitsPath(t)}/${dinkes.id}`, { token: t.adminToken, headers: { 'if-match': '"v1"' } }), 409);
  });
});
