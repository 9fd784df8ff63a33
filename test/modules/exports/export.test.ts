/**
 * The tenant export as a job, end to end: every tenant table in the archive with exactly the
 * tenant's rows (counted in the database, on the shared and on a dedicated database), none of
 * another tenant's, no secret; a table the schema gains is never forgotten; a job run again after a
 * restart duplicates nothing; a step that keeps failing ends the job failed with a problem; one
 * export at a time; only the tenant admin starts or downloads one, and another tenant's is a 404.
 */
import { introspectWorkflow } from 'cloudflare:test';
import { env, type WorkflowStep } from 'cloudflare:workers';
import { inflateSync, strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { jobs } from '../../../src/db/schema';
import { tenantExportJob } from '../../../src/modules/exports';
import { crc32, writeTableFile } from '../../../src/modules/exports/archive';
import { type ExportTable, exportTables, leftOutColumns, leftOutTables } from '../../../src/modules/exports/tables';
import { JobSteps } from '../../../src/modules/jobs/steps';
import { activatedEmployee } from '../../support/accounts';
import { api, expectProblem } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant } from '../../support/factories';
import { acceptedJob, followJob } from '../../support/jobs';
import { tokenFor } from '../../support/tokens';
import { csvOf, importCsv, people } from '../employees/helpers';
import { countRows, type ExportResult, exportTenant, startExport, tenantTablesInDatabase, unzipExport } from './helpers';

async function populated(database: 'DB' | 'DB_DEDICATED', from: number, count: number) {
  const t = await createTenant(database === 'DB' ? {} : { database });
  expect((await importCsv(t, csvOf(people(count, from)))).status).toBe(200);
  const person = await activatedEmployee(t);
  return { t, person };
}

describe('tenant export', () => {
  it.each(['DB', 'DB_DEDICATED'] as const)(
    "holds every tenant table with exactly the tenant's rows, none of another's, and no secret (%s)",
    async (database) => {
      const { t, person } = await populated(database, 0, 120);
      const other = await populated(database, 500, 30);
      const { result, download, archive } = await exportTenant(t);

      expect(download.headers.get('content-type')).toBe('application/zip');
      expect(download.headers.get('cache-control')).toBe('no-store');
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename="${result.file}"`);
      expect(result.file).toMatch(new RegExp(`^bangkom-${t.slug}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
      expect(download.bytes.length).toBe(result.bytes);

      const { manifest, rows, text } = archive;
      expect(manifest.tenant).toMatchObject({ id: t.id, slug: t.slug });
      const migration = await env.DB.prepare('select name from d1_migrations order by id desc limit 1').first<{ name: string }>();
      expect(manifest.schemaVersion).toBe(migration?.name);
      expect(result).toMatchObject({ tables: manifest.tables.length, schemaVersion: migration?.name });

      // Every table SQLite has with a tenant_id is exported or left out with a reason.
      const inDatabase = await tenantTablesInDatabase(database);
      expect(inDatabase).toEqual(expect.arrayContaining(['accounts', 'employees', 'jobs', 'plan_lines', 'tenant_summaries']));
      const exported = manifest.tables.map((x) => x.name);
      expect(inDatabase.filter((name) => !exported.includes(name) && !(name in leftOutTables))).toEqual([]);
      expect(Object.keys(manifest.leftOutTables).sort()).toEqual(Object.keys(leftOutTables).sort());

      for (const table of manifest.tables) {
        expect({ table: table.name, rows: table.rows }).toEqual({ table: table.name, rows: await countRows(database, table.name, t.id) });
        expect(rows[table.name]).toHaveLength(table.rows);
        for (const row of rows[table.name] ?? []) expect(row.tenant_id).toBe(t.id);
        for (const column of Object.keys(leftOutColumns[table.name] ?? {})) {
          expect(
            rows[table.name]?.some((row) => column in row),
            `${table.name}.${column}`,
          ).toBe(false);
        }
      }
      expect(result.rows).toBe(manifest.tables.reduce((n, x) => n + x.rows, 0));
      expect(rows.employees).toHaveLength(121);
      expect(rows.accounts?.map((a) => a.username)).toContain(person.username);
      expect(rows.audit_log?.filter((a) => a.action === 'tenant.export')).toHaveLength(1);

      // Nothing of the other tenant, and no secret the database holds.
      expect(text).not.toContain(other.t.id);
      expect(text).not.toContain('Pegawai 00500');
      const secrets = await env[database]
        .prepare(
          'select password_hash as s from accounts where tenant_id = ? union all select token_hash from sessions where tenant_id = ? union all select code_hash from activation_codes where tenant_id = ?',
        )
        .bind(t.id, t.id, t.id)
        .all<{ s: string | null }>();
      const values = secrets.results.map((r) => r.s).filter((s): s is string => !!s);
      expect(values.length).toBeGreaterThanOrEqual(3);
      for (const secret of values) expect(text).not.toContain(secret);
    },
  );

  it('reads a table page by page in its key order, composite keys too, every row once', async () => {
    const { t } = await populated('DB', 0, 23);
    const ctx = await contextFor(t);
    for (const name of ['employees', 'audit_log', 'needs_people', 'current_levels', 'tenant_settings']) {
      const table = exportTables.find((x) => x.name === name) as ExportTable;
      const pages: number[] = [];
      const key = `${t.id}/test/${name}.deflate`;
      const file = await writeTableFile(ctx.db, env.FILES, table, key, async (rows) => void pages.push(rows), 5);
      const expected = await countRows('DB', name, t.id);
      expect(file.rows).toBe(expected);
      expect(pages.at(-1) ?? 0).toBe(expected);
      const lines = strFromU8(inflateSync(new Uint8Array(await ((await env.FILES.get(key)) as R2ObjectBody).arrayBuffer())));
      const keys = lines
        .split('\n')
        .filter(Boolean)
        .map((l) => table.key.map((c) => (JSON.parse(l) as Record<string, unknown>)[c.name]).join('|'));
      expect(new Set(keys).size).toBe(expected);
      expect(file.crc).toBe(crc32(strToU8(lines)));
    }
  });

  it('resumes after a restart at the first table without a checkpoint, duplicating nothing', async () => {
    const { t } = await populated('DB', 0, 40);
    const ctx = await contextFor(t);
    const id = `job_export${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const now = new Date().toISOString();
    await ctx.db.insert(jobs).values({
      id,
      kind: 'tenant.export',
      status: 'running',
      input: JSON.stringify({ slug: t.slug }),
      createdBy: ctx.actor.subject,
      createdByRoles: 'tenant_admin',
      requestId: ctx.requestId,
      createdAt: now,
      updatedAt: now,
    });
    // The bucket counts the table files written, so a second run shows what it read again.
    const puts: string[] = [];
    const FILES = new Proxy(env.FILES, {
      get(target, key) {
        if (key === 'put')
          return (k: string, v: Blob) => {
            puts.push(k);
            return target.put(k, v);
          };
        const value = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const counted = { ...ctx, env: { ...ctx.env, FILES } };
    // First run: the engine dies when the step of `employees` has finished its work but before
    // its result was recorded; every earlier step's result is lost too (a new engine).
    const engine = (stopAt?: string) =>
      ({
        do: async (name: string, _config: unknown, work: () => Promise<unknown>) => {
          const result = await work();
          if (name === stopAt) throw new Error('the Worker restarted');
          return result;
        },
      }) as unknown as WorkflowStep;
    const run = (stopAt?: string) =>
      tenantExportJob.run({ id, input: { slug: t.slug } }, new JobSteps(engine(stopAt), id, async () => ({ db: ctx.db, ctx: counted })));
    await expect(run('table employees')).rejects.toThrow('the Worker restarted');
    const firstRun = puts.splice(0);
    expect(firstRun.some((k) => k.endsWith('/employees.deflate'))).toBe(true);
    const result = (await run()) as ExportResult;
    // The second run wrote no table file the first had recorded, employees included.
    expect(puts.filter((k) => firstRun.includes(k))).toEqual([]);
    expect(puts.filter((k) => k.includes('/tables/')).length + firstRun.length).toBe(result.tables);

    const object = await env.FILES.get(`${t.id}/exports/${id}/export.zip`);
    const { manifest, rows } = unzipExport(new Uint8Array(await (object as R2ObjectBody).arrayBuffer()));
    for (const table of manifest.tables) expect(table.rows).toBe(await countRows('DB', table.name, t.id));
    expect(rows.employees).toHaveLength(41);
    expect(rows.audit_log?.filter((a) => a.action === 'tenant.export')).toHaveLength(1);
    const job = await api('GET', `/api/v1/tenants/${t.slug}/jobs/${id}`, { token: t.adminToken });
    expect(job.body.progress.done).toBe(result.rows);
    // The per-table files are gone; only the archive stays.
    expect((await env.FILES.list({ prefix: `${t.id}/exports/${id}/` })).objects.map((o) => o.key)).toEqual([
      `${t.id}/exports/${id}/export.zip`,
    ]);
  });

  it('ends failed with a problem when a table step keeps failing; a step failing once is retried', async () => {
    const t = await createTenant();
    {
      await using introspector = await introspectWorkflow(env.JOBS);
      await introspector.modifyAll(async (m) => {
        await m.disableRetryDelays();
        await m.mockStepError({ name: 'table employees' }, new Error('D1 is down'));
      });
      const job = await followJob<ExportResult>(await startExport(t), t.adminToken);
      expect(job).toMatchObject({ status: 'failed', result: null, error: { type: 'urn:bangkom:problem:internal', status: 500 } });
      expect(job.error?.detail).toContain('failed after its retries');
      expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/exports/${job.id}/download`, { token: t.adminToken }), 409);
    }
    {
      await using introspector = await introspectWorkflow(env.JOBS);
      await introspector.modifyAll(async (m) => {
        await m.disableRetryDelays();
        await m.mockStepError({ name: 'table units' }, new Error('D1 was busy'), 1);
      });
      const job = await followJob<ExportResult>(await startExport(t), t.adminToken);
      expect(job.status).toBe('succeeded');
      const download = await api('GET', (job.result as ExportResult).download, { token: t.adminToken });
      const { manifest } = unzipExport(download.bytes);
      expect(manifest.tables.find((x) => x.name === 'units')?.rows).toBe(await countRows('DB', 'units', t.id));
    }
  });

  it('runs one export per tenant at a time, and only for the tenant admin; another tenant gets a 404', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const [first, second] = await Promise.all([startExport(a), startExport(a)]);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(acceptedJob(second).id).toBe(acceptedJob(first).id);
    expect(first.headers.get('location')).toBe(`/api/v1/tenants/${a.slug}/jobs/${acceptedJob(first).id}`);
    const job = await followJob<ExportResult>(first, a.adminToken);
    const path = `/api/v1/tenants/${a.slug}/exports/${job.id}/download`;
    expect((job.result as ExportResult).download).toBe(path);

    expectProblem(await startExport(a, a.employeeToken), 403);
    expectProblem(await startExport(a, a.nationalToken), 403);
    expectProblem(await api('GET', path, { token: a.employeeToken }), 403);
    expectProblem(await api('GET', path, { token: a.nationalToken }), 403);
    expectProblem(await api('GET', path, { token: b.adminToken }), 403);
    expectProblem(await api('GET', `/api/v1/tenants/${b.slug}/exports/${job.id}/download`, { token: b.adminToken }), 404);
    expectProblem(await api('GET', `/api/v1/tenants/${a.slug}/exports/job_unknown0000000000/download`, { token: a.adminToken }), 404);
    // Another kind of job is no export.
    const other = await importCsv(a, csvOf(people(2)));
    expectProblem(await api('GET', `/api/v1/tenants/${a.slug}/exports/${other.job?.id}/download`, { token: a.adminToken }), 404);
    const national = await tokenFor('national_admin');
    expectProblem(await api('POST', `/api/v1/tenants/${a.slug}/exports`, { token: national }), 403);
  });
});
