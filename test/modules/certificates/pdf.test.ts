/**
 * The certificate's PDF, made in workerd: it parses (pdf-lib), is A4 landscape, carries the
 * participant, program, dates, JP, place and date of issue and the official in its content stream
 * and in its metadata, and its QR code — the squares drawn in the `/QR` marked-content section,
 * rasterised here into a bitmap — decodes (jsQR) to the certificate's verification URL. A revoked
 * certificate's PDF says DICABUT; the same certificate renders to the same bytes.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { api } from '../../support/api';
import { contentOf, qrOf, qrSquares } from '../../support/certificate-pdf';
import { createTenant } from '../../support/factories';
import { cohort, issue, official } from './helpers';

/** The text shown with `<hex> Tj` (how pdf-lib writes standard-font text), one string per operator. */
const shownText = (content: string) =>
  [...content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((m) =>
    (m[1]?.match(/../g) ?? []).map((h) => String.fromCharCode(Number.parseInt(h, 16))).join(''),
  );

describe('the certificate PDF', () => {
  it('parses, carries the fields in its text and metadata, and its QR decodes to the verification URL', async () => {
    const t = await createTenant();
    const c = await cohort(t, ['Siti Rahayu, S.Kep.']);
    const cert = (await issue(t, c, 0)).body;
    const res = await api('GET', `/api/v1/me/certificates/${cert.id}/pdf`, { token: c.people[0]!.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('sertifikat-1-');
    const doc = await PDFDocument.load(res.bytes);
    const [page] = doc.getPages();
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = page!.getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);

    // Lines wrapped on the page are joined back with a space.
    const text = shownText(contentOf(doc, page!)).join(' ');
    for (const field of [
      'SERTIFIKAT',
      `Nomor: ${cert.number}`,
      'Siti Rahayu, S.Kep.',
      c.people[0]!.nip,
      'Penata Muda Tingkat I (III/b)',
      'Analis Kebijakan Ahli Muda',
      'Dinas Kesehatan',
      c.programTitle,
      '3 Maret 2025 s.d. 7 Maret 2025',
      '24 jam pelajaran (JP)',
      'Aula BKPSDM, Kalianda',
      `Pemerintah Kabupaten Uji ${t.slug}, 10 Maret 2025`,
      official.name,
      `NIP ${official.nip}`,
      official.title,
      `https://bangkom.test/verifikasi/${cert.verificationCode}`,
    ]) {
      expect(text, field).toContain(field);
    }
    expect(text).not.toContain('DICABUT');
    expect(doc.getTitle()).toBe(`Sertifikat ${cert.number}`);
    expect(doc.getSubject()).toBe(c.programTitle);
    expect(doc.getKeywords()).toContain(c.people[0]!.nip);
    expect(doc.getKeywords()).toContain('Siti Rahayu, S.Kep.');
    expect(doc.getCreationDate()?.toISOString().slice(0, 10)).toBe('2025-03-10');

    expect(qrSquares(contentOf(doc, page!)).length).toBeGreaterThan(20);
    expect(qrOf(contentOf(doc, page!))).toBe(`https://bangkom.test/verifikasi/${cert.verificationCode}`);

    // The admin downloads the same document, byte for byte.
    const again = await api('GET', `/api/v1/tenants/${t.slug}/certificates/${cert.id}/pdf`, { token: t.adminToken });
    expect(again.bytes).toEqual(res.bytes);
  });

  it('stamps a revoked certificate DICABUT with its reason', async () => {
    const t = await createTenant();
    const c = await cohort(t, ['Ganti Nama']);
    const cert = (await issue(t, c, 0)).body;
    await api('POST', `/api/v1/tenants/${t.slug}/certificates/${cert.id}/revoke`, {
      token: t.adminToken,
      body: { reason: 'Salah cetak nama' },
    });
    const res = await api('GET', `/api/v1/me/certificates/${cert.id}/pdf`, { token: c.people[0]!.token });
    const doc = await PDFDocument.load(res.bytes);
    const text = shownText(contentOf(doc, doc.getPages()[0]!)).join('\n');
    expect(text).toContain('DICABUT');
    expect(text).toContain('Salah cetak nama');
  });

  it('writes a name the standard font lacks without failing (accents dropped, the rest "?")', async () => {
    const t = await createTenant();
    const c = await cohort(t, ['Ňgurah Ṛai 王']);
    const cert = (await issue(t, c, 0)).body;
    const res = await api('GET', `/api/v1/me/certificates/${cert.id}/pdf`, { token: c.people[0]!.token });
    expect(res.status).toBe(200);
    const doc = await PDFDocument.load(res.bytes);
    expect(shownText(contentOf(doc, doc.getPages()[0]!))).toContain('Ngurah Rai ?');
  });
});
