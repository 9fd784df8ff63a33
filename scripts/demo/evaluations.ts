/**
 * Demo evaluations for `npm start`: public satisfaction survey responses (IKM) for a few service
 * units over two semesters, and a unit indicator or two with quarterly values. Deterministic (a
 * seeded generator per tenant), through the API, and safe on every start: a unit's period that
 * already has responses is skipped, indicators are found by name, values are upserts.
 */
import type { DemoContext } from './index';

/** Service units that take public surveys, in order of preference, by the codes the demo manifests use. */
const serviceUnits = [
  { code: 'DISDUKCAPIL', services: ['Penerbitan KTP-el', 'Kartu Keluarga', 'Akta Kelahiran'] },
  { code: 'DPMPTSP', services: ['Perizinan Berusaha', 'Persetujuan Bangunan Gedung'] },
  { code: 'PKM-BELAWAN', services: ['Pemeriksaan Umum', 'Imunisasi', 'Kesehatan Ibu dan Anak'] },
  { code: 'RSUD-BOBBAZAR', services: ['Rawat Jalan', 'Instalasi Gawat Darurat'] },
  { code: 'RSUD-RADENMATTAHER', services: ['Rawat Jalan', 'Instalasi Gawat Darurat'] },
  { code: 'KEC-KALIANDA', services: ['Surat Keterangan', 'Rekomendasi Izin'] },
  { code: 'KEC-MEDANBELAWAN', services: ['Surat Keterangan', 'Legalisasi Dokumen'] },
  { code: 'DINKES', services: ['Perizinan Tenaga Kesehatan', 'Sertifikat Laik Higiene'] },
];
const periods = [
  { period: '2025-S2', month: 7 },
  { period: '2026-S1', month: 1 },
];
const genders = ['laki_laki', 'perempuan'] as const;
const ageBands = ['20_29', '30_39', '40_49', '50_59', '60_plus'] as const;
const educations = ['smp', 'sma', 'sma', 'd1_d3', 'd4_s1', 'd4_s1', 's2'] as const;

/** mulberry32: small, seeded, the same sequence on every start. */
function generator(seed: string) {
  let a = [...seed].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 2654435761) >>> 0, 1779033703);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function call<T>(ctx: DemoContext, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/v1/tenants/${ctx.slug}${path}`, ctx.url), {
    method,
    headers: { authorization: `Bearer ${ctx.adminToken}`, 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} for ${ctx.slug} failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** An answer 1–4 around `quality` (a mean between 2 and 3.8). */
const answer = (random: () => number, quality: number) => Math.min(4, Math.max(1, Math.round(quality + (random() - 0.5) * 1.6)));

export const evaluationsLoader = {
  name: 'evaluations',
  async load(ctx: DemoContext): Promise<string> {
    const random = generator(`ikm:${ctx.slug}`);
    const units = (await call<{ items: { id: string; code: string }[] }>(ctx, 'GET', '/units?limit=500')).items;
    const byCode = new Map(units.map((u) => [u.code, u.id]));
    const chosen = serviceUnits.filter((s) => byCode.has(s.code)).slice(0, 3);
    let recorded = 0;
    for (const [p, { period, month }] of periods.entries()) {
      const report = await call<{ units: { unitId: string }[] }>(ctx, 'GET', `/surveys/ikm?period=${period}`);
      const done = new Set(report.units.map((u) => u.unitId));
      for (const [i, unit] of chosen.entries()) {
        const unitId = byCode.get(unit.code) as string;
        const count = 60 + Math.floor(random() * 60);
        const quality = 2.7 + i * 0.25 + p * 0.2; // later semesters a little better
        const responses = Array.from({ length: count }, () => ({
          unitId,
          period,
          answers: Array.from({ length: 9 }, (_, e) => answer(random, quality - (e === 2 || e === 7 ? 0.4 : 0))), // waiting time and complaints score lower
          date: `${period.slice(0, 4)}-${String(month + Math.floor(random() * 6)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
          respondent: {
            gender: genders[Math.floor(random() * genders.length)],
            ageBand: ageBands[Math.floor(random() * ageBands.length)],
            education: educations[Math.floor(random() * educations.length)],
            service: unit.services[Math.floor(random() * unit.services.length)],
          },
        }));
        if (done.has(unitId)) continue;
        recorded += (await call<{ created: number }>(ctx, 'POST', '/surveys/ikm/responses', { responses })).created;
      }
    }

    const existing = (await call<{ items: { id: string; name: string }[] }>(ctx, 'GET', '/indicators?limit=500')).items;
    const indicators = [
      {
        code: chosen[0]?.code,
        name: 'Waktu rata-rata penyelesaian layanan',
        measure: 'menit',
        direction: 'lower_is_better',
        start: 55,
        step: -6,
      },
      {
        code: chosen[1]?.code,
        name: 'Pengaduan selesai dalam 5 hari kerja',
        measure: '%',
        direction: 'higher_is_better',
        start: 71,
        step: 5,
      },
    ];
    let values = 0;
    for (const ind of indicators) {
      const unitId = ind.code ? byCode.get(ind.code) : undefined;
      if (!unitId) continue;
      const name = `${ind.name} (${ind.code})`;
      const id =
        existing.find((e) => e.name === name)?.id ??
        (await call<{ id: string }>(ctx, 'POST', '/indicators', { unitId, name, measure: ind.measure, direction: ind.direction })).id;
      for (const [q, period] of ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'].entries()) {
        await call(ctx, 'PUT', `/indicators/${id}/values/${period}`, {
          value: Math.round((ind.start + q * ind.step + (random() - 0.5) * 2) * 10) / 10,
        });
        values++;
      }
    }
    return `${recorded} IKM responses in ${chosen.length} units over ${periods.map((p) => p.period).join(', ')}; ${values} indicator values`;
  },
};
