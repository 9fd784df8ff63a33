import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { csvOf, importCsv, orgIds, people, pnsNip } from './helpers';

describe('exporting the registry as CSV', () => {
  it('answers text/csv with a header row, the import columns first, and the list filters', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    await importCsv(
      t,
      csvOf([
        {
          nip: pnsNip(1),
          name: 'Budi Santoso',
          unit_code: 'DINKES',
          position_code: 'KADINKES',
          grade: 'IV/c',
          email: 'budi@example.go.id',
        },
        { nip: pnsNip(2, 2), name: 'Siti Rahayu, S.Kep., Ns.', unit_code: 'DINKES-YANKES', supervisor_nip: pnsNip(1) },
        { nip: '199001012021211001', name: 'Rina "Ina" Wati', unit_code: 'DISDUKCAPIL', employment_type: 'pppk', grade: 'IX' },
      ]),
    );
    const res = await api('GET', `/api/v1/tenants/${t.slug}/employees/export.csv`, { token: t.adminToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="employees-${t.slug}.csv"`);
    // The BOM that lets Excel read UTF-8 names; text() decoding drops it, so look at the bytes.
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(
      res.text.startsWith(
        'nip,name,unit_code,position_code,grade,employment_type,supervisor_nip,email,siasn_id,status,gender,birth_date\r\n',
      ),
    ).toBe(true);
    const rows = Papa.parse<string[]>(res.text.trim()).data;
    expect(rows.slice(1)).toEqual([
      [pnsNip(1), 'Budi Santoso', 'DINKES', 'KADINKES', 'IV/c', 'pns', '', 'budi@example.go.id', '', 'active', 'male', '1970-01-01'],
      ['199001012021211001', 'Rina "Ina" Wati', 'DISDUKCAPIL', 'ANALIS-KEBIJAKAN', 'IX', 'pppk', '', '', '', 'active', '', ''],
      [
        pnsNip(2, 2),
        'Siti Rahayu, S.Kep., Ns.',
        'DINKES-YANKES',
        'ANALIS-KEBIJAKAN',
        'III/a',
        'pns',
        pnsNip(1),
        '',
        '',
        'active',
        'female',
        '1970-01-01',
      ],
    ]);

    const dinkes = await api('GET', `/api/v1/tenants/${t.slug}/employees/export.csv?unit=${ids.DINKES}`, { token: t.adminToken });
    expect(Papa.parse<string[]>(dinkes.text.trim()).data).toHaveLength(2);
    const pppk = await api('GET', `/api/v1/tenants/${t.slug}/employees/export.csv?employmentType=pppk&q=ina`, { token: t.adminToken });
    expect(pppk.text).toContain('Rina');
    expect(pppk.text).not.toContain('Budi');
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/employees/export.csv?status=retired`, { token: t.adminToken }), 400);
  });

  it('exports more than one page, and importing the export changes nothing', async () => {
    const t = await createTenant();
    await importCsv(t, csvOf(people(1200).map((r, i) => (i % 3 === 0 ? { ...r, email: `p${i}@example.go.id` } : r))));
    const res = await api('GET', `/api/v1/tenants/${t.slug}/employees/export.csv`, { token: t.adminToken });
    expect(res.text.trim().split('\r\n')).toHaveLength(1201);
    const again = await importCsv(t, res.text, 'commit');
    expect(again.body).toMatchObject({
      rows: 1200,
      unchanged: 1200,
      created: 0,
      updated: 0,
      rejected: 0,
      ignoredColumns: ['status', 'gender', 'birth_date'],
    });
    expect(again.job?.progress).toEqual({ done: 0, total: 0 }); // the job had nothing to write
  });
});
