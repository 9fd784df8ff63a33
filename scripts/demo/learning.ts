/**
 * Demo learning records for `npm start`, through the API: training reported by employees in every
 * state — waiting with its evidence (diajukan), approved by the rules (disetujui; one claimed more
 * than its rule gives, one coaching across a month boundary, one e-learning capped per day),
 * rejected with a reason (ditolak), withdrawn (ditarik) — so the queue, the history, the JP recap
 * per OPD and the SIASN export (one record already marked sent) have something to show. The demo
 * employee (the first of the registry by name, as `npm start` picks) has one of each. Runs once per
 * tenant: when the tenant already has reports it leaves them as they are.
 */
import { mintToken } from '../lib/dev-keys';
import type { DemoContext, DemoLoader } from './index';

interface Report {
  title: string;
  method: string;
  organiser: string;
  startDate: string;
  endDate: string;
  days?: number;
  sessions?: number;
  hours?: number;
  jpClaimed?: number;
  certificateNumber?: string;
  certificateDate?: string;
}

type Fate = 'diajukan' | 'disetujui' | 'ditolak' | 'ditarik';

const catalogue: [Report, Fate][] = [
  [
    {
      title: 'Seminar Nasional Reformasi Birokrasi',
      method: 'seminar',
      organiser: 'Universitas Lampung',
      startDate: '2025-03-10',
      endDate: '2025-03-11',
      jpClaimed: 10,
      certificateNumber: 'UNILA/SEM/2025/0141',
      certificateDate: '2025-03-11',
    },
    'disetujui',
  ],
  [
    {
      title: 'Workshop Penyusunan SAKIP',
      method: 'workshop',
      organiser: 'Kementerian PANRB',
      startDate: '2025-05-19',
      endDate: '2025-05-21',
      certificateNumber: 'PANRB/WS/2025/77',
      certificateDate: '2025-05-21',
    },
    'disetujui',
  ],
  [
    {
      title: 'Kursus Bahasa Inggris untuk ASN',
      method: 'kursus',
      organiser: 'LIA Bandar Lampung',
      startDate: '2025-07-07',
      endDate: '2025-07-11',
      jpClaimed: 32,
      certificateNumber: 'LIA/2025/0912',
    },
    'diajukan',
  ],
  [
    {
      title: 'Coaching Kinerja Bidang',
      method: 'coaching',
      organiser: 'BKPSDM',
      startDate: '2025-01-30',
      endDate: '2025-02-03',
      sessions: 4,
    },
    'disetujui',
  ],
  [
    {
      title: 'E-Learning Manajemen ASN',
      method: 'e_learning',
      organiser: 'LAN RI (ASN Unggul)',
      startDate: '2025-08-04',
      endDate: '2025-08-05',
      hours: 10,
      certificateNumber: 'LAN/EL/2025/55021',
    },
    'disetujui',
  ],
  [
    {
      title: 'Bimbingan Teknis Arsip Digital',
      method: 'bimbingan_teknis',
      organiser: 'ANRI',
      startDate: '2025-09-15',
      endDate: '2025-09-17',
      jpClaimed: 24,
      certificateNumber: 'ANRI/BT/2025/311',
    },
    'ditolak',
  ],
  [
    {
      title: 'Sosialisasi Aplikasi SRIKANDI',
      method: 'sosialisasi',
      organiser: 'Diskominfo',
      startDate: '2025-10-02',
      endDate: '2025-10-02',
    },
    'ditarik',
  ],
  [
    {
      title: 'Pelatihan Teknis Pengadaan Barang/Jasa',
      method: 'pelatihan_teknis',
      organiser: 'LKPP',
      startDate: '2025-06-02',
      endDate: '2025-06-05',
      jpClaimed: 30,
      certificateNumber: 'LKPP/PBJ/2025/8812',
      certificateDate: '2025-06-05',
    },
    'disetujui',
  ],
  [
    {
      title: 'Belajar Mandiri Analisis Data',
      method: 'belajar_mandiri',
      organiser: 'Mandiri (Coursera)',
      startDate: '2025-11-03',
      endDate: '2025-11-28',
      hours: 12,
    },
    'diajukan',
  ],
];

/** A minimal, valid PDF naming the training: evidence the demo can stream back. */
const evidence = (title: string) =>
  new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% Sertifikat: ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

async function call<T>(
  ctx: DemoContext,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  raw?: { type: string; bytes: Uint8Array; ifMatch: string },
) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (raw) {
    headers['content-type'] = raw.type;
    headers['if-match'] = raw.ifMatch;
    payload = raw.bytes;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(new URL(`/api/v1${path}`, ctx.url), { method, headers, ...(payload ? { body: payload } : {}) });
  const parsed = (await res.json()) as T;
  if (res.status >= 300) throw new Error(`demo learning ${method} ${path}: ${res.status} ${JSON.stringify(parsed)}`);
  return parsed;
}

export const learningLoader: DemoLoader = {
  name: 'learning',
  async load(ctx) {
    const t = `/tenants/${ctx.slug}`;
    const existing = await call<{ items: unknown[] }>(ctx, ctx.adminToken, 'GET', `${t}/learning-reports?limit=1`);
    if (existing.items.length > 0) return 'already loaded';
    const page = await call<{ items: { id: string }[] }>(ctx, ctx.adminToken, 'GET', `${t}/employees?status=active&limit=60`);
    // The demo employee first (the registry's first by name), then every seventh.
    const people = page.items.filter((_, i) => i === 0 || i % 7 === 3).slice(0, 6);
    if (people.length === 0) return 'skipped: no employees';
    const counts: Record<Fate, number> = { diajukan: 0, disetujui: 0, ditolak: 0, ditarik: 0 };
    const approved: string[] = [];
    for (const [p, person] of people.entries()) {
      const token = await mintToken({ role: 'employee', tenant: ctx.slug, employeeId: person.id, ttl: '1h' });
      // The demo employee has one of each state; the others a rotating share of the catalogue.
      const mine = p === 0 ? catalogue.filter((_, i) => [0, 2, 3, 5, 6].includes(i)) : catalogue.filter((_, i) => (i + p) % 3 === 0);
      for (const [report, fate] of mine) {
        const made = await call<{ id: string; version: number }>(ctx, token, 'POST', '/me/learning-reports', report);
        const path = `/me/learning-reports/${made.id}`;
        if (report.certificateNumber) {
          await call(ctx, token, 'PUT', `${path}/evidence`, undefined, {
            type: 'application/pdf',
            bytes: evidence(report.title),
            ifMatch: `"v${made.version}"`,
          });
        }
        if (fate === 'disetujui') {
          await call(ctx, ctx.adminToken, 'POST', `${t}/learning-reports/${made.id}/approve`);
          approved.push(made.id);
        } else if (fate === 'ditolak') {
          await call(ctx, ctx.adminToken, 'POST', `${t}/learning-reports/${made.id}/reject`, {
            reason: 'Sertifikat tidak terbaca; mohon unggah pindaian yang lebih jelas.',
          });
        } else if (fate === 'ditarik') {
          await call(ctx, token, 'POST', `${path}/withdraw`);
        }
        counts[fate]++;
      }
    }
    // One record already uploaded to SIASN by the BKD, so the export shows what is still to send.
    if (approved[0]) await call(ctx, ctx.adminToken, 'POST', `${t}/siasn/mark-sent`, { ids: [approved[0]] });
    return `${Object.entries(counts)
      .map(([fate, n]) => `${n} ${fate}`)
      .join(', ')} reports; 1 marked sent to SIASN`;
  },
};
