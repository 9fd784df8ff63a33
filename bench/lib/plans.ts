/**
 * The annual plan in the benchmark: 200 offerings for the large region (through the API, programs
 * targeting the bench competencies: the nine national ones and `TEK-<OPD>`), then `POST /plans`
 * timed over a few runs, with rows read, the Worker's heap and the closure against the naive greedy.
 */
import { expectOk, followJob, median, percentile, request } from './client';
import { withPeakHeap } from './memory';

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

const planYear = new Date().getUTCFullYear() + 1;

/** 50 programs × 4 cohorts: one or two targeted competencies each, deterministic costs and seats. */
export async function createOfferings(url: string, slug: string, token: string, count = 200) {
  const competencies = [...national, ...opd.map((o) => `TEK-${o}`)];
  const base = `${url}/api/v1/tenants/${slug}`;
  const programs: string[] = [];
  for (let i = 0; i < count / 4; i++) {
    const first = competencies[i % competencies.length] as string;
    const second = competencies[(i * 7 + 3) % competencies.length] as string;
    const targets = [
      { competency: first, expectedGain: 1 + (i % 2) },
      ...(i % 3 === 0 && second !== first ? [{ competency: second, expectedGain: 1 }] : []),
    ];
    const res = await request<{ id: string }>(`${base}/programs`, {
      method: 'POST',
      token,
      json: {
        code: `BENCH-PLAN-${i + 1}`,
        title: `Pelatihan ${first} angkatan bench ${i + 1}`,
        description: 'Program uji beban rencana pengembangan kompetensi',
        method: i % 4 === 0 ? 'e_learning' : 'pelatihan_teknis',
        jp: [8, 16, 24, 40][i % 4],
        costPerParticipant: 500_000 + ((i * 37) % 10) * 450_000,
        targets,
      },
    });
    programs.push(expectOk(res, 'program').body.id);
  }
  for (let k = 0; k < count; k++) {
    const month = String(1 + (k % 12)).padStart(2, '0');
    const res = await request(`${base}/offerings`, {
      method: 'POST',
      token,
      json: {
        programId: programs[k % programs.length],
        startDate: `${planYear}-${month}-03`,
        endDate: `${planYear}-${month}-07`,
        capacity: 30 + ((k * 13) % 31),
        location: `Aula BKPSDM ${k + 1}`,
      },
    });
    expectOk(res, 'offering');
  }
  return { programs: programs.length, offerings: count };
}

interface Totals {
  budgetUsed: number;
  lines: number;
  value: number;
  naiveValue: number;
  naiveCost: number;
  closureShare: number;
  closed: number;
  weightedGap: number;
  employeesInScope: number;
  reachingTargetAfter: number;
}

/**
 * `runs` plans for the year with `budget`; heap peak sampled over the whole series when possible.
 * Each call is printed as it ends (time, status, heap peak so far), so a failing call still leaves
 * its figures behind.
 */
export async function measurePlans(url: string, slug: string, token: string, budget: number, runs = 3, inspectorPort?: number) {
  const target = `${url}/api/v1/tenants/${slug}/plans`;
  const calls: { ms: number; rowsRead: number; rowsWritten: number; totals: Totals }[] = [];
  let peakMb = 0;
  const run = async (peak: () => number) => {
    for (let i = 0; i < runs; i++) {
      const started = await request(target, {
        method: 'POST',
        token,
        json: { year: planYear, budget, options: { perPersonCap: 2 } },
        timeoutMs: 60_000,
      });
      const { result, ms } = await followJob<{ totals: Totals }>(url, started, token, `plan #${i + 1}`);
      console.log(
        `  POST /plans #${i + 1}: HTTP ${started.status} in ${started.ms.toFixed(0)} ms, job done after ${ms.toFixed(0)} ms, heap peak so far ${peak().toFixed(1)} MB`,
      );
      calls.push({ ms, rowsRead: started.rowsRead, rowsWritten: started.rowsWritten, totals: result.totals });
    }
  };
  if (inspectorPort === undefined) await run(() => Number.NaN);
  else ({ peakMb } = await withPeakHeap(inspectorPort, run));
  const ms = calls.map((c) => c.ms);
  const first = calls[0] as (typeof calls)[number];
  return {
    runs,
    medianMs: median(ms),
    p95Ms: percentile(ms, 95),
    rowsRead: first.rowsRead,
    rowsWritten: first.rowsWritten,
    totals: first.totals,
    peakMb,
  };
}
