/**
 * Certificates through the API: issuing one participant's, the number from the default and a
 * tenant's own pattern, what is refused (not passed, already issued, no official, a future date,
 * a bad pattern), numbering under concurrency (no gap, no duplicate), the participant's own list
 * and the 404s for anyone else's, revocation, and the public verification answer and page —
 * which reveal nothing more than documented.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { certificatesOfEmployee } from '../../../src/modules/certificates';
import { api, expectProblem } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant } from '../../support/factories';
import { race } from '../../support/races';
import { cohort, issue, official } from './helpers';

type Verification = { status: string; nipMasked: string; [key: string]: unknown };

describe('issuing a certificate', () => {
  it('copies the participant, program and official into a certificate numbered {seq}/{code}/{unit}/{year}', async () => {
    const t = await createTenant();
    const c = await cohort(t, ['Siti Rahayu, S.Kep.', 'Budi Santoso']);
    const res = await issue(t, c, 0);
    expect(res.status, res.text).toBe(201);
    const cert = res.body;
    expect(cert).toMatchObject({
      number: `1/${c.programCode}/BKPSDM/2025`,
      year: 2025,
      seq: 1,
      status: 'valid',
      enrollmentId: c.people[0]!.enrollmentId,
      offeringId: c.offeringId,
      employeeId: c.people[0]!.employeeId,
      issuedOn: '2025-03-10',
      issuedPlace: `Pemerintah Kabupaten Uji ${t.slug}`,
      participant: {
        name: 'Siti Rahayu, S.Kep.',
        nip: c.people[0]!.nip,
        grade: 'III/b',
        pangkat: 'Penata Muda Tingkat I',
        position: 'Analis Kebijakan Ahli Muda',
        unit: 'Dinas Kesehatan',
      },
      program: {
        code: c.programCode,
        title: c.programTitle,
        startDate: '2025-03-03',
        endDate: '2025-03-07',
        jp: 24,
        venue: 'Aula BKPSDM, Kalianda',
      },
      official,
      revokedOn: null,
    });
    expect(cert.verificationCode).toMatch(/^[0-9a-z]{32}$/);
    expect(cert.verificationPath).toBe(`/verifikasi/${cert.verificationCode}`);
    const second = await issue(t, c, 1);
    expect(second.body.number).toBe(`2/${c.programCode}/BKPSDM/2025`);
    // A new year starts again at 1.
    const other = await cohort(t, ['Dewi Lestari']);
    expect((await issue(t, other, 0, { issuedOn: '2026-01-02' })).body.number).toBe(`1/${other.programCode}/BKPSDM/2026`);
    const audit = await env.DB.prepare("select count(*) as n from audit_log where tenant_id = ? and action = 'certificate.issue'")
      .bind(t.id)
      .first<{ n: number }>();
    expect(audit?.n).toBe(3);
  });

  it("numbers by the tenant's own pattern, and refuses a pattern without one sequence and the year", async () => {
    const t = await createTenant();
    const path = `/api/v1/tenants/${t.slug}/certificate-settings` as const;
    const read = await api('GET', path, { token: t.adminToken });
    expect(read.body).toMatchObject({ numberPattern: '{seq}/{code}/{unit}/{year}', issuerUnit: 'BKPSDM', version: 0, official: null });
    for (const bad of [
      '{code}/{year}',
      '{seq}/{seq:3}/{year}',
      '{seq}/{unit}',
      '{seq:12}/{year}',
      '{seq}/{nama}/{year}',
      '{seq}/{year}}',
    ]) {
      const res = await api('PUT', path, {
        token: t.adminToken,
        headers: { 'if-match': '"v0"' },
        body: { numberPattern: bad, issuerUnit: 'BKD', issuedPlace: null, official: null },
      });
      expect(expectProblem(res, 400).errors?.[0]?.path, bad).toBe('json.numberPattern');
    }
    const saved = await api('PUT', path, {
      token: t.adminToken,
      headers: { 'if-match': '"v0"' },
      body: { numberPattern: '800/{seq:4}/{unit}-{code}/{romawi}/{year}', issuerUnit: 'BKPSDM.LS', issuedPlace: 'Kalianda', official },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.headers.get('etag')).toBe('"v1"');
    const stale = await api('PUT', path, {
      token: t.adminToken,
      headers: { 'if-match': '"v0"' },
      body: { numberPattern: '{seq}/{year}', issuerUnit: 'X', issuedPlace: null, official: null },
    });
    expectProblem(stale, 412);
    const c = await cohort(t, ['Ahmad Fauzi']);
    // The official and the place come from the settings when the request names none.
    const res = await issue(t, c, 0, { official: undefined });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ number: `800/0001/BKPSDM.LS-${c.programCode}/III/2025`, issuedPlace: 'Kalianda', official });
  });

  it('refuses a participant who did not pass, a second certificate, a future date and a missing official', async () => {
    const t = await createTenant();
    const c = await cohort(t, ['Lulus', 'Tidak Lulus'], { failed: [1] });
    expect(expectProblem(await issue(t, c, 1), 422).errors?.[0]?.path).toBe('body.enrollmentId');
    expect(expectProblem(await issue(t, c, 0, { official: undefined }), 422).errors?.[0]?.path).toBe('body.official');
    expect(expectProblem(await issue(t, c, 0, { issuedOn: '2099-01-01' }), 400).errors?.[0]?.path).toBe('body.issuedOn');
    expect((await issue(t, c, 0)).status).toBe(201);
    expectProblem(await issue(t, c, 0), 409);
    const other = await cohort(t, ['Lain']);
    // An enrollment of another offering is not one of this offering's.
    const wrong = await api('POST', `/api/v1/tenants/${t.slug}/offerings/${c.offeringId}/certificates`, {
      token: t.adminToken,
      body: { enrollmentId: other.people[0]!.enrollmentId, official },
    });
    expectProblem(wrong, 422);
    const missing = await api('POST', `/api/v1/tenants/${t.slug}/offerings/off_nothing/certificates`, {
      token: t.adminToken,
      body: { enrollmentId: other.people[0]!.enrollmentId, official },
    });
    expectProblem(missing, 404);
    // Nothing refused took a number: the next one is 2.
    expect((await issue(t, other, 0)).body.number).toMatch(/^2\//);
  });
});

describe('numbering under concurrency', () => {
  it('gives parallel issues distinct numbers with no gap, and one certificate per participant however often it is asked', async () => {
    const t = await createTenant();
    const c = await cohort(
      t,
      Array.from({ length: 12 }, (_, i) => `Peserta ${String(i).padStart(2, '0')}`),
    );
    // Each participant asked for twice at once: 24 requests, 12 certificates.
    const { results, tally } = await race(24, (i) => issue(t, c, i % 12));
    expect(tally).toEqual({ 201: 12, 409: 12 });
    const numbers = results.filter((r) => r.status === 201).map((r) => (r.body as { seq: number }).seq);
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const list = await api('GET', `/api/v1/tenants/${t.slug}/certificates?offeringId=${c.offeringId}&limit=500`, { token: t.adminToken });
    expect(new Set(list.body.items.map((x) => x.enrollmentId)).size).toBe(12);
    expect(new Set(list.body.items.map((x) => x.number)).size).toBe(12);
  });
});

describe('who sees a certificate', () => {
  it('the participant lists and downloads their own; another employee and another tenant get 404', async () => {
    const t = await createTenant();
    const c = await cohort(t, ['Pemilik', 'Rekan']);
    const own = (await issue(t, c, 0)).body;
    const colleague = (await issue(t, c, 1)).body;
    const mine = await api('GET', '/api/v1/me/certificates', { token: c.people[0]!.token });
    expect(mine.body.items.map((x) => x.id)).toEqual([own.id]);
    expect((await api('GET', `/api/v1/me/certificates/${own.id}/pdf`, { token: c.people[0]!.token })).status).toBe(200);
    expectProblem(await api('GET', `/api/v1/me/certificates/${colleague.id}/pdf`, { token: c.people[0]!.token }), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/certificates/${own.id}`, { token: c.people[0]!.token }), 403);
    const elsewhere = await createTenant();
    expectProblem(await api('GET', `/api/v1/tenants/${elsewhere.slug}/certificates/${own.id}`, { token: elsewhere.adminToken }), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${elsewhere.slug}/certificates/${own.id}/pdf`, { token: elsewhere.adminToken }), 404);
    expectProblem(
      await api('POST', `/api/v1/tenants/${elsewhere.slug}/certificates/${own.id}/revoke`, {
        token: elsewhere.adminToken,
        body: { reason: 'coba' },
      }),
      404,
    );
    const admin = await api('GET', `/api/v1/tenants/${t.slug}/certificates?employeeId=${c.people[1]!.employeeId}`, { token: t.adminToken });
    expect(admin.body.items.map((x) => x.id)).toEqual([colleague.id]);
    // What the person's history reads through the module's front door.
    expect(await certificatesOfEmployee({ ctx: await contextFor(t), input: c.people[0]!.employeeId })).toEqual([
      { id: own.id, number: own.number, enrollmentId: own.enrollmentId, offeringId: c.offeringId, issuedOn: '2025-03-10', status: 'valid' },
    ]);
    expect(await certificatesOfEmployee({ ctx: await contextFor(elsewhere), input: c.people[0]!.employeeId })).toEqual([]);
  });
});

describe('revocation and public verification', () => {
  it('answers valid, then revoked with date and reason, and never the full NIP, ids or the unit', async () => {
    const t = await createTenant();
    const c = await cohort(t, ['Rina Marlina, S.H.']);
    const cert = (await issue(t, c, 0)).body;
    const path = `/api/v1/verifikasi/${cert.verificationCode}` as const;
    const valid = await api('GET', path);
    expect(valid.status, valid.text).toBe(200);
    const nip = c.people[0]!.nip;
    expect(valid.body).toEqual({
      status: 'valid',
      number: cert.number,
      name: 'Rina Marlina, S.H.',
      nipMasked: `${nip.slice(0, 4)}********${nip.slice(-4)}`,
      program: c.programTitle,
      dates: { start: '2025-03-03', end: '2025-03-07' },
      jp: 24,
      issuedOn: '2025-03-10',
      region: `Pemerintah Kabupaten Uji ${t.slug}`,
    });
    for (const secret of [
      nip,
      cert.id,
      cert.employeeId,
      cert.enrollmentId,
      cert.offeringId,
      t.id,
      'Dinas Kesehatan',
      'Analis Kebijakan',
      official.nip,
    ]) {
      expect(valid.text).not.toContain(secret);
    }
    const page = await api('GET', `/verifikasi/${cert.verificationCode}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain('SAH');
    expect(page.text).toContain('Rina Marlina, S.H.');
    expect(page.text).not.toContain(nip);

    const revoke = `/api/v1/tenants/${t.slug}/certificates/${cert.id}/revoke` as const;
    expectProblem(await api('POST', revoke, { token: c.people[0]!.token, body: { reason: 'Data peserta keliru' } }), 403);
    const revoked = await api('POST', revoke, { token: t.adminToken, body: { reason: 'Data peserta keliru' } });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', revokedReason: 'Data peserta keliru' });
    expectProblem(await api('POST', revoke, { token: t.adminToken, body: { reason: 'Lagi' } }), 409);
    const after = (await api('GET', path)).body as Verification;
    expect(after).toMatchObject({ status: 'revoked', revokedOn: revoked.body.revokedOn, reason: 'Data peserta keliru' });
    const revokedPage = await api('GET', `/verifikasi/${cert.verificationCode}`);
    expect(revokedPage.text).toContain('DICABUT');
    expect(revokedPage.text).toContain('Data peserta keliru');
    const audit = await env.DB.prepare("select count(*) as n from audit_log where tenant_id = ? and action = 'certificate.revoke'")
      .bind(t.id)
      .first<{ n: number }>();
    expect(audit?.n).toBe(1);
    // A revoked certificate leaves room for a new one, with the next number.
    const again = await issue(t, c, 0);
    expect(again.status).toBe(201);
    expect(again.body.seq).toBe(2);
  });

  it('answers 404 for an unknown or malformed code, as JSON and as a page, and escapes what it shows', async () => {
    expectProblem(await api('GET', '/api/v1/verifikasi/0000000000aaaaaaaaaa0000000000aa'), 404);
    expectProblem(await api('GET', '/api/v1/verifikasi/BAD!'), 404);
    const page = await api('GET', '/verifikasi/0000000000aaaaaaaaaa0000000000aa');
    expect(page.status).toBe(404);
    expect(page.text).toContain('tidak dikenal');
    expect((await api('GET', '/verifikasi/%3Cscript%3E')).text).not.toContain('<script>');
    const t = await createTenant();
    const c = await cohort(t, ['<b>Nama</b> & "Kutip"']);
    const cert = (await issue(t, c, 0)).body;
    const shown = await api('GET', `/verifikasi/${cert.verificationCode}`);
    expect(shown.text).toContain('&lt;b&gt;Nama&lt;/b&gt; &amp; &quot;Kutip&quot;');
  });
});
