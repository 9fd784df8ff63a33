/**
 * Public verification of a certificate by its code, for anyone holding the paper or the PDF: a
 * JSON answer (`GET /api/v1/verifikasi/{code}`) and a small page (`GET /verifikasi/{code}`). No
 * token: the code (160 random bits) is the only key, so the answer says as little as lets a
 * reader check the paper — valid or revoked, the number, the name, the NIP masked to its first
 * and last four digits, the program, its dates and JP, the date of issue, the region, and when
 * revoked its date and reason. Never the full NIP, the person's unit or position, ids, or the
 * tenant. An unknown code is a 404, the same whether it never existed or is malformed.
 *
 * Nothing names the tenant before the code is found, so every database binding is asked (one
 * indexed lookup each, in parallel: `certificates_code` is unique across tenants). This reads
 * outside any tenant context on purpose, and reads this one row only.
 */
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { certificates } from '../../db/schema';
import type { Bindings } from '../../env';
import type { CostMeter } from '../../platform/db/metered-d1';
import { notFound } from '../../platform/errors';
import { databaseBindings, tenantDatabase } from '../../platform/tenancy/directory';
import { tanggal } from './pdf';
import type { Verification } from './schemas';

/** `198503302003121002` → `1985********1002`: the first and last four digits and a fixed run of eight stars, whatever the length. */
const maskNip = (nip: string) => (nip.length <= 8 ? '********' : `${nip.slice(0, 4)}********${nip.slice(-4)}`);

export async function verifyCertificate(env: Bindings, meter: CostMeter, code: string): Promise<Verification> {
  if (!/^[0-9a-z]{10,40}$/.test(code)) throw notFound('certificate');
  const c = certificates;
  const found = await Promise.all(
    databaseBindings(env).map(async (binding) => {
      const [row] = await drizzle(meter.wrap(tenantDatabase(env, binding)))
        .select({
          status: c.status,
          number: c.number,
          name: c.participantName,
          nip: c.participantNip,
          program: c.programTitle,
          start: c.startDate,
          end: c.endDate,
          jpCenti: c.jpCenti,
          issuedOn: c.issuedOn,
          region: c.region,
          revokedOn: c.revokedOn,
          reason: c.revokedReason,
        })
        .from(c)
        .where(eq(c.verificationCode, code))
        .limit(1);
      return row;
    }),
  );
  const row = found.find((r) => r !== undefined);
  if (!row) throw notFound('certificate');
  return {
    status: row.status,
    number: row.number,
    name: row.name,
    nipMasked: maskNip(row.nip),
    program: row.program,
    dates: { start: row.start, end: row.end },
    jp: row.jpCenti / 100,
    issuedOn: row.issuedOn,
    region: row.region,
    ...(row.status === 'revoked' ? { revokedOn: row.revokedOn ?? '', reason: row.reason ?? '' } : {}),
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[<>&"']/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[ch] as string);

const style = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f5f7;color:#1a1b25}
main{max-width:34rem;margin:0 auto;padding:1.25rem}h1{font-size:1.25rem;margin:.5rem 0 1rem}
.status{border-radius:.5rem;padding:1rem;font-weight:600;font-size:1.1rem;margin-bottom:1rem}
.valid{background:#e6f4ea;color:#0d5223;border:1px solid #8fcf9f}.revoked{background:#fde8e8;color:#7a1010;border:1px solid #e99}
.missing{background:#fff4e0;color:#6b4500;border:1px solid #e8c27a}dl{background:#fff;border-radius:.5rem;padding:1rem;margin:0}
dt{font-size:.8rem;color:#555;margin-top:.75rem}dt:first-child{margin-top:0}dd{margin:.15rem 0 0;font-size:1rem;word-break:break-word}
footer{font-size:.75rem;color:#666;margin-top:1rem}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${style}</style></head>
<body><main><h1>Verifikasi Sertifikat</h1>${body}<footer>Bangkom — pengembangan kompetensi ASN. Halaman ini hanya menampilkan data yang diperlukan untuk memeriksa keabsahan sertifikat.</footer></main></body></html>`;
}

/** The page for a found certificate. */
export function verificationPage(v: Verification): string {
  const item = (label: string, value: string) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
  const dates = v.dates.start === v.dates.end ? tanggal(v.dates.start) : `${tanggal(v.dates.start)} s.d. ${tanggal(v.dates.end)}`;
  const status =
    v.status === 'valid'
      ? '<div class="status valid">✔ SAH — sertifikat ini diterbitkan dan masih berlaku.</div>'
      : `<div class="status revoked">✖ DICABUT pada ${escapeHtml(tanggal(v.revokedOn ?? v.issuedOn))}. Alasan: ${escapeHtml(v.reason ?? '')}</div>`;
  const details = [
    item('Nomor', v.number),
    item('Nama', v.name),
    item('NIP', v.nipMasked),
    item('Pelatihan', v.program),
    item('Tanggal pelaksanaan', dates),
    item('Jam pelajaran', `${String(v.jp).replace('.', ',')} JP`),
    item('Tanggal terbit', tanggal(v.issuedOn)),
    item('Penerbit', v.region),
  ].join('');
  return page(`Sertifikat ${v.number}`, `${status}<dl>${details}</dl>`);
}

/** The page for an unknown code. */
export const unknownCertificatePage = () =>
  page(
    'Sertifikat tidak ditemukan',
    '<div class="status missing">Kode verifikasi ini tidak dikenal. Periksa kembali alamat atau kode QR pada sertifikat.</div>',
  );
