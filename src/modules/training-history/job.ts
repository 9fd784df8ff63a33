/**
 * The commit of a training-history import as a job (`training-history.import`):
 *
 * 1. `plan`: reads the stored file, checks and matches every row (plan.ts), stores the rows to
 *    write next to the file (R2) and the report's errors.
 * 2. `apply <n>`, one per page of `pageSize` rows: chunks of `chunkSize` rows, each one D1 batch
 *    with its audit rows, its JP credits, a checkpoint and the job's progress (`scope.once`).
 * 3. `report`: the import report is the job's result (its first 1,000 errors listed); the stored
 *    files are deleted.
 *
 * Nothing is written twice: a chunk's checkpoint stops a second run, and each row's key and JP
 * reference are unique besides.
 */
import { DomainError } from '../../platform/errors';
import type { TenantJobKind } from '../jobs';
import { chunkSize, writeStatements } from './apply';
import { type FileFormat, readTrainingFile } from './file';
import { type Plan, planImport, type Write } from './plan';
import { jpOf, reportOf } from './report';

export const importKind = 'training-history.import';
const pageSize = 2_000;
const listedErrors = 1_000;

export interface ImportInput {
  file: string;
  format: FileFormat;
}

export const importFileKey = (tenantId: string, jobId: string, format: FileFormat) => `${tenantId}/jobs/${jobId}/input.${format}`;
const pageKey = (file: string, n: number) => file.replace(/input\.\w+$/, `writes-${n}.json`);
const planKey = (file: string) => file.replace(/input\.\w+$/, 'plan.json');

async function readJson<T>(bucket: R2Bucket, key: string): Promise<T> {
  const object = await bucket.get(key);
  if (!object) throw new Error(`job file ${key} is missing`);
  return object.json<T>();
}

interface Planned {
  rows: number;
  unchanged: number;
  writes: number;
  pages: number;
  jpCenti: number;
  ignoredColumns: string[];
}

export const trainingImportJob: TenantJobKind<ImportInput> = {
  kind: importKind,
  scope: 'tenant',
  async run({ input }, steps) {
    const { file } = input;
    const planned = await steps.do('plan', async ({ ctx, progress }): Promise<Planned> => {
      const bucket = ctx.env.FILES;
      const object = await bucket.get(file);
      if (!object) throw new DomainError('unprocessable', 'The uploaded file is gone; send it again.');
      const read = readTrainingFile(new Uint8Array(await object.arrayBuffer()), input.format);
      const plan = await planImport(ctx, read);
      const pages = Math.ceil(plan.writes.length / pageSize);
      for (let n = 0; n < pages; n++)
        await bucket.put(pageKey(file, n), JSON.stringify(plan.writes.slice(n * pageSize, (n + 1) * pageSize)));
      await bucket.put(planKey(file), JSON.stringify(plan.errors));
      await progress({ done: 0, total: plan.writes.length });
      return {
        rows: plan.rows,
        unchanged: plan.unchanged,
        writes: plan.writes.length,
        pages,
        jpCenti: jpOf(plan.writes),
        ignoredColumns: read.ignoredColumns,
      };
    });

    for (let n = 0; n < planned.pages; n++) {
      await steps.do(`apply ${n + 1}`, async ({ ctx, once }) => {
        const writes = await readJson<Write[]>(ctx.env.FILES, pageKey(file, n));
        for (let chunk = 0; chunk * chunkSize < writes.length; chunk++) {
          const rows = writes.slice(chunk * chunkSize, (chunk + 1) * chunkSize);
          await once(`apply:${n}:${chunk}`, async () => ({
            statements: writeStatements(ctx, rows),
            result: rows.length,
            progress: { done: n * pageSize + chunk * chunkSize + rows.length },
          }));
        }
        return writes.length;
      });
    }

    return steps.do('report', async ({ ctx }) => {
      const bucket = ctx.env.FILES;
      const errors = await readJson<Plan['errors']>(bucket, planKey(file));
      const report = reportOf('commit', { ...planned, created: planned.writes, errors }, planned.ignoredColumns);
      await bucket.delete([file, planKey(file), ...Array.from({ length: planned.pages }, (_, n) => pageKey(file, n))]);
      return { ...report, errors: report.errors.slice(0, listedErrors) };
    });
  },
};
