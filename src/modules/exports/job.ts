/**
 * The tenant export as a job (`tenant.export`): every exported table (tables.ts) of the tenant as a
 * JSON lines file in one zip archive with `manifest.json`, stored in R2 under the tenant's id. Steps:
 *
 * 1. `start`: the schema version and each table's row count (progress total), and the export's
 *    audit row, once.
 * 2. `table <name>`, one per table: the table's file, stored in R2 (archive.ts); its checkpoint
 *    carries the file's key, rows, size and digests, so a step run again after a restart returns
 *    the recorded file instead of reading the table again, and a restart resumes at the first
 *    table without a checkpoint.
 * 3. `archive`: the zip from the stored files (manifest first), once.
 * 4. `clean`: the per-table files deleted (deleting twice is harmless).
 *
 * Tables are read one after another, each in pages, so the archive is a consistent copy of each
 * table as it was when read, not a snapshot of the whole tenant at one instant.
 */
import { count, sql } from 'drizzle-orm';
import { auditEntry } from '../../platform/audit/audit';
import { nowIso } from '../../platform/ids';
import type { TenantJobKind } from '../jobs';
import { type TableFile, writeArchive, writeTableFile } from './archive';
import { exportTables, leftOutColumns, leftOutTables } from './tables';

export const exportKind = 'tenant.export';

export interface ExportInput {
  /** The tenant's slug when the export was asked for, for the download's path and file name. */
  slug: string;
}

/** Where an export's files live: under the tenant's id, then the job's. */
const folder = (tenantId: string, jobId: string) => `${tenantId}/exports/${jobId}`;
export const archiveKey = (tenantId: string, jobId: string) => `${folder(tenantId, jobId)}/export.zip`;
const tableKey = (tenantId: string, jobId: string, table: string) => `${folder(tenantId, jobId)}/tables/${table}.deflate`;

export interface ExportResult {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  schemaVersion: string | null;
  download: string;
}

interface Started {
  createdAt: string;
  schemaVersion: string | null;
  counts: Record<string, number>;
}

export const tenantExportJob: TenantJobKind<ExportInput> = {
  kind: exportKind,
  scope: 'tenant',
  async run({ id, input }, steps) {
    const started = await steps.do('start', async ({ ctx, once }) =>
      once('export:start', async () => {
        const counts: Record<string, number> = {};
        for (const t of exportTables) {
          const [row] = await ctx.db.select({ n: count() }).from(t.table);
          counts[t.name] = row?.n ?? 0;
        }
        const last = await ctx.db
          .unscoped('the migrations table wrangler keeps is no tenant table: it says which schema the rows are in')
          .get<{ name: string } | undefined>(sql`select name from d1_migrations order by id desc limit 1`);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        return {
          statements: [auditEntry(ctx, 'tenant.export', 'job', id)],
          result: { createdAt: nowIso(), schemaVersion: last?.name ?? null, counts } satisfies Started,
          progress: { done: 0, total },
        };
      }),
    );

    const files: TableFile[] = [];
    let done = 0;
    for (const t of exportTables) {
      const file = await steps.do(`table ${t.name}`, async ({ ctx, once, progress }) =>
        once(`export:${t.name}`, async () => {
          const total = () =>
            Math.max(
              done,
              Object.values(started.counts).reduce((a, b) => a + b, 0),
            );
          const written = await writeTableFile(ctx.db, ctx.env.FILES, t, tableKey(ctx.tenant.id, id, t.name), (rows) =>
            progress({ done: done + rows, total: Math.max(total(), done + rows) }),
          );
          return { statements: [], result: written, progress: { done: done + written.rows } };
        }),
      );
      files.push(file);
      done += file.rows;
    }

    const archived = await steps.do('archive', async ({ ctx, once }) =>
      once('export:archive', async () => {
        const manifest = {
          tenant: { id: ctx.tenant.id, slug: ctx.tenant.slug, name: ctx.tenant.name },
          createdAt: started.createdAt,
          schemaVersion: started.schemaVersion,
          format: 'One JSON object per line and row, keyed by SQL column name; each table ordered by its primary key.',
          tables: files.map((f) => ({
            name: f.table,
            file: `tables/${f.table}.jsonl`,
            rows: f.rows,
            bytes: f.bytes,
            sha256: f.sha256,
            ...(leftOutColumns[f.table] ? { leftOut: leftOutColumns[f.table] } : {}),
          })),
          leftOutTables,
        };
        const bytes = await writeArchive(ctx.env.FILES, archiveKey(ctx.tenant.id, id), JSON.stringify(manifest, null, 2), files);
        return { statements: [], result: { bytes } };
      }),
    );

    return steps.do('clean', async ({ ctx }) => {
      await ctx.env.FILES.delete(files.map((f) => f.key));
      return {
        file: `bangkom-${input.slug}-${started.createdAt.slice(0, 10)}.zip`,
        bytes: archived.bytes,
        tables: files.length,
        rows: done,
        schemaVersion: started.schemaVersion,
        download: `/api/v1/tenants/${input.slug}/exports/${id}/download`,
      } satisfies ExportResult;
    });
  },
};
