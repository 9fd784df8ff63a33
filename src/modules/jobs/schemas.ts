/** The job resource as the API shows it, and its path and query parameters. */
import { z } from '@hono/zod-openapi';
import { jobStatuses } from '../../db/schema';
import { pageQuery } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';

const jobId = z
  .string()
  .min(1)
  .max(60)
  .openapi({ param: { name: 'id', in: 'path' }, example: 'job_1jd3k5m7n000abcdefgh' });

export const jobParams = tenantParams.extend({ id: jobId });
export const nationalJobParams = z.object({ id: jobId });

const problemShape = z
  .object({ type: z.string(), title: z.string(), status: z.number().int(), detail: z.string() })
  .openapi('JobProblem', { description: 'Why a job failed, as a problem (RFC 9457)' });

export const jobSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ example: 'employees.import' }),
    status: z.enum(jobStatuses),
    progress: z.object({
      done: z.number().int(),
      total: z.number().int().openapi({ description: '0 until the job knows how much there is to do' }),
    }),
    result: z.unknown().nullable().openapi({ description: "What the job produced, once succeeded (each kind's shape in docs/jobs.md)" }),
    error: problemShape.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Job');

export const jobListQuery = pageQuery.extend({
  kind: z.string().max(60).optional(),
  status: z.enum(jobStatuses).optional(),
});

export type JobView = z.infer<typeof jobSchema>;
export type JobProblem = z.infer<typeof problemShape>;
