/**
 * The import commit as a job (`employees.import`). The request stores the file in R2 and answers
 * 202; the job then runs in durable steps:
 *
 * 1. `plan`: reads the file, checks every row and matches it against the registry (import.ts),
 *    and stores the writes in pages (R2, next to the file) with the rejected rows. Planned once:
 *    the new employees' ids are fixed here, so a step run again writes the same rows.
 * 2. `apply <n>`, one per page of `pageSize` writes: chunks of 250 rows, each one D1 batch with
 *    its audit rows, a checkpoint and the job's progress (import-apply.ts, `scope.once`). A chunk
 *    whose checkpoint exists is not written again: a page interrupted by a restart resumes at
 *    its first chunk without one, and nothing is created twice.
 * 3. `report`: the import report (the same as the dry run's, for what was applied) is the job's
 *    result; the stored file and pages are deleted.
 *
 * The report lists at most `listedErrors` errors (the dry run, which stays in the request for up
 * to 1 MB, lists them all); `rejected` always counts every rejected row.
 */

import { DomainError } from '../../platform/errors';
import { turn } from '../../platform/event-loop';
import { nowIso } from '../../platform/ids';
import type { TenantJobKind } from '../jobs';
import { planFile, reportOf } from './import';
import { type Applied, applyWrites, importChunkSize } from './import-apply';
import type { Write } from './import-plan';
import type { ImportError } from './schemas';

export const importKind = 'employees.import';
/** Writes per `apply` step: a step is a few seconds of work and its stored page ≈ 0.5 MB. */
const pageSize = 2_000;
const listedErrors = 1_000;

export interface ImportInput {
  /** The R2 key of the uploaded file; the job's other files go next to it. */
  file: string;
}

const pageKey = (file: string, n: number) => file.replace(/input\.csv$/, `writes-${n}.json`);
const errorsKey = (file: string) => file.replace(/input\.csv$/, 'errors.json');

/** Where the request stores the file of job `jobId`: the tenant's own prefix. */
export const importFileKey = (tenantId: string, jobId: string) => `${tenantId}/jobs/${jobId}/input.csv`;

interface Planned {
  rows: number;
  unchanged: number;
  writes: number;
  pages: number;
  ignoredColumns: string[];
  now: string;
}

async function readJson<T>(bucket: R2Bucket, key: string): Promise<T> {
  const object = await bucket.get(key);
  if (!object) throw new Error(`job file ${key} is missing`);
  return object.json<T>();
}

export const employeeImportJob: TenantJobKind<ImportInput> = {
  kind: importKind,
  scope: 'tenant',
  async run({ input }, steps) {
    const { file } = input;
    const planned = await steps.do('plan', async ({ ctx, progress }): Promise<Planned> => {
      const bucket = ctx.env.FILES;
      const object = await bucket.get(file);
      if (!object) throw new DomainError('unprocessable', 'The uploaded file is gone; send it again.');
      const { plan, ignoredColumns } = await planFile(ctx, await object.text());
      const pages = Math.ceil(plan.writes.length / pageSize);
      for (let n = 0; n < pages; n++) {
        await bucket.put(pageKey(file, n), JSON.stringify(plan.writes.slice(n * pageSize, (n + 1) * pageSize)));
        // The local R2 answers from within the process too: a turn between pages, as after a job's D1 calls.
        await turn();
      }
      await bucket.put(errorsKey(file), JSON.stringify(plan.errors));
      await progress({ done: 0, total: plan.writes.length });
      return { rows: plan.rows, unchanged: plan.unchanged, writes: plan.writes.length, pages, ignoredColumns, now: nowIso() };
    });

    const failed: Applied['failed'] = [];
    const counts = { created: 0, updated: 0 };
    let missing: string[] = [];
    for (let n = 0; n < planned.pages; n++) {
      const outcome = await steps.do(`apply ${n + 1}`, async ({ ctx, once }) => {
        const writes = await readJson<Write[]>(ctx.env.FILES, pageKey(file, n));
        const done = await applyWrites(ctx, writes, planned.now, {
          missing,
          commit: (chunk, statements, result) =>
            once(`apply:${n}:${chunk}`, async () => ({
              statements,
              result,
              progress: { done: Math.min(n * pageSize + (chunk + 1) * importChunkSize, planned.writes) },
            })),
        });
        return {
          created: done.applied.filter((w) => w.kind === 'create').length,
          updated: done.applied.filter((w) => w.kind === 'update').length,
          failed: done.failed,
          missing: done.missing,
        };
      });
      counts.created += outcome.created;
      counts.updated += outcome.updated;
      failed.push(...outcome.failed);
      missing = [...missing, ...outcome.missing];
    }

    return steps.do('report', async ({ ctx }) => {
      const bucket = ctx.env.FILES;
      const errors = await readJson<ImportError[]>(bucket, errorsKey(file));
      const report = reportOf('commit', { ...planned, errors }, planned.ignoredColumns, { ...counts, failed });
      await bucket.delete([file, errorsKey(file), ...Array.from({ length: planned.pages }, (_, n) => pageKey(file, n))]);
      return { ...report, errors: report.errors.slice(0, listedErrors) };
    });
  },
};
