/**
 * The import of past training (docs/training-history.md): `dry-run` reads the file and reports in
 * the request, writing nothing; `commit` stores the file in R2 and runs as a job (job.ts). The
 * report is the same for both: rows, what is (or would be) created, unchanged, every bad row with
 * its column and reason.
 */
import type { Call, TenantContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { startTenantJob } from '../jobs';
import { type FileFormat, readTrainingFile } from './file';
import { type ImportInput, importFileKey, importKind } from './job';
import { planImport } from './plan';
import { jpOf, reportOf } from './report';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The format a content type names; a 415 for anything else. */
export function formatOf(contentType: string | undefined): FileFormat {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === xlsxType) return 'xlsx';
  throw new DomainError('unsupported_media_type', `Send the file as text/csv or ${xlsxType}.`);
}

export async function dryRunImport({ ctx, input }: Call<TenantContext, { bytes: Uint8Array; format: FileFormat }>) {
  const file = readTrainingFile(input.bytes, input.format);
  const plan = await planImport(ctx, file);
  return reportOf('dry-run', { ...plan, created: plan.writes.length, jpCenti: jpOf(plan.writes) }, file.ignoredColumns);
}

/** Checks the file can be read (its header too), stores it and starts the job. */
export async function commitImport({ ctx, input }: Call<TenantContext, { bytes: Uint8Array; format: FileFormat }>) {
  readTrainingFile(input.bytes, input.format);
  return startTenantJob(ctx, {
    kind: importKind,
    input: (jobId): ImportInput => ({ file: importFileKey(ctx.tenant.id, jobId, input.format), format: input.format }),
    prepare: async (jobId) => {
      await ctx.env.FILES.put(importFileKey(ctx.tenant.id, jobId, input.format), input.bytes);
    },
  });
}
