/**
 * Demo catalog for `npm start`: a few national programs (PUT, idempotent), the tenant's providers
 * and programs, offerings of them, and enrollments — some completed, crediting JP — all through
 * the API. Deterministic: fixed codes, dates and picks by position in the registry's name order.
 * Safe to run again: existing providers and programs are kept (409 is read as "already there"),
 * and offerings with their enrollments are only created while the tenant has none.
 */
import type { DemoContext } from './index';

type Json = Record<string, unknown>;

async function call(
  ctx: DemoContext,
  method: string,
  path: string,
  body?: unknown,
  token = ctx.adminToken,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json }> {
  const res = await fetch(new URL(`/api/v1${path}`, ctx.url), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const parsed = (await res.json()) as Json;
  if (res.status >= 400 && res.status !== 409) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(parsed)}`);
  return { status: res.status, body: parsed };
}

const t = (competency: string, expectedGain: number) => ({ competency, expectedGain });

const nationalPrograms: [string, Json][] = [
  [
    'PKA',
    {
      title: 'Pelatihan Kepemimpinan Administrator (PKA)',
      description: 'Pelatihan kepemimpinan bagi pejabat administrator sesuai Perlan LAN.',
      method: 'pelatihan_kepemimpinan',
      jp: 120,
      costPerParticipant: 37_500_000,
      hasTests: true,
      targets: [t('MENGELOLA-PERUBAHAN', 2), t('PENGAMBILAN-KEPUTUSAN', 1), t('ORIENTASI-HASIL', 1)],
      prerequisites: [{ competency: 'INTEGRITAS', minimumLevel: 3 }],
    },
  ],
  [
    'PKP',
    {
      title: 'Pelatihan Kepemimpinan Pengawas (PKP)',
      description: 'Pelatihan kepemimpinan bagi pejabat pengawas.',
      method: 'pelatihan_kepemimpinan',
      jp: 90,
      costPerParticipant: 28_000_000,
      hasTests: true,
      targets: [t('KERJA-SAMA', 1), t('PENGEMBANGAN-DIRI', 2), t('ORIENTASI-HASIL', 1)],
    },
  ],
  [
    'ELEARN-ETIKA',
    {
      title: 'E-Learning Etika dan Integritas ASN',
      description: 'Kursus daring mandiri tentang kode etik dan integritas ASN.',
      method: 'e_learning',
      jp: 10,
      costPerParticipant: 0,
      hasTests: true,
      targets: [t('INTEGRITAS', 1)],
    },
  ],
  [
    'WAWASAN-KEBANGSAAN',
    {
      title: 'Wawasan Kebangsaan dan Moderasi',
      description: 'Sosialisasi nilai kebangsaan bagi ASN.',
      method: 'sosialisasi',
      jp: 8,
      costPerParticipant: 150_000,
      hasTests: false,
      targets: [t('PEREKAT-BANGSA', 1)],
    },
  ],
];

const providerList: [string, string][] = [
  ['Universitas Lampung', 'university'],
  ['BPSDM Provinsi', 'lan_bpsdm'],
  ['PT Mitra Diklat Nusantara', 'private_trainer'],
  ['BKPSDM (internal)', 'internal'],
];

// [code, title, method, jp, cost, provider index, targets, hasTests]
const tenantPrograms: [string, string, string, number, number, number, ReturnType<typeof t>[], boolean][] = [
  ['BIMTEK-PELAYANAN', 'Bimtek Standar Pelayanan Publik', 'bimbingan_teknis', 24, 2_500_000, 1, [t('PELAYANAN-PUBLIK', 2)], true],
  ['KURSUS-KOMUNIKASI', 'Kursus Komunikasi Efektif', 'kursus', 16, 1_200_000, 2, [t('KOMUNIKASI', 2)], false],
  [
    'WORKSHOP-SAKIP',
    'Workshop Penyusunan SAKIP',
    'workshop',
    20,
    1_750_000,
    0,
    [t('ORIENTASI-HASIL', 2), t('PENGAMBILAN-KEPUTUSAN', 1)],
    false,
  ],
  ['SEMINAR-INOVASI', 'Seminar Inovasi Pelayanan Daerah', 'seminar', 6, 350_000, 0, [t('MENGELOLA-PERUBAHAN', 1)], false],
  ['COACHING-KINERJA', 'Coaching Kinerja oleh Atasan', 'coaching', 10, 0, 3, [t('PENGEMBANGAN-DIRI', 1), t('KERJA-SAMA', 1)], false],
  ['MENTORING-JF', 'Mentoring Jabatan Fungsional', 'mentoring', 12, 0, 3, [t('PENGEMBANGAN-DIRI', 2)], false],
  ['PJJ-ARSIP', 'Pelatihan Jarak Jauh Kearsipan Digital', 'pelatihan_jarak_jauh', 30, 900_000, 1, [t('ORIENTASI-HASIL', 1)], true],
  ['KOMBEL-DATA', 'Komunitas Belajar Analisis Data', 'komunitas_belajar', 8, 0, 3, [t('PENGAMBILAN-KEPUTUSAN', 1)], false],
  [
    'PATOK-BANDING',
    'Patok Banding Mal Pelayanan Publik',
    'patok_banding',
    16,
    6_000_000,
    3,
    [t('PELAYANAN-PUBLIK', 1), t('MENGELOLA-PERUBAHAN', 1)],
    false,
  ],
  ['MAGANG-BUMD', 'Magang di Bank Daerah', 'magang', 40, 3_000_000, 2, [t('KERJA-SAMA', 2)], false],
  ['OUTBOUND-TIM', 'Outbound Kerja Sama Tim', 'outbound', 8, 800_000, 2, [t('KERJA-SAMA', 1), t('KOMUNIKASI', 1)], false],
];

export const catalogLoader = {
  name: 'catalog',
  async load(ctx: DemoContext): Promise<string> {
    for (const [code, body] of nationalPrograms) await call(ctx, 'PUT', `/national/programs/${code}`, body, ctx.nationalToken);
    const base = `/tenants/${ctx.slug}`;
    for (const [name, kind] of providerList) await call(ctx, 'POST', `${base}/providers`, { name, kind });
    const providers = (await call(ctx, 'GET', `${base}/providers?limit=500`)).body.items as { id: string; name: string }[];
    const providerId = (i: number) => providers.find((p) => p.name === providerList[i]?.[0])?.id;
    for (const [code, title, method, jp, cost, provider, targets, hasTests] of tenantPrograms) {
      await call(ctx, 'POST', `${base}/programs`, {
        code,
        title,
        description: `${title} bagi ASN ${ctx.slug}.`,
        method,
        jp,
        costPerParticipant: cost,
        providerId: providerId(provider),
        targets,
        hasTests,
      });
    }
    const programs = (await call(ctx, 'GET', `${base}/programs?limit=500`)).body.items as { id: string; code: string }[];
    const programId = (code: string) => programs.find((p) => p.code === code)?.id as string;

    const existing = (await call(ctx, 'GET', `${base}/offerings?limit=1`)).body.items as unknown[];
    if (existing.length > 0) return `${programs.length} programs visible, offerings already present`;
    const people = ((await call(ctx, 'GET', `${base}/employees?limit=200`)).body.items as { id: string }[]).map((e) => e.id);
    const cohorts: [string, string, string, number, 'past' | 'open'][] = [
      ['BIMTEK-PELAYANAN', '2026-02-09', '2026-02-12', 25, 'past'],
      ['KURSUS-KOMUNIKASI', '2026-04-13', '2026-04-15', 20, 'past'],
      ['ELEARN-ETIKA', '2026-05-04', '2026-05-29', 40, 'past'],
      ['WORKSHOP-SAKIP', '2027-02-08', '2027-02-10', 20, 'open'],
      ['PKP', '2027-03-01', '2027-04-30', 5, 'open'],
      ['WAWASAN-KEBANGSAAN', '2027-01-18', '2027-01-18', 60, 'open'],
    ];
    let enrolled = 0;
    let completed = 0;
    for (const [index, [code, startDate, endDate, capacity, when]] of cohorts.entries()) {
      const id = programId(code);
      const offering = (
        await call(ctx, 'POST', `${base}/offerings`, {
          programId: id,
          startDate,
          endDate,
          capacity,
          location: 'Aula BKPSDM',
          online: code === 'ELEARN-ETIKA',
          status: when === 'past' ? 'running' : 'open',
        })
      ).body;
      const group = people.slice(index * 12, index * 12 + Math.min(capacity + 3, 12));
      if (group.length === 0) continue;
      const placed = (await call(ctx, 'POST', `${base}/offerings/${offering.id}/enrollments`, { employeeIds: group })).body.items as {
        id: string;
        status: string;
      }[];
      enrolled += placed.length;
      if (when !== 'past') continue;
      for (const [k, e] of placed.entries()) {
        if (e.status !== 'enrolled') continue;
        await call(ctx, 'POST', `${base}/enrollments/${e.id}/complete`, {
          attendance: k % 5 === 4 ? 60 : 90 + (k % 10),
          passed: k % 5 !== 4,
          completedOn: endDate,
        });
        completed++;
      }
      await call(ctx, 'PATCH', `${base}/offerings/${offering.id}`, { status: 'completed' }, ctx.adminToken, {
        'if-match': `"v${String(offering.version)}"`,
      });
    }
    return `${programs.length} programs visible, ${cohorts.length} offerings, ${enrolled} enrollments, ${completed} completed`;
  },
};
