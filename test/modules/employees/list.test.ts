import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { csvOf, importCsv, orgIds, people, pnsNip } from './helpers';

interface Item {
  id: string;
  name: string;
  nip: string;
}

async function pageThrough(t: TestTenant, query: string, between?: (pageNo: number) => Promise<void>): Promise<Item[]> {
  const seen: Item[] = [];
  let cursor: string | null = null;
  for (let pageNo = 0; pageNo < 100; pageNo++) {
    const res: { status: number; text: string; body: { items: Item[]; nextCursor: string | null } } = await api(
      'GET',
      `/api/v1/tenants/${t.slug}/employees?${query}${cursor ? `&cursor=${cursor}` : ''}`,
      { token: t.adminToken },
    );
    expect(res.status, res.text).toBe(200);
    seen.push(...res.body.items);
    cursor = res.body.nextCursor;
    if (!cursor) break;
    await between?.(pageNo);
  }
  return seen;
}

describe('listing the registry', () => {
  it('pages 120 employees by 7 in name order, missing and repeating none', async () => {
    const t = await createTenant();
    expect((await importCsv(t, csvOf(people(120)))).body.created).toBe(120);
    const seen = await pageThrough(t, 'limit=7');
    expect(seen).toHaveLength(120);
    expect(new Set(seen.map((e) => e.id)).size).toBe(120);
    expect(seen.map((e) => e.name)).toEqual(people(120).map((p) => p.name));
  });

  it('stays complete while rows are inserted between pages', async () => {
    const t = await createTenant();
    await importCsv(t, csvOf(people(120)));
    // Names sorting before and after the cursor: the ones after must show up, none may repeat.
    const seen = await pageThrough(t, 'limit=7', async (pageNo) => {
      await importCsv(
        t,
        csvOf([
          { nip: pnsNip(1000 + pageNo), name: `Aaa Sisipan ${pageNo}` },
          { nip: pnsNip(2000 + pageNo), name: `Zzz Sisipan ${pageNo}` },
        ]),
      );
    });
    const ids = seen.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = new Set(seen.map((e) => e.name));
    for (const p of people(120)) expect(names.has(p.name)).toBe(true);
    expect([...names].filter((n) => n.startsWith('Zzz')).length).toBeGreaterThan(10);
    expect([...names].filter((n) => n.startsWith('Aaa')).length).toBe(0);
  });

  it('filters by unit, position, status, employment type and q (name part or NIP prefix)', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    await importCsv(
      t,
      csvOf([
        { nip: pnsNip(1), name: 'Budi Santoso', unit_code: 'DINKES', position_code: 'KADINKES', grade: 'IV/c' },
        { nip: pnsNip(2), name: 'Siti Nurhaliza Harahap', unit_code: 'DISDUKCAPIL' },
        { nip: '199001012021211001', name: 'Rina Wati', employment_type: 'pppk', grade: 'IX' },
        { nip: '198512302010011002', name: 'budiman Lubis 100%' },
      ]),
    );
    const names = async (q: string) =>
      (await api('GET', `/api/v1/tenants/${t.slug}/employees?${q}`, { token: t.adminToken })).body.items.map((e: Item) => e.name);
    expect(await names(`unit=${ids.DISDUKCAPIL}`)).toEqual(['Siti Nurhaliza Harahap']);
    expect(await names(`position=${ids.KADINKES}`)).toEqual(['Budi Santoso']);
    expect(await names('employmentType=pppk')).toEqual(['Rina Wati']);
    expect(await names('q=BUDI')).toEqual(['Budi Santoso', 'budiman Lubis 100%']);
    expect(await names('q=harahap')).toEqual(['Siti Nurhaliza Harahap']);
    expect(await names('q=100%25')).toEqual(['budiman Lubis 100%']);
    expect(await names('q=_')).toEqual([]);
    // A long search (a name with its NIP pasted after it) finds nothing, and is not a server error.
    const long = encodeURIComponent('Siti Nurhaliza Harahap 198512302010011002 Dinas Kependudukan');
    expect(await names(`q=${long}`)).toEqual([]);
    expect(await names(`q=${encodeURIComponent('Nurhaliza Harahap')}`)).toEqual(['Siti Nurhaliza Harahap']);
    expect(await names('q=1985')).toEqual(['budiman Lubis 100%']);
    expect(await names(`q=${pnsNip(2)}`)).toEqual(['Siti Nurhaliza Harahap']);
    expect(await names('q=19700101')).toEqual(['Budi Santoso', 'Siti Nurhaliza Harahap']);
    expect(await names('status=inactive')).toEqual([]);
    expect(await names('status=active&employmentType=pns&q=budi')).toEqual(['Budi Santoso', 'budiman Lubis 100%']);
  });

  it('takes the units under a unit with subUnits=true, and the unit alone without', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    await importCsv(
      t,
      csvOf([
        { nip: pnsNip(1), name: 'Budi Santoso', unit_code: 'DINKES' },
        { nip: pnsNip(2), name: 'Ani Yankes', unit_code: 'DINKES-YANKES' },
        { nip: pnsNip(3), name: 'Siti Dukcapil', unit_code: 'DISDUKCAPIL' },
      ]),
    );
    const names = async (q: string) =>
      (await api('GET', `/api/v1/tenants/${t.slug}/employees?${q}`, { token: t.adminToken })).body.items.map((e: Item) => e.name);
    expect(await names(`unit=${ids.DINKES}`)).toEqual(['Budi Santoso']);
    expect(await names(`unit=${ids.DINKES}&subUnits=true`)).toEqual(['Ani Yankes', 'Budi Santoso']);
    expect(await names(`unit=${ids['DINKES-YANKES']}&subUnits=true`)).toEqual(['Ani Yankes']);
    expect(await names(`unit=${ids.DINKES}&subUnits=false`)).toEqual(['Budi Santoso']);
    const csv = await api('GET', `/api/v1/tenants/${t.slug}/employees/export.csv?unit=${ids.DINKES}&subUnits=true`, {
      token: t.adminToken,
    });
    expect(csv.text.trim().split('\n')).toHaveLength(3);
  });

  it('sorts by name or NIP either way, paging each order without missing or repeating a row', async () => {
    const t = await createTenant();
    await importCsv(t, csvOf(people(40)));
    const all = await pageThrough(t, 'limit=200');
    const byNip = [...all].sort((a, b) => (a.nip < b.nip ? -1 : 1)).map((e) => e.nip);
    expect((await pageThrough(t, 'limit=7&sort=nip')).map((e) => e.nip)).toEqual(byNip);
    expect((await pageThrough(t, 'limit=7&sort=-nip')).map((e) => e.nip)).toEqual([...byNip].reverse());
    const byName = all.map((e) => e.name);
    expect((await pageThrough(t, 'limit=6&sort=-name')).map((e) => e.name)).toEqual([...byName].reverse());
  });

  it('refuses bad paging and filter values with 400', async () => {
    const t = await createTenant();
    for (const q of [
      'limit=0',
      'limit=501',
      'cursor=bogus',
      'status=retired',
      'employmentType=honorer',
      `q=${'x'.repeat(101)}`,
      'sort=grade',
      'subUnits=yes',
    ]) {
      expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/employees?${q}`, { token: t.adminToken }), 400);
    }
  });
});
