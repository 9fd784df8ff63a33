/**
 * The SIASN sync against a double of SIASN (test/node/siasn-fake.ts, reached through the `SIASN`
 * service binding, never the network), which checks each request against the documented shapes
 * and records what it received: the bodies hand-checked (dates dd-mm-yyyy, jumlahJam rounded half
 * up, jenisDiklatId), the certificate PDF uploaded onto the returned riwayat, the ids stored, a
 * second sync sending nothing, a person without SIASN id skipped, a refusal failing only its
 * record, a lost answer never posted again until the admin decides, and who may start it.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { followJob } from '../../support/jobs';
import { knownPns, lostAnswerPns, siasnOrigin, siasnRegions } from '../../support/siasn-regions';
import { tokenFor } from '../../support/tokens';
import { approve, type Person, pdf, person, png, reported, seminar, upload } from './helpers';

type Region = (typeof siasnRegions)[number];

interface Received {
  tokens: { kind: 'sso' | 'apim'; form: Record<string, string> }[];
  saves: { body: Record<string, unknown>; answered: string }[];
  uploads: { fields: Record<string, string>; filename: string; type: string; bytes: number; pdf: boolean }[];
  refused: { path: string; status: number; reason: string }[];
}

interface SyncResult {
  counts: { sent: number; skipped: number; failed: number };
  sent: { id: string; nip: string; namaKursus: string; riwayatId: string; document: string; documentReason?: string }[];
  skipped: { id: string; nip: string; namaKursus: string; reason: string }[];
  failed: { id: string; nip: string; namaKursus: string; reason: string; uncertain: boolean }[];
}

const siasn = (env as unknown as { SIASN: Fetcher }).SIASN;

async function received(region: Region, reset = false): Promise<Received> {
  const res = await siasn.fetch(`${siasnOrigin}/${reset ? '__reset' : '__received'}?account=${region.username}`, {
    method: reset ? 'POST' : 'GET',
  });
  return (await res.json()) as Received;
}

/** The region's tenant (its slug has an account at the double), with nothing received yet. */
async function regionTenant(n: number): Promise<{ t: TestTenant; region: Region }> {
  const region = siasnRegions[n - 1] as Region;
  const t = await createTenant({ slug: region.slug });
  await received(region, true);
  return { t, region };
}

async function withSiasnId(t: TestTenant, who: Person, siasnId: string, version = 1) {
  const res = await api('PATCH', `/api/v1/tenants/${t.slug}/employees/${who.id}`, {
    token: t.adminToken,
    body: { siasnId },
    headers: { 'if-match': `"v${version}"` },
  });
  expect(res.status, res.text).toBe(200);
}

async function nipOf(t: TestTenant, who: Person): Promise<string> {
  return (await api('GET', `/api/v1/tenants/${t.slug}/employees/${who.id}`, { token: t.adminToken })).body.nip;
}

async function approved(t: TestTenant, who: Person, body: Record<string, unknown>, evidence?: { bytes: Uint8Array; type: string }) {
  const r = await reported(who, body);
  if (evidence) expect((await upload(who, r.id, evidence.bytes, evidence.type)).status).toBe(200);
  const res = await approve(t, r.id);
  expect(res.status, res.text).toBe(200);
  return r as { id: string };
}

const sync = (t: TestTenant, body: Record<string, unknown> = {}, token = t.adminToken) =>
  api('POST', `/api/v1/tenants/${t.slug}/siasn/sync`, { token, body });

async function synced(t: TestTenant, body: Record<string, unknown> = {}) {
  const job = await followJob<SyncResult>(await sync(t, body), t.adminToken);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  return job.result as SyncResult;
}

const report = async (t: TestTenant, id: string) =>
  (await api('GET', `/api/v1/tenants/${t.slug}/learning-reports/${id}`, { token: t.adminToken })).body;

describe('SIASN sync', () => {
  it('posts each record in the documented shape, uploads the PDF onto the returned riwayat, stores the ids; a second sync sends nothing', async () => {
    const { t, region } = await regionTenant(1);
    const ani = await person(t, { name: 'Ani Lestari' });
    const budi = await person(t, { name: 'Budi Santoso' });
    const citra = await person(t, { name: 'Citra Dewi' });
    await withSiasnId(t, ani, knownPns[0] as string);
    await withSiasnId(t, budi, knownPns[1] as string);
    // Seminar, two days (rule: 8 JP), 7.5 claimed: 7.5 JP credited, rounded half up to 8 hours; PDF evidence.
    const a = await approved(t, ani, { ...seminar, jpClaimed: 7.5 }, { bytes: pdf('sertifikat ani'), type: 'application/pdf' });
    // Workshop of one day, 2.4 claimed: 2.4 JP, rounded to 2 hours; a PNG scan is not uploaded.
    const b = await approved(
      t,
      budi,
      {
        title: 'Workshop Penyusunan SKP',
        method: 'workshop',
        organiser: 'BKPSDM Provinsi Lampung',
        startDate: '2025-12-30',
        endDate: '2025-12-30',
        days: 1,
        jpClaimed: 2.4,
      },
      { bytes: png(), type: 'image/png' },
    );
    // No SIASN person id: skipped, never guessed. Coaching has no jenis diklat: skipped too.
    const c = await approved(t, citra, { ...seminar, title: 'Seminar tanpa id SIASN' });
    const d = await approved(t, ani, {
      title: 'Coaching kinerja',
      method: 'coaching',
      organiser: 'BKPSDM',
      startDate: '2025-04-07',
      endDate: '2025-04-07',
      sessions: 1,
    });

    const result = await synced(t);
    const got = await received(region);
    expect(got.refused).toEqual([]);
    expect(got.tokens).toEqual([
      { kind: 'sso', form: { grant_type: 'password', client_id: region.clientId, username: region.username, password: region.password } },
      { kind: 'apim', form: { grant_type: 'client_credentials' } },
    ]);
    expect(got.saves.map((s) => s.body)).toEqual([
      {
        instansiId: region.instansiId,
        institusiPenyelenggara: 'Universitas Lampung',
        jenisDiklatId: '5',
        jenisKursus: '',
        jenisKursusSertipikat: '',
        jumlahJam: 8,
        lokasiId: '',
        namaKursus: 'Seminar Nasional Pelayanan Publik',
        nomorSertipikat: 'UNILA/SEM/2025/0141',
        pnsOrangId: knownPns[0],
        tahunKursus: 2025,
        tanggalKursus: '10-03-2025',
        tanggalSelesaiKursus: '11-03-2025',
      },
      {
        instansiId: region.instansiId,
        institusiPenyelenggara: 'BKPSDM Provinsi Lampung',
        jenisDiklatId: '4',
        jenisKursus: '',
        jenisKursusSertipikat: '',
        jumlahJam: 2,
        lokasiId: '',
        namaKursus: 'Workshop Penyusunan SKP',
        nomorSertipikat: '',
        pnsOrangId: knownPns[1],
        tahunKursus: 2025,
        tanggalKursus: '30-12-2025',
        tanggalSelesaiKursus: '30-12-2025',
      },
    ]);
    const [ra, rb] = got.saves.map((s) => s.answered.replace('saved ', ''));
    expect(got.uploads).toEqual([
      {
        fields: { id_riwayat: ra, id_ref_dokumen: '874' },
        filename: `sertifikat-${a.id}.pdf`,
        type: 'application/pdf',
        bytes: pdf('sertifikat ani').byteLength,
        pdf: true,
      },
    ]);

    const [ani_nip, citra_nip] = [await nipOf(t, ani), await nipOf(t, citra)];
    expect(result.counts).toEqual({ sent: 2, skipped: 2, failed: 0 });
    expect(result.sent).toEqual([
      { id: a.id, nip: ani_nip, namaKursus: 'Seminar Nasional Pelayanan Publik', riwayatId: ra, document: 'uploaded' },
      {
        id: b.id,
        nip: await nipOf(t, budi),
        namaKursus: 'Workshop Penyusunan SKP',
        riwayatId: rb,
        document: 'not_pdf',
        documentReason: expect.stringMatching(/bukan PDF/),
      },
    ]);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { id: c.id, nip: citra_nip, namaKursus: 'Seminar tanpa id SIASN', reason: expect.stringMatching(/pnsOrangId/) },
        { id: d.id, nip: ani_nip, namaKursus: 'Coaching kinerja', reason: expect.stringMatching(/coaching tidak punya jenis diklat/) },
      ]),
    );

    expect(await report(t, a.id)).toMatchObject({
      siasnRiwayatId: ra,
      siasnSentAt: expect.any(String),
      siasnDocumentAt: expect.any(String),
    });
    expect(await report(t, b.id)).toMatchObject({ siasnRiwayatId: rb, siasnSentAt: expect.any(String), siasnDocumentAt: null });
    expect(await report(t, c.id)).toMatchObject({ siasnRiwayatId: null, siasnSentAt: null });
    const exported = await api('GET', `/api/v1/tenants/${t.slug}/siasn/riwayat.json`, { token: t.adminToken });
    expect(exported.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);

    const again = await synced(t);
    expect(again.counts).toEqual({ sent: 0, skipped: 2, failed: 0 });
    expect((await received(region)).saves).toHaveLength(2);

    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=learning_report.siasn_synced`, { token: t.adminToken });
    expect(audit.body.items.map((x: { entityId: string }) => x.entityId).sort()).toEqual([a.id, b.id].sort());
    const started = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=siasn.sync`, { token: t.adminToken });
    expect(started.body.items).toHaveLength(2);
  });

  it('a record SIASN refuses fails with its reason, the others are still sent, and the next sync tries it again', async () => {
    const { t, region } = await regionTenant(2);
    const ani = await person(t);
    const budi = await person(t);
    await withSiasnId(t, ani, knownPns[0] as string);
    await withSiasnId(t, budi, 'ID-YANG-TIDAK-DIKENAL-SIASN');
    const a = await approved(t, ani, seminar);
    const b = await approved(t, budi, { ...seminar, title: 'Seminar Budi' });

    const first = await synced(t);
    expect(first.counts).toEqual({ sent: 1, skipped: 0, failed: 1 });
    expect(first.sent.map((s) => s.id)).toEqual([a.id]);
    expect(first.failed).toEqual([
      {
        id: b.id,
        nip: expect.any(String),
        namaKursus: 'Seminar Budi',
        reason: expect.stringMatching(/SIASN menolak.*Data PNS tidak ditemukan/),
        uncertain: false,
      },
    ]);
    expect(await report(t, b.id)).toMatchObject({ siasnRiwayatId: null, siasnSentAt: null });

    await withSiasnId(t, budi, knownPns[2] as string, 2);
    const second = await synced(t);
    expect(second.counts).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(second.sent.map((s) => s.id)).toEqual([b.id]);
    const saves = (await received(region)).saves;
    expect(saves.map((s) => s.body.pnsOrangId)).toEqual([knownPns[0], 'ID-YANG-TIDAK-DIKENAL-SIASN', knownPns[2]]);
  });

  it('a record whose answer was lost is never posted again until the admin decides (recheck or mark-sent)', async () => {
    const { t, region } = await regionTenant(3);
    const ani = await person(t);
    await withSiasnId(t, ani, lostAnswerPns);
    const a = await approved(t, ani, seminar);

    const first = await synced(t);
    expect(first.counts).toEqual({ sent: 0, skipped: 0, failed: 1 });
    expect(first.failed[0]).toMatchObject({ id: a.id, uncertain: true, reason: expect.stringMatching(/tidak diketahui.*HTTP 504/) });
    expect((await received(region)).saves).toHaveLength(1);

    // Retried: reported, not posted.
    const second = await synced(t);
    expect(second.failed[0]).toMatchObject({ id: a.id, uncertain: true });
    expect((await received(region)).saves).toHaveLength(1);

    // The admin found nothing in SIASN and asks for it again: posted once more.
    const third = await synced(t, { recheck: [a.id] });
    expect(third.failed[0]).toMatchObject({ id: a.id, uncertain: true });
    expect((await received(region)).saves).toHaveLength(2);
    const rechecked = await api('GET', `/api/v1/tenants/${t.slug}/audit?action=learning_report.siasn_recheck`, { token: t.adminToken });
    expect(rechecked.body.items.map((x: { entityId: string }) => x.entityId)).toEqual([a.id]);

    // The admin found it in SIASN: marked sent, the sync leaves it.
    expect(
      (await api('POST', `/api/v1/tenants/${t.slug}/siasn/mark-sent`, { token: t.adminToken, body: { ids: [a.id] } })).body.marked,
    ).toEqual([a.id]);
    const fourth = await synced(t);
    expect(fourth.counts).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect((await received(region)).saves).toHaveLength(2);
  });

  it('parallel starts run one sync at a time: each record is posted once', async () => {
    const { t, region } = await regionTenant(5);
    const ani = await person(t);
    await withSiasnId(t, ani, knownPns[0] as string);
    const a = await approved(t, ani, seminar, { bytes: pdf(), type: 'application/pdf' });
    const starts = await Promise.all([sync(t), sync(t), sync(t)]);
    const jobs = await Promise.all(starts.map((res) => followJob<SyncResult>(res, t.adminToken)));
    expect(jobs.map((j) => j.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const got = await received(region);
    expect(got.saves).toHaveLength(1);
    expect(got.uploads).toHaveLength(1);
    expect(await report(t, a.id)).toMatchObject({ siasnRiwayatId: got.saves[0]?.answered.replace('saved ', '') });
  });

  it('a region without SIASN configuration gets a problem, and no job', async () => {
    const t = await createTenant();
    const res = expectProblem(await sync(t), 409);
    expect(res.detail).toMatch(/SIASN belum dikonfigurasi.*SIASN_CREDENTIALS has no entry/);
    const jobs = await api('GET', `/api/v1/tenants/${t.slug}/jobs?kind=siasn.sync`, { token: t.adminToken });
    expect(jobs.body.items).toEqual([]);
  });

  it("only the region's own admin starts it or sees its job", async () => {
    const { t, region } = await regionTenant(4);
    const other = await createTenant();
    const employee = await person(t);
    expectProblem(await sync(t, {}, employee.token), 403);
    expectProblem(await sync(t, {}, other.adminToken), 403);
    expectProblem(await sync(t, {}, await tokenFor('national_admin')), 403);
    expectProblem(await sync(t, { recheck: 'x' }), 400);

    const res = await sync(t);
    expect(res.status, res.text).toBe(202);
    await followJob(res, t.adminToken);
    const id = (res.body as { id: string }).id;
    expectProblem(await api('GET', `/api/v1/tenants/${other.slug}/jobs/${id}`, { token: other.adminToken }), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/jobs/${id}`, { token: employee.token }), 404);
    expect((await received(region)).saves).toEqual([]);
  });
});
