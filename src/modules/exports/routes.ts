/**
 * Tenant exports: the tenant admin starts one (a job, `202` with its `Location`) and downloads the
 * archive once the job has succeeded. Nobody else may: the archive holds every personal record of
 * the region (SECURITY.md). Another tenant's export is a 404 like any foreign id.
 */
import { z } from '@hono/zod-openapi';
import { and, eq } from 'drizzle-orm';
import { jobs } from '../../db/schema';
import { DomainError, notFound } from '../../platform/errors';
import { json, problem, route, tenantRouter } from '../../platform/http/openapi';
import { tenantParams } from '../../platform/http/params';
import { accepted, jobSchema, startTenantJob } from '../jobs';
import { archiveKey, type ExportResult, exportKind } from './job';

const tags = ['Exports'];
const roles = ['tenant_admin'] as const;

const exportParams = tenantParams.extend({
  id: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'The export job id', example: 'job_1jd3k5m7n000abcdefgh' }),
});

export const exportRoutes = tenantRouter()
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/exports',
      tags,
      roles,
      summary: 'Export every record of the tenant as a zip of JSON lines files, as a job (202): its result names the archive',
      description:
        'One file per table and a `manifest.json` (schema version, per table the row count and SHA-256 of its file). Secrets are left out (docs/jobs.md). One export at a time per tenant: a second request answers the running one.',
      request: { params: tenantParams },
      responses: { 202: json(jobSchema, 'The export job (or the one already running in this tenant); poll its Location') },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return accepted(c, await startTenantJob(ctx, { kind: exportKind, input: { slug: ctx.tenant.slug } }));
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/exports/{id}/download',
      tags,
      roles,
      summary: 'The archive of a finished export (application/zip), streamed',
      request: { params: exportParams },
      responses: {
        200: {
          description: 'The zip archive',
          content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        409: problem('The export has not finished, or it failed or was cancelled'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id } = c.req.valid('param');
      const [job] = await ctx.db
        .select({ status: jobs.status, result: jobs.result })
        .from(jobs)
        .where(and(eq(jobs.id, id), eq(jobs.kind, exportKind)))
        .limit(1);
      if (!job) throw notFound('export');
      if (job.status !== 'succeeded' || job.result === null) throw new DomainError('conflict', `The export is ${job.status}, not ready.`);
      const object = await ctx.env.FILES.get(archiveKey(ctx.tenant.id, id));
      if (!object) throw notFound('export');
      const result = JSON.parse(job.result) as ExportResult;
      return c.body(object.body, 200, {
        'content-type': 'application/zip',
        'content-length': String(object.size),
        'content-disposition': `attachment; filename="${result.file}"`,
        'cache-control': 'no-store',
      });
    },
  );
