import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import sample from '../../../docs/samples/employees.csv?raw';
import { type DemoManifest, employeesCsv } from '../../../scripts/demo/employees-csv';
import type { ManifestInput } from '../../../src/modules/tenants/manifest';
import belawan from '../../../tenants/belawan.json';
import jambi from '../../../tenants/jambi.json';
import kalianda from '../../../tenants/kalianda.json';
import { createTenant, uniqueSlug } from '../../support/factories';
import { importCsv } from './helpers';

const demos: [DemoManifest & ManifestInput, number][] = [
  [kalianda as ManifestInput, 300],
  [jambi as ManifestInput, 400],
  [belawan as ManifestInput, 150],
];

const gradeRanges: Record<string, string[]> = {
  jpt_madya: ['IV/d', 'IV/e'],
  jpt_pratama: ['IV/c', 'IV/d', 'IV/e'],
  administrator: ['IV/a', 'IV/b'],
  pengawas: ['III/c', 'III/d'],
  pelaksana: ['II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b'],
  fungsional: ['III/a', 'III/b', 'III/c', 'III/d', 'IV/a'],
};

describe('demo employees', () => {
  it('are generated deterministically', () => {
    expect(employeesCsv(kalianda as ManifestInput, 300)).toBe(employeesCsv(kalianda as ManifestInput, 300));
    expect(employeesCsv(kalianda as ManifestInput, 300)).not.toBe(employeesCsv(jambi as ManifestInput, 300));
  });

  for (const [manifest, count] of demos) {
    it(`${manifest.slug}: ${count} people import cleanly, with grades, types and supervisors that make sense`, async () => {
      const csv = employeesCsv(manifest, count);
      const rows = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data;
      expect(rows).toHaveLength(count);
      expect(new Set(rows.map((r) => r.nip)).size).toBe(count);

      const category = new Map((manifest.positions ?? []).map((p) => [p.code, p.category]));
      const byNip = new Map(rows.map((r) => [r.nip, r]));
      for (const r of rows) {
        const c = category.get(r.position_code!)!;
        if (r.employment_type === 'pns') expect(gradeRanges[c], `${r.name} ${r.position_code} ${r.grade}`).toContain(r.grade);
        else expect(['jpt_madya', 'jpt_pratama', 'administrator', 'pengawas']).not.toContain(c);
        // A supervisor holds a structural position and comes earlier in the file.
        if (r.supervisor_nip) {
          const boss = byNip.get(r.supervisor_nip)!;
          expect(['jpt_madya', 'jpt_pratama', 'administrator', 'pengawas']).toContain(category.get(boss.position_code!));
          expect(rows.indexOf(boss)).toBeLessThan(rows.indexOf(r));
        }
      }
      const pppk = rows.filter((r) => r.employment_type === 'pppk').length;
      expect(pppk).toBeGreaterThan(count * 0.03);
      expect(pppk).toBeLessThan(count * 0.3);
      expect(rows.some((r) => /, S\.|A\.Md|^dr\. /.test(r.name!))).toBe(true);
      const sekda = rows.find((r) => r.position_code === 'SEKDA');
      if (sekda) expect(sekda.supervisor_nip).toBe('');

      const t = await createTenant({ ...manifest, slug: uniqueSlug(manifest.slug) });
      const first = await importCsv(t, csv);
      expect(first.body.errors).toEqual([]);
      expect(first.body).toMatchObject({ rows: count, created: count, rejected: 0 });
      const again = await importCsv(t, csv);
      expect(again.body).toMatchObject({ unchanged: count, created: 0, updated: 0 });
      expect(again.job?.progress).toEqual({ done: 0, total: 0 }); // the job had nothing to write
    });
  }

  it('the sample file in docs/ imports cleanly into the kalianda tenant', async () => {
    const t = await createTenant({ ...(kalianda as ManifestInput), slug: uniqueSlug('kalianda') });
    const res = await importCsv(t, sample, 'commit');
    expect(res.body).toMatchObject({ rows: 7, created: 7, rejected: 0, errors: [] });
  });

  it('can make 50,000 valid, unique people for the benchmark', () => {
    const csv = employeesCsv(jambi as ManifestInput, 50_000);
    const nips = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.slice(0, 18));
    expect(nips).toHaveLength(50_000);
    expect(new Set(nips).size).toBe(50_000);
    expect(nips.every((n) => /^\d{18}$/.test(n))).toBe(true);
  });
});
