/**
 * The import of past training: a CSV dry run reports every bad row by row, column and reason and
 * writes nothing; an xlsx laid out as a spreadsheet program saves it (shared strings, dates as
 * serial numbers under a date style, JP as numbers) commits as a job, recording each training
 * and crediting its JP once; the same file again records and credits nothing; the refusals.
 */
import { env } from 'cloudflare:workers';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { trainingHistoryOfEmployee } from '../../../src/modules/training-history';
import { writeXlsx } from '../../../src/platform/xlsx';
import { api, expectProblem } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant, type TestTenant } from '../../support/factories';
import { followJob } from '../../support/jobs';
import { createEmployee } from '../employees/helpers';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Report = {
  mode: string;
  rows: number;
  created: number;
  unchanged: number;
  rejected: number;
  jp: number;
  errors: { row: number; column: string; reason: string }[];
  ignoredColumns: string[];
};

const upload = (t: TestTenant, mode: 'dry-run' | 'commit', body: BodyInit, type: string) =>
  api('POST', `/api/v1/tenants/${t.slug}/training-history/import?mode=${mode}`, {
    token: t.adminToken,
    rawBody: body,
    headers: { 'content-type': type },
  });

async function people(t: TestTenant) {
  const a = (await createEmployee(t, { name: 'Andi' })).body;
  const b = (await createEmployee(t, { name: 'Bunga' })).body;
  return { a, b };
}

/** A workbook as a spreadsheet program saves it: every text a shared string, dates as serials under built-in style 14. */
function spreadsheetFile(rows: [string, string, string, string, number, number, number, string, number][]): Uint8Array {
  const strings: string[] = [];
  const s = (text: string) => {
    if (!strings.includes(text)) strings.push(text);
    return strings.indexOf(text);
  };
  const header = ['NIP', 'Nama Pelatihan', 'Metode', 'Penyelenggara', 'Mulai', 'Selesai', 'JP', 'Nomor Sertifikat', 'Tanggal Sertifikat'];
  const cols = 'ABCDEFGHI';
  const cell = (ref: string, value: string | number, date: boolean) =>
    typeof value === 'string' ? `<c r="${ref}" t="s"><v>${s(value)}</v></c>` : `<c r="${ref}"${date ? ' s="1"' : ''}><v>${value}</v></c>`;
  const sheetRows = [header, ...rows].map(
    (row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(`${cols[c]}${r + 1}`, v, r > 0 && [4, 5, 8].includes(c))).join('')}</row>`,
  );
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  return zipSync({
    'xl/workbook.xml': strToU8(
      `<workbook ${ns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Riwayat Diklat" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="w" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/styles.xml': strToU8(
      `<styleSheet ${ns}><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${ns}><sheetData>${sheetRows.join('')}</sheetData></worksheet>`),
    'xl/sharedStrings.xml': strToU8(`<sst ${ns}>${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`),
  });
}

describe('importing past training', () => {
  it('reports every bad row in a dry run by row, column and reason, and writes nothing', async () => {
    const t = await createTenant();
    const { a, b } = await people(t);
    const csv = [
      'NIP;Nama Pelatihan;Metode;Penyelenggara;Mulai;Selesai;JP;Nomor Sertifikat;Tanggal Sertifikat;Keterangan',
      `${a.nip};Pelatihan Dasar CPNS;Pelatihan Teknis;BPSDM Provinsi Lampung;2024-02-05;2024-02-16;"40,5";800/12/BPSDM/2024;16-02-2024;lulus`,
      `${b.nip};Webinar Literasi Digital;Webinar;Kominfo;10 Mei 2024;10 Mei 2024;2;;;`,
      `199001012015011999;Seminar Nasional;Seminar;LAN;2024-03-01;2024-03-01;4;;;`,
      `${a.nip};Diklat Klasikal;Klasikal;BKD;31-02-2024;2024-03-01;abc;;;`,
      `${b.nip};Workshop;Workshop;BKD;2024-04-02;2024-04-01;8;;;`,
      '',
      `${b.nip};webinar literasi  digital;E-Learning;Kominfo;2024-05-10;2024-05-10;3;;;`,
    ].join('\r\n');
    const res = await upload(t, 'dry-run', csv, 'text/csv');
    expect(res.status, res.text).toBe(200);
    const report = res.body as Report;
    expect(report).toMatchObject({
      mode: 'dry-run',
      rows: 6,
      created: 2,
      unchanged: 0,
      rejected: 4,
      jp: 42.5,
      ignoredColumns: ['Keterangan'],
    });
    expect(report.errors).toEqual([
      { row: 4, column: 'nip', reason: 'no employee with NIP 199001012015011999 in this region' },
      { row: 5, column: 'method', reason: expect.stringContaining('names a group of methods') },
      { row: 5, column: 'start', reason: expect.stringContaining('is not a date') },
      { row: 5, column: 'jp', reason: expect.stringContaining('"abc" is not a number') },
      { row: 6, column: 'end', reason: 'ends (2024-04-01) before it starts (2024-04-02)' },
      { row: 8, column: '*', reason: 'the same training of the same person as row 3' },
    ]);
    const stored = await env.DB.prepare('select count(*) as n from training_history where tenant_id = ?').bind(t.id).first<{ n: number }>();
    expect(stored?.n).toBe(0);
  });

  it("commits a spreadsheet program's xlsx as a job, crediting each training's JP once; the same file again changes nothing", async () => {
    const t = await createTenant();
    const { a, b } = await people(t);
    // 45327 = 2024-02-05, 45338 = 2024-02-16, 45422 = 2024-05-10 (1900 date system).
    const file = spreadsheetFile([
      [a.nip, 'Pelatihan Dasar CPNS', 'pelatihan_teknis', 'BPSDM Provinsi Lampung', 45327, 45338, 40.5, '800/12/BPSDM/2024', 45338],
      [b.nip, 'Webinar Literasi Digital', 'Webinar', 'Kominfo', 45422, 45422, 2, '', 45422],
    ]);
    const dry = (await upload(t, 'dry-run', file, xlsxType)).body as Report;
    expect(dry).toMatchObject({ rows: 2, created: 2, rejected: 0, errors: [] });
    const job = await followJob<Report>(await upload(t, 'commit', file, xlsxType), t.adminToken);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ mode: 'commit', rows: 2, created: 2, unchanged: 0, rejected: 0, jp: 42.5 });
    const rows = await env.DB.prepare(
      'select title, method, start_date, end_date, jp_centi, certificate_number, certificate_date from training_history where tenant_id = ? order by start_date',
    )
      .bind(t.id)
      .all();
    expect(rows.results).toEqual([
      {
        title: 'Pelatihan Dasar CPNS',
        method: 'pelatihan_teknis',
        start_date: '2024-02-05',
        end_date: '2024-02-16',
        jp_centi: 4050,
        certificate_number: '800/12/BPSDM/2024',
        certificate_date: '2024-02-16',
      },
      {
        title: 'Webinar Literasi Digital',
        method: 'seminar',
        start_date: '2024-05-10',
        end_date: '2024-05-10',
        jp_centi: 200,
        certificate_number: null,
        certificate_date: '2024-05-10',
      },
    ]);
    const history = await trainingHistoryOfEmployee({ ctx: await contextFor(t), input: a.id });
    expect(history).toEqual([
      expect.objectContaining({
        title: 'Pelatihan Dasar CPNS',
        jp: 40.5,
        organiser: 'BPSDM Provinsi Lampung',
        jpReference: expect.stringMatching(/^training:/),
      }),
    ]);
    const ledger = await api('GET', `/api/v1/tenants/${t.slug}/employees/${a.id}/jp?year=2024`, { token: t.adminToken });
    expect(ledger.body).toMatchObject({ total: 40.5 });
    expect(ledger.body.entries[0]?.reference).toBe(history[0]?.jpReference);

    const again = await followJob<Report>(await upload(t, 'commit', file, xlsxType), t.adminToken);
    expect(again.result).toMatchObject({ rows: 2, created: 0, unchanged: 2, jp: 0 });
    expect((await api('GET', `/api/v1/tenants/${t.slug}/employees/${a.id}/jp?year=2024`, { token: t.adminToken })).body).toMatchObject({
      total: 40.5,
    });
    const counts = await env.DB.prepare(
      "select (select count(*) from training_history where tenant_id = ?1) as records, (select count(*) from jp_entries where tenant_id = ?1) as credits, (select count(*) from audit_log where tenant_id = ?1 and action = 'training_history.import') as audits",
    )
      .bind(t.id)
      .first();
    expect(counts).toEqual({ records: 2, credits: 2, audits: 2 });
  });

  it('reads a workbook from the xlsx writer, refuses other types, a missing column, a file that is not xlsx, and non-admins', async () => {
    const t = await createTenant();
    const { a } = await people(t);
    const written = writeXlsx([
      {
        name: 'Data',
        rows: [
          ['nip', 'nama pelatihan', 'metode', 'penyelenggara', 'mulai', 'selesai', 'jp'],
          [a.nip, 'Kursus Bahasa Inggris', 'kursus', 'LIA', { date: '2023-01-09' }, new Date('2023-03-31T00:00:00Z'), 32],
          [Number(a.nip), 'Angka', 'kursus', 'LIA', '2023-01-09', '2023-01-10', 2],
        ],
      },
    ]);
    const report = (await upload(t, 'dry-run', written, xlsxType)).body as Report;
    expect(report).toMatchObject({ rows: 2, created: 1, rejected: 1 });
    expect(report.errors).toEqual([{ row: 3, column: 'nip', reason: expect.stringContaining('format the column as text') }]);
    expectProblem(await upload(t, 'dry-run', 'nip,jp\n1,2', 'application/json'), 415);
    const missing = expectProblem(await upload(t, 'dry-run', 'nip,metode\n1,2', 'text/csv'), 400);
    expect(missing.errors?.map((e) => e.message)).toContain('column nama_pelatihan is missing');
    expectProblem(await upload(t, 'dry-run', 'not a zip', xlsxType), 400);
    expectProblem(await upload(t, 'commit', 'not a zip', xlsxType), 400);
    const employee = await api('POST', `/api/v1/tenants/${t.slug}/training-history/import`, {
      token: t.employeeToken,
      rawBody: 'nip',
      headers: { 'content-type': 'text/csv' },
    });
    expectProblem(employee, 403);
  });
});
