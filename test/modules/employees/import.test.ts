import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { csvOf, importCsv, people, pnsNip } from './helpers';

async function stored(t: TestTenant) {
  const employees = await env.DB.prepare(
    'select nip, name, grade, supervisor_id, version, updated_at from employees where tenant_id = ? order by nip',
  )
    .bind(t.id)
    .all();
  const audit = await env.DB.prepare("select count(*) as n from audit_log where tenant_id = ? and entity = 'employee'")
    .bind(t.id)
    .first<{ n: number }>();
  return { employees: employees.results, audits: audit?.n ?? 0 };
}

describe('importing employees from CSV', () => {
  it('dry-run counts what a commit would do and writes nothing', async () => {
    const t = await createTenant();
    await importCsv(t, csvOf(people(3)));
    const before = await stored(t);
    const csv = csvOf([...people(2), { ...people(1, 2)[0]!, grade: 'III/d' }, ...people(4, 3), { nip: '123', name: 'Salah' }]);

    const res = await importCsv(t, csv, 'dry-run');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ mode: 'dry-run', rows: 8, created: 4, updated: 1, unchanged: 2, rejected: 1 });
    expect(res.body.errors).toEqual([{ row: 9, column: 'nip', reason: 'NIP must be 18 digits, got 3' }]);
    expect(res.cost.rowsWritten).toBe(0);
    expect(await stored(t)).toEqual(before);
  });

  it('commit applies the good rows and reports every bad one by row, column and reason', async () => {
    const t = await createTenant();
    const rows = [
      { nip: pnsNip(1), name: 'Budi Santoso' },
      { nip: '198702312010012001', name: 'Tanggal Salah' },
      { nip: pnsNip(2), name: 'Unit Salah', unit_code: 'DINAS-ANTAH' },
      { nip: pnsNip(3), name: 'Golongan Salah', grade: 'V/a', position_code: 'NOPE' },
      { nip: pnsNip(4), name: 'Jenis Salah', employment_type: 'honorer' },
      { nip: pnsNip(5), name: 'Surel Salah', email: 'bukan-surel' },
      { nip: pnsNip(1), name: 'Budi Kembar' },
      { nip: pnsNip(6), name: 'Atasan Hilang', supervisor_nip: pnsNip(99) },
      { nip: pnsNip(7), name: 'Atasan Ditolak', supervisor_nip: '198702312010012001' },
      { nip: pnsNip(8), name: 'Siti Aminah', supervisor_nip: pnsNip(1), email: 'siti@example.go.id' },
      { nip: '199001012021211001', name: 'Pegawai PPPK', employment_type: 'PPPK', grade: 'IX' },
    ];
    const res = await importCsv(t, `${csvOf(rows)}${pnsNip(9)},Kurang Kolom,DINKES\n`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ mode: 'commit', rows: 12, created: 3, updated: 0, unchanged: 0, rejected: 9 });
    expect(res.body.errors).toEqual([
      { row: 3, column: 'nip', reason: 'birth date 1987-02-31 is not a real date' },
      { row: 4, column: 'unit_code', reason: 'no unit with code DINAS-ANTAH in this tenant' },
      { row: 5, column: 'position_code', reason: 'no position with code NOPE in this tenant' },
      { row: 5, column: 'grade', reason: 'grade "V/a" is not a PNS golongan (I/a … IV/e)' },
      { row: 6, column: 'employment_type', reason: 'employment type must be pns or pppk, got "honorer"' },
      { row: 7, column: 'email', reason: '"bukan-surel" is not an email address' },
      { row: 8, column: 'nip', reason: `NIP ${pnsNip(1)} is also on row 2` },
      { row: 9, column: 'supervisor_nip', reason: `no employee with NIP ${pnsNip(99)} in this tenant or in this file` },
      { row: 10, column: 'supervisor_nip', reason: "the supervisor's row 3 was rejected" },
      { row: 13, column: '*', reason: 'the row has 3 fields, the header 8' },
    ]);
    const list = await api('GET', `/api/v1/tenants/${t.slug}/employees`, { token: t.adminToken });
    expect(list.body.items.map((e) => e.name)).toEqual(['Budi Santoso', 'Pegawai PPPK', 'Siti Aminah']);
    const budi = list.body.items[0]!;
    expect(list.body.items[2]).toMatchObject({ supervisorId: budi.id, email: 'siti@example.go.id', gender: 'male' });
    expect(list.body.items[1]).toMatchObject({ employmentType: 'pppk', grade: 'IX', gender: null });
  });

  it('re-importing the same file changes nothing: no writes, no version bumps, no audit rows', async () => {
    const t = await createTenant();
    const rows = people(30).map((r, i) => (i > 0 ? { ...r, supervisor_nip: people(1)[0]!.nip } : r));
    const first = await importCsv(t, csvOf(rows));
    expect(first.body).toMatchObject({ created: 30, rejected: 0 });
    const before = await stored(t);
    expect(before.audits).toBe(30);

    const again = await importCsv(t, csvOf(rows));
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 30, rejected: 0 });
    // The commit is a job: it planned no write at all (its progress counts the rows to write).
    expect(again.job?.progress).toEqual({ done: 0, total: 0 });
    const dry = await importCsv(t, csvOf(rows), 'dry-run');
    expect(dry.cost.rowsWritten).toBe(0);
    expect(dry.cost.queries).toBeLessThanOrEqual(2);
    expect(await stored(t)).toEqual(before);
  });

  it('updates changed rows by NIP, bumping their version and auditing each', async () => {
    const t = await createTenant();
    await importCsv(t, csvOf(people(5)));
    const changed = people(5).map((r, i) =>
      i === 1 ? { ...r, grade: 'IV/a' } : i === 3 ? { ...r, name: 'Nama Baru', unit_code: 'DISDUKCAPIL' } : r,
    );
    const res = await importCsv(t, csvOf(changed));
    expect(res.body).toMatchObject({ created: 0, updated: 2, unchanged: 3 });
    const after = await stored(t);
    expect(after.employees.map((e) => e.version)).toEqual([1, 2, 1, 2, 1]);
    expect(after.employees[1]).toMatchObject({ grade: 'IV/a' });
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=employee.update`, { token: t.adminToken });
    expect(audit.body.items).toHaveLength(2);
  });

  it('reads a BOM, CRLF line ends, semicolons and quoted fields with delimiters, quotes and line breaks', async () => {
    const t = await createTenant();
    const csv =
      '\uFEFFNIP;Name;Unit_Code;Position_Code;Grade;Employment_Type;Supervisor_NIP;Email;Catatan\r\n' +
      `${pnsNip(1)};"Hj. Rina; S.E., M.M.";dinkes;KADINKES;IV/c;PNS;;;pindahan\r\n` +
      `"${pnsNip(2)}";"Ahmad ""Ucok"" Siregar";DINKES-YANKES;ANALIS-KEBIJAKAN;iii/a;pns;${pnsNip(1)};ahmad@example.go.id;"dua\r\nbaris"\r\n` +
      '\r\n' +
      `${pnsNip(3)};Dewi Lestari;DISDUKCAPIL;ANALIS-KEBIJAKAN;III/b;pns;;;\r\n`;
    const res = await importCsv(t, csv);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, created: 3, rejected: 0, errors: [], ignoredColumns: ['catatan'] });
    const list = await api('GET', `/api/v1/tenants/${t.slug}/employees`, { token: t.adminToken });
    expect(list.body.items.map((e) => e.name)).toEqual(['Ahmad "Ucok" Siregar', 'Dewi Lestari', 'Hj. Rina; S.E., M.M.']);
    expect(list.body.items[0]).toMatchObject({ grade: 'III/a', supervisorId: list.body.items[2]!.id });
  });

  it('resolves supervisors that appear later in the file or already exist', async () => {
    const t = await createTenant();
    await importCsv(t, csvOf([{ nip: pnsNip(100), name: 'Kepala Dinas' }]));
    const rows = [
      { nip: pnsNip(3), name: 'Staf Tiga', supervisor_nip: pnsNip(2) },
      { nip: pnsNip(2), name: 'Kepala Seksi', supervisor_nip: pnsNip(1) },
      { nip: pnsNip(1), name: 'Kepala Bidang', supervisor_nip: pnsNip(100) },
    ];
    const res = await importCsv(t, csvOf(rows));
    expect(res.body).toMatchObject({ created: 3, rejected: 0 });
    const { employees } = await stored(t);
    const idOf = async (nip: string) =>
      (await env.DB.prepare('select id from employees where tenant_id = ? and nip = ?').bind(t.id, nip).first<{ id: string }>())?.id;
    expect(employees.find((e) => e.nip === pnsNip(3))?.supervisor_id).toBe(await idOf(pnsNip(2)));
    expect(employees.find((e) => e.nip === pnsNip(1))?.supervisor_id).toBe(await idOf(pnsNip(100)));
  });

  it('rejects supervisor loops, inside the file and through stored links', async () => {
    const t = await createTenant();
    await importCsv(
      t,
      csvOf([
        { nip: pnsNip(10), name: 'Lama Satu' },
        { nip: pnsNip(11), name: 'Lama Dua', supervisor_nip: pnsNip(10) },
      ]),
    );
    const rows = [
      { nip: pnsNip(1), name: 'Satu', supervisor_nip: pnsNip(2) },
      { nip: pnsNip(2), name: 'Dua', supervisor_nip: pnsNip(1) },
      { nip: pnsNip(3), name: 'Diri Sendiri', supervisor_nip: pnsNip(3) },
      { nip: pnsNip(4), name: 'Bawahan Satu', supervisor_nip: pnsNip(1) },
      { nip: pnsNip(10), name: 'Lama Satu', supervisor_nip: pnsNip(11) },
    ];
    const res = await importCsv(t, csvOf(rows));
    expect(res.body).toMatchObject({ created: 0, updated: 0, rejected: 5 });
    expect(res.body.errors).toEqual([
      {
        row: 2,
        column: 'supervisor_nip',
        reason: `the supervisor chain loops back to this employee (${pnsNip(1)} → ${pnsNip(2)} → ${pnsNip(1)})`,
      },
      {
        row: 3,
        column: 'supervisor_nip',
        reason: `the supervisor chain loops back to this employee (${pnsNip(1)} → ${pnsNip(2)} → ${pnsNip(1)})`,
      },
      { row: 4, column: 'supervisor_nip', reason: 'an employee cannot supervise themselves' },
      { row: 5, column: 'supervisor_nip', reason: "the supervisor's row 2 was rejected" },
      {
        row: 6,
        column: 'supervisor_nip',
        reason: `the supervisor chain loops back to this employee (${pnsNip(10)} → ${pnsNip(11)} → ${pnsNip(10)})`,
      },
    ]);
  });

  it('refuses what is not a readable employees file', async () => {
    const t = await createTenant();
    const path = `/api/v1/tenants/${t.slug}/employees/import?mode=commit` as const;
    const json = await api('POST', path, { token: t.adminToken, body: { nip: pnsNip(1) } });
    expectProblem(json, 415);
    const missing = await importCsv(t, 'nip,name\n198702122010012001,Budi\n');
    expect(expectProblem(missing, 400).errors?.map((e) => e.message)).toEqual([
      'column unit_code is missing',
      'column position_code is missing',
      'column grade is missing',
      'column employment_type is missing',
    ]);
    expectProblem(await importCsv(t, '\uFEFF\r\n'), 400);
    expectProblem(await importCsv(t, 'nip,name,nip,unit_code,position_code,grade,employment_type\n'), 400);
    expectProblem(
      await api('POST', `/api/v1/tenants/${t.slug}/employees/import?mode=later`, {
        token: t.adminToken,
        rawBody: csvOf([]),
        headers: { 'content-type': 'text/csv' },
      }),
      400,
    );
    const header = await importCsv(t, csvOf([]));
    expect(header.body).toMatchObject({ rows: 0, created: 0, rejected: 0 });
    const dry = await importCsv(t, csvOf([]), 'dry-run');
    expect(dry.cost.queries).toBe(0); // an empty file reads nothing (the directory entry is cached)
  });

  it('reports an unclosed quote against its row', async () => {
    const t = await createTenant();
    const res = await importCsv(t, `${csvOf(people(1))}${pnsNip(5)},"Tanpa Tutup,DINKES,ANALIS-KEBIJAKAN,III/a,pns,,\n`);
    expect(res.body).toMatchObject({ created: 1, rejected: 1 });
    expect(res.body.errors).toEqual([{ row: 3, column: '*', reason: 'a quoted field is not closed' }]);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const t = await createTenant();
    const big = csvOf(people(1)) + 'x'.repeat(1024 * 1024);
    expectProblem(await importCsv(t, big, 'dry-run'), 413);
  });
});
