/**
 * Demo employees for `npm start`: generates the tenant's registry from its manifest in
 * `tenants/<slug>.json` and imports it through the API (mode=commit, a job followed to its end), the same door a BKD uses.
 * Safe to run on every start: the file is deterministic and re-importing it changes nothing.
 */
import { readFile } from 'node:fs/promises';
import type { ImportReport } from '../../src/modules/employees/schemas';
import { jobResult } from '../lib/jobs';
import { type DemoManifest, employeesCsv } from './employees-csv';

export { employeesCsv } from './employees-csv';

/** Registry sizes of the demo tenants (docs/tenants.md, "Demo tenants": a few hundred employees each). */
const demoEmployeeCounts: Record<string, number> = { kalianda: 300, jambi: 400, belawan: 150 };

export const employeesLoader = {
  name: 'employees',
  async load(ctx: { url: string; slug: string; adminToken: string }): Promise<string> {
    const file = new URL(`../../tenants/${ctx.slug}.json`, import.meta.url);
    const manifest = JSON.parse(await readFile(file, 'utf8')) as DemoManifest;
    const csv = employeesCsv(manifest, demoEmployeeCounts[ctx.slug] ?? 200);
    const endpoint = new URL(`/api/v1/tenants/${ctx.slug}/employees/import?mode=commit`, ctx.url);
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { authorization: `Bearer ${ctx.adminToken}`, 'content-type': 'text/csv', accept: 'application/json' },
      body: csv,
    });
    // The commit runs as a job: 202, then its result once finished.
    const r = await jobResult<ImportReport>(ctx.url, res, ctx.adminToken).catch((err: Error) => {
      throw new Error(`employee import for ${ctx.slug} failed: ${err.message}`);
    });
    const firstError = r.errors[0];
    const rejected = r.rejected > 0 && firstError ? `, ${r.rejected} rejected (row ${firstError.row}: ${firstError.reason})` : '';
    return `${r.rows} employees: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged${rejected}`;
  },
};
