/**
 * The benchmark data set (bench/README.md, "Budgets"): one large region, twenty small ones, and a
 * directory of 500 regions. Generated deterministically, so runs compare.
 */
import type { ManifestInput } from '../../src/modules/tenants/manifest';

export const bigSlug = 'bench-besar';
export const smallSlugs = Array.from({ length: 20 }, (_, i) => `bench-kecil-${String(i + 1).padStart(2, '0')}`);
const directorySize = 500;
export const directorySlugs = Array.from(
  { length: directorySize - 1 - smallSlugs.length },
  (_, i) => `bench-daerah-${String(i + 1).padStart(3, '0')}`,
);

const opd = ['DINKES', 'DISDIK', 'DISDUKCAPIL', 'BAPPEDA', 'BKPSDM', 'BPKAD', 'DPUPR', 'DINSOS', 'DPMPTSP', 'SATPOLPP'];
const national = [
  'INTEGRITAS',
  'KERJA-SAMA',
  'KOMUNIKASI',
  'ORIENTASI-HASIL',
  'PELAYANAN-PUBLIK',
  'PENGEMBANGAN-DIRI',
  'MENGELOLA-PERUBAHAN',
  'PENGAMBILAN-KEPUTUSAN',
  'PEREKAT-BANGSA',
];
const requiredBy = { jpt_pratama: 4, administrator: 3, pengawas: 3, pelaksana: 2, fungsional: 2 } as const;

/** One technical competency per OPD kind: with the nine national ones, ten per position (bench/README.md, "Budgets"). */
const technical = opd.map((code) => ({
  code: `TEK-${code}`,
  name: `Kompetensi Teknis ${code}`,
  description: `Kompetensi teknis urusan ${code}`,
  levels: [1, 2, 3, 4, 5].map((l) => `Tingkat ${l}: uraian kemampuan teknis ${code}`),
}));

/** `units` top-level OPD, each with two bidang; positions spread over them plus general ones. */
export function benchManifest(slug: string, units: number, positions: number): ManifestInput {
  const tops = Array.from({ length: units }, (_, i) => {
    const code = `${opd[i % opd.length]}-${Math.floor(i / opd.length) + 1}`;
    return {
      code,
      name: `Perangkat Daerah ${code}`,
      kind: 'dinas' as const,
      children: [1, 2].map((b) => ({ code: `${code}-B${b}`, name: `Bidang ${b} ${code}`, kind: 'bidang' as const })),
    };
  });
  const categories = ['jpt_pratama', 'administrator', 'pengawas', 'pelaksana', 'fungsional'] as const;
  return {
    slug,
    name: `Pemerintah Kabupaten ${slug}`,
    kind: 'kabupaten',
    regionCode: '99.01',
    timeZone: 'Asia/Jakarta',
    jpTarget: 20,
    units: tops,
    competencies: technical,
    positions: Array.from({ length: positions }, (_, i) => {
      const category = categories[i % categories.length] as (typeof categories)[number];
      const required = requiredBy[category];
      return {
        code: `JAB-${String(i + 1).padStart(3, '0')}`,
        name: `Jabatan ${i + 1}`,
        category,
        ...(i < units ? { unit: tops[i]?.code } : {}),
        standards: [
          ...national.map((competency, k) => ({
            competency,
            requiredLevel: k % 3 === 2 ? Math.max(1, required - 1) : required,
            weight: k < 2 ? 2 : 1,
          })),
          { competency: `TEK-${opd[i % opd.length]}`, requiredLevel: Math.min(5, required + 1), weight: 3 },
        ],
      };
    }),
  };
}
