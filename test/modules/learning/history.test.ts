/**
 * History, the JP recap per OPD and the SIASN export, hand-checked: a person's completed program,
 * coaching and approved reports with their JP and year; the recap's people, share reaching the
 * target and JP per top-level unit with its sub-units; SIASN's fields, mapping and rounding.
 */
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/platform/xlsx';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { followJob } from '../../support/jobs';
import { createOffering, createProgram, enroll } from '../catalog/helpers';
import { cohort, issue } from '../certificates/helpers';
import { credited } from '../jp/helpers';
import { confirmedSession, end, mentorProfile, proposed } from '../mentoring/helpers';
import { approve, person, reject, reported, seminar } from './helpers';

async function unitIds(t: TestTenant) {
  const units = await api('GET', `/api/v1/tenants/${t.slug}/units?limit=50`, { token: t.adminToken });
  return (code: string) => units.body.items.find((u: { code: string }) => u.code === code)?.id as string;
}

describe('history', () => {
  it("shows a completed program's certificate, valid or revoked, and none where none was issued", async () => {
    const t = await createTenant();
    const c = await cohort(t, ['Ani Lestari', 'Budi Santoso']);
    const issued = await issue(t, c, 0);
    expect(issued.status, issued.text).toBe(201);
    const certificate = issued.body as { id: string; number: string };
    const item = async (i: number) => {
      const res = await api('GET', '/api/v1/me/history', { token: c.people[i]!.token });
      expect(res.status, res.text).toBe(200);
      return res.body.items.find((x) => x.id === c.people[i]!.enrollmentId);
    };
    expect((await item(0))?.certificate).toEqual({
      id: certificate.id,
      number: certificate.number,
      issuedOn: '2025-03-10',
      status: 'valid',
    });
    expect((await item(1))?.certificate).toBeNull();
    const revoked = await api('POST', `/api/v1/tenants/${t.slug}/certificates/${certificate.id}/revoke`, {
      token: t.adminToken,
      body: { reason: 'Salah cetak nama' },
    });
    expect(revoked.status, revoked.text).toBe(200);
    expect((await item(0))?.certificate).toMatchObject({ id: certificate.id, status: 'revoked' });
  });

  it('lists approved reports (not rejected ones) with JP and year, newest first, and the ledger per year; self or admin only', async () => {
    const t = await createTenant();
    const [me, other] = [await person(t), await person(t)];
    const a = await reported(me);
    const b = await reported(me, {
      ...seminar,
      title: 'Workshop SAKIP',
      method: 'workshop',
      startDate: '2024-11-04',
      endDate: '2024-11-06',
    });
    const c = await reported(me, { ...seminar, title: 'Ditolak' });
    await approve(t, a.id);
    await approve(t, b.id);
    await reject(t, c.id);
    await credited(t, me.id, 3, '2025-06-01T09:00:00+07:00', { source: 'other' });
    const mine = await api('GET', '/api/v1/me/history', { token: me.token });
    expect(mine.body).toEqual({
      employeeId: me.id,
      items: [
        {
          kind: 'report',
          id: a.id,
          title: seminar.title,
          method: 'seminar',
          startDate: '2025-03-10',
          endDate: '2025-03-11',
          year: 2025,
          jp: 8,
          certificateNumber: seminar.certificateNumber,
          certificate: null,
        },
        {
          kind: 'report',
          id: b.id,
          title: 'Workshop SAKIP',
          method: 'workshop',
          startDate: '2024-11-04',
          endDate: '2024-11-06',
          year: 2024,
          jp: 15,
          certificateNumber: seminar.certificateNumber,
          certificate: null,
        },
      ],
      jpByYear: [
        { year: 2025, jp: 11 },
        { year: 2024, jp: 15 },
      ],
    });
    const admin = await api('GET', `/api/v1/tenants/${t.slug}/employees/${me.id}/history?year=2024`, { token: t.adminToken });
    expect(admin.body.items.map((i) => i.id)).toEqual([b.id]);
    expect(admin.body.jpByYear).toEqual([{ year: 2024, jp: 15 }]);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/employees/${me.id}/history`, { token: other.token }), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/employees/emp_nobody/history`, { token: t.adminToken }), 404);
  });
});

describe('history of imported training', () => {
  it('lists past training imported from the region’s file with its JP, year and certificate number, in the same batch; self or admin only', async () => {
    const t = await createTenant();
    const [me, other] = [await person(t), await person(t)];
    const nip = (await api('GET', `/api/v1/tenants/${t.slug}/employees/${me.id}`, { token: t.adminToken })).body.nip;
    const csv = [
      'NIP,Nama Pelatihan,Metode,Penyelenggara,Mulai,Selesai,JP,Nomor Sertifikat,Tanggal Sertifikat',
      `${nip},Pelatihan Dasar CPNS,Diklat Teknis,BPSDM Provinsi Lampung,2023-02-06,2023-02-17,40.5,800/12/BPSDM/2023,2023-02-17`,
      `${nip},Webinar Literasi Digital,Webinar,Kominfo,30-12-2024,31-12-2024,2,,`,
    ].join('\n');
    const job = await followJob(
      await api('POST', `/api/v1/tenants/${t.slug}/training-history/import?mode=commit`, {
        token: t.adminToken,
        rawBody: csv,
        headers: { 'content-type': 'text/csv' },
      }),
      t.adminToken,
    );
    expect(job.result).toMatchObject({ created: 2, rejected: 0 });
    const a = await reported(me);
    await approve(t, a.id);
    const mine = await api('GET', '/api/v1/me/history', { token: me.token });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.cost.queries).toBeLessThanOrEqual(3);
    const training = (title: string) => mine.body.items.find((i) => i.title === title)?.id;
    expect(mine.body.items).toEqual([
      expect.objectContaining({ kind: 'report', id: a.id }),
      {
        kind: 'training',
        id: training('Webinar Literasi Digital'),
        title: 'Webinar Literasi Digital',
        method: 'seminar',
        startDate: '2024-12-30',
        endDate: '2024-12-31',
        year: 2024,
        jp: 2,
        certificateNumber: null,
        certificate: null,
      },
      {
        kind: 'training',
        id: training('Pelatihan Dasar CPNS'),
        title: 'Pelatihan Dasar CPNS',
        method: 'pelatihan_teknis',
        startDate: '2023-02-06',
        endDate: '2023-02-17',
        year: 2023,
        jp: 40.5,
        certificateNumber: '800/12/BPSDM/2023',
        certificate: null,
      },
    ]);
    expect(mine.body.jpByYear).toEqual([
      { year: 2025, jp: 8 },
      { year: 2024, jp: 2 },
      { year: 2023, jp: 40.5 },
    ]);
    const admin = await api('GET', `/api/v1/tenants/${t.slug}/employees/${me.id}/history?year=2023`, { token: t.adminToken });
    expect(admin.body.items.map((i) => i.title)).toEqual(['Pelatihan Dasar CPNS']);
    expect((await api('GET', '/api/v1/me/history', { token: other.token })).body.items).toEqual([]);

    // The same history as xlsx, read back (empty cells at a row's end are not written): dates as dates, JP as numbers; and as CSV.
    const xlsx = await api('GET', '/api/v1/me/history.xlsx', { token: me.token });
    expect(xlsx.status, xlsx.text).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [sheet, years] = readXlsx(xlsx.bytes);
    expect(sheet?.name).toBe('Riwayat');
    expect(sheet?.rows).toEqual([
      ['jenis', 'judul', 'metode', 'mulai', 'selesai', 'tahun', 'jp', 'nomor_sertifikat', 'status_sertifikat'],
      ['Laporan mandiri', seminar.title, 'seminar', new Date('2025-03-10'), new Date('2025-03-11'), 2025, 8, seminar.certificateNumber],
      ['Riwayat (impor)', 'Webinar Literasi Digital', 'seminar', new Date('2024-12-30'), new Date('2024-12-31'), 2024, 2],
      [
        'Riwayat (impor)',
        'Pelatihan Dasar CPNS',
        'pelatihan_teknis',
        new Date('2023-02-06'),
        new Date('2023-02-17'),
        2023,
        40.5,
        '800/12/BPSDM/2023',
      ],
    ]);
    expect(years?.rows).toEqual([
      ['tahun', 'jp'],
      [2025, 8],
      [2024, 2],
      [2023, 40.5],
    ]);
    const byAdmin = await api('GET', `/api/v1/tenants/${t.slug}/employees/${me.id}/history.xlsx?year=2023`, { token: t.adminToken });
    expect(
      readXlsx(byAdmin.bytes)[0]
        ?.rows.slice(1)
        .map((r) => r[1]),
    ).toEqual(['Pelatihan Dasar CPNS']);
    const historyCsv = await api('GET', `/api/v1/tenants/${t.slug}/employees/${me.id}/history.csv?year=2023`, { token: t.adminToken });
    expect(historyCsv.text.split('\r\n')).toEqual([
      'jenis,judul,metode,mulai,selesai,tahun,jp,nomor_sertifikat,status_sertifikat',
      'Riwayat (impor),Pelatihan Dasar CPNS,pelatihan_teknis,2023-02-06,2023-02-17,2023,40.5,800/12/BPSDM/2023,',
      '',
    ]);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/employees/${me.id}/history.xlsx`, { token: other.token }), 404);
    expect((await api('GET', '/api/v1/me/history.csv', { token: me.token })).text.split('\r\n')).toHaveLength(5);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/employees/${me.id}/history`, { token: other.token }), 404);
  });
});

describe('history of programs and coaching', () => {
  it('lists a completed program with the JP the ledger credited and a completed coaching with its JP', async () => {
    const t = await createTenant();
    const boss = await person(t);
    const me = await person(t, { supervisorId: boss.id });
    const program = await createProgram(t, { jp: 24, title: 'Bimtek Arsip Digital' });
    const offering = await createOffering(t, program.id, { startDate: '2099-02-03', endDate: '2099-02-07' });
    const placed = await enroll(t, offering.id, [me.id]);
    const enrollment = placed.body.items[0]?.id as string;
    const done = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${enrollment}/complete`, {
      token: t.adminToken,
      body: { attendance: 100, passed: true, completedOn: '2025-02-07' },
    });
    expect(done.status, done.text).toBe(200);
    await mentorProfile(t, boss.id);
    const coaching = (await proposed(t, boss.id, me.id, { kind: 'coaching' })).id as string;
    expect((await api('POST', `/api/v1/tenants/${t.slug}/pairings/${coaching}/accept`, { token: boss.token })).status).toBe(200);
    await confirmedSession(t, coaching, me.token, boss.token, { minutes: 60 });
    const ended = await end(t, coaching, boss.token, 'completed');
    expect(ended.body).toMatchObject({ jp: 2 });
    const history = await api('GET', '/api/v1/me/history', { token: me.token });
    const completedYear = new Date(new Date(ended.body.completedAt as string).getTime() + 7 * 3_600_000).getUTCFullYear();
    expect(history.body.items).toEqual(
      expect.arrayContaining([
        {
          kind: 'program',
          id: enrollment,
          title: 'Bimtek Arsip Digital',
          method: 'bimbingan_teknis',
          startDate: '2099-02-03',
          endDate: '2025-02-07',
          year: 2025,
          jp: 24,
          certificateNumber: null,
          certificate: null,
        },
        expect.objectContaining({ kind: 'coaching', id: coaching, method: 'coaching', year: completedYear, jp: 2, certificate: null }),
      ]),
    );
    expect(history.body.items).toHaveLength(2);
  });
});

describe('JP recap per OPD', () => {
  it('counts each top-level unit with its sub-units: people, reaching the target, total JP; and as CSV', async () => {
    const t = await createTenant();
    const id = await unitIds(t);
    const [yankes, dinkes, capil] = [
      await person(t, { unit: 'DINKES-YANKES' }),
      await person(t, { unit: 'DINKES' }),
      await person(t, { unit: 'DISDUKCAPIL' }),
    ];
    await credited(t, yankes.id, 20, '2025-05-01T09:00:00+07:00');
    const r = await reported(dinkes);
    await approve(t, r.id);
    await credited(t, capil.id, 19.5, '2025-05-01T09:00:00+07:00');
    await credited(t, capil.id, 30, '2024-05-01T09:00:00+07:00');
    const recap = await api('GET', `/api/v1/tenants/${t.slug}/jp/recap?year=2025`, { token: t.adminToken });
    expect(recap.body).toEqual({
      year: 2025,
      unitId: null,
      units: [
        { unitId: id('DINKES'), code: 'DINKES', name: 'Dinas Kesehatan', employees: 2, reached: 1, share: 0.5, totalJp: 28 },
        {
          unitId: id('DISDUKCAPIL'),
          code: 'DISDUKCAPIL',
          name: 'Dinas Kependudukan dan Pencatatan Sipil',
          employees: 1,
          reached: 0,
          share: 0,
          totalJp: 19.5,
        },
      ],
      total: { employees: 3, reached: 1, share: 0.3333, totalJp: 47.5 },
    });
    const under = await api('GET', `/api/v1/tenants/${t.slug}/jp/recap?year=2025&unit=${id('DINKES')}`, { token: t.adminToken });
    expect(under.body.units).toEqual([
      {
        unitId: id('DINKES-YANKES'),
        code: 'DINKES-YANKES',
        name: 'Bidang Pelayanan Kesehatan',
        employees: 1,
        reached: 1,
        share: 1,
        totalJp: 20,
      },
    ]);
    const xlsx = await api('GET', `/api/v1/tenants/${t.slug}/jp/recap.xlsx?year=2025`, { token: t.adminToken });
    expect(xlsx.status, xlsx.text).toBe(200);
    expect(readXlsx(xlsx.bytes)).toEqual([
      {
        name: 'Rekap JP 2025',
        rows: [
          ['unit_code', 'unit_name', 'year', 'employees', 'reached_target', 'share', 'total_jp'],
          ['DINKES', 'Dinas Kesehatan', 2025, 2, 1, 0.5, 28],
          ['DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 2025, 1, 0, 0, 19.5],
          [null, 'Jumlah', 2025, 3, 1, 0.3333, 47.5],
        ],
      },
    ]);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/jp/recap.xlsx`, { token: yankes.token }), 403);
    const csv = await api('GET', `/api/v1/tenants/${t.slug}/jp/recap.csv?year=2025`, { token: t.adminToken });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')).toEqual([
      'unit_code,unit_name,year,employees,reached_target,share,total_jp',
      'DINKES,Dinas Kesehatan,2025,2,1,0.5,28',
      'DISDUKCAPIL,Dinas Kependudukan dan Pencatatan Sipil,2025,1,0,0,19.5',
      ',Jumlah,2025,3,1,0.3333,47.5',
      '',
    ]);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/jp/recap?unit=unt_nowhere`, { token: t.adminToken }), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/jp/recap`, { token: yankes.token }), 403);
  });
});

describe('SIASN export', () => {
  it('gives approved, unsent records in SIASN fields, hand-checked; unmapped methods apart; mark-sent takes them out', async () => {
    const t = await createTenant();
    const me = await person(t);
    const patched = await api('PATCH', `/api/v1/tenants/${t.slug}/employees/${me.id}`, {
      token: t.adminToken,
      body: { siasnId: 'A8ACA7D4E7A83912E040640A040269BB' },
      headers: { 'if-match': '"v1"' },
    });
    expect(patched.body).toMatchObject({ siasnId: 'A8ACA7D4E7A83912E040640A040269BB' });
    // 7.5 claimed of the rule's 8: 7.5 JP, rounded half up to 8 hours.
    const a = await reported(me, { ...seminar, title: '=HYPERLINK("x") Seminar', jpClaimed: 7.5 });
    const b = await reported(me, {
      title: 'Coaching kinerja',
      method: 'coaching',
      organiser: 'BKPSDM',
      startDate: '2025-04-07',
      endDate: '2025-04-07',
      sessions: 1,
    });
    const c = await reported(me, { ...seminar, title: 'Belum diputus' });
    await approve(t, a.id);
    await approve(t, b.id);
    const json = await api('GET', `/api/v1/tenants/${t.slug}/siasn/riwayat.json`, { token: t.adminToken });
    expect(json.body.items).toEqual([
      {
        id: a.id,
        nip: expect.any(String),
        nama: expect.any(String),
        pnsOrangId: 'A8ACA7D4E7A83912E040640A040269BB',
        namaKursus: '=HYPERLINK("x") Seminar',
        jenisDiklatId: '5',
        jumlahJam: 8,
        tanggalKursus: '10-03-2025',
        tanggalSelesaiKursus: '11-03-2025',
        tahunKursus: 2025,
        institusiPenyelenggara: 'Universitas Lampung',
        nomorSertipikat: 'UNILA/SEM/2025/0141',
      },
    ]);
    expect(json.body.unmapped).toEqual([
      {
        id: b.id,
        nip: expect.any(String),
        namaKursus: 'Coaching kinerja',
        method: 'coaching',
        reason: expect.stringMatching(/coaching tidak punya jenis diklat/),
      },
    ]);
    const csv = await api('GET', `/api/v1/tenants/${t.slug}/siasn/riwayat.csv`, { token: t.adminToken });
    const [header, line] = csv.text.split('\r\n');
    expect(header).toBe(
      'id,nip,nama,pnsOrangId,namaKursus,jenisDiklatId,jumlahJam,tanggalKursus,tanggalSelesaiKursus,tahunKursus,institusiPenyelenggara,nomorSertipikat',
    );
    expect(line).toContain(`${a.id},`);
    expect(line).toContain(
      `,A8ACA7D4E7A83912E040640A040269BB,"'=HYPERLINK(""x"") Seminar",5,8,10-03-2025,11-03-2025,2025,Universitas Lampung,UNILA/SEM/2025/0141`,
    );

    const marked = await api('POST', `/api/v1/tenants/${t.slug}/siasn/mark-sent`, {
      token: t.adminToken,
      body: { ids: [a.id, c.id, 'lrp_nope'] },
    });
    expect(marked.body).toEqual({ marked: [a.id], skipped: [c.id, 'lrp_nope'] });
    expect((await api('GET', `/api/v1/tenants/${t.slug}/siasn/riwayat.json`, { token: t.adminToken })).body.items).toEqual([]);
    expect((await api('GET', `/api/v1/tenants/${t.slug}/learning-reports/${a.id}`, { token: t.adminToken })).body.siasnSentAt).toEqual(
      expect.any(String),
    );
    expect((await api('POST', `/api/v1/tenants/${t.slug}/siasn/mark-sent`, { token: t.adminToken, body: { ids: [a.id] } })).body).toEqual({
      marked: [],
      skipped: [a.id],
    });
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=learning_report.siasn_sent`, { token: t.adminToken });
    expect(audit.body.items.map((x: { entityId: string }) => x.entityId)).toEqual([a.id]);
  });
});
