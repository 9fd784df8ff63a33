/**
 * Certificates for every passed participant of an offering, as a job (`certificates.issue`). The
 * request decides the terms (date of issue, official, pattern, place) and answers 202; the job:
 *
 * 1. `plan`: the offering's completed, passed enrollments without a valid certificate, in the
 *    participants' name order (the order of their numbers).
 * 2. `issue <n>`, one per chunk of `chunkSize`: the chunk's certificates in one D1 batch with
 *    their audit rows, a checkpoint and the job's progress (`scope.once`). A chunk whose
 *    checkpoint exists is not written again, and each insert skips an enrollment that has a valid
 *    certificate by then (issued by hand meanwhile, or by this very chunk before a restart): a
 *    resumed job numbers nobody twice.
 * 3. `report`: how many were planned and how many of them hold a valid certificate now.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { certificates, employees, enrollments, offerings } from '../../db/schema';
import type { Call, TenantContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { startTenantJob, type TenantJobKind } from '../jobs';
import { type IssueTerms, issueStatements, issueTerms, newCertificateId } from './issue';
import type { IssueOptions } from './schemas';

const issueKind = 'certificates.issue';
/** Certificates per batch: two statements each, far below D1's limits, a fraction of a second of work. */
const chunkSize = 25;

export interface IssueJobInput {
  offeringId: string;
  terms: IssueTerms;
}

interface IssueJobResult {
  offeringId: string;
  planned: number;
  issued: number;
}

export const certificateIssueJob: TenantJobKind<IssueJobInput> = {
  kind: issueKind,
  scope: 'tenant',
  async run({ input }, steps) {
    const { offeringId, terms } = input;
    const ids = await steps.do('plan', async ({ ctx, progress }) => {
      const rows = await ctx.db
        .select({ id: enrollments.id })
        .from(enrollments)
        .innerJoin(employees, and(eq(employees.tenantId, enrollments.tenantId), eq(employees.id, enrollments.employeeId)))
        .where(
          and(
            eq(enrollments.offeringId, offeringId),
            eq(enrollments.status, 'completed'),
            eq(enrollments.passed, true),
            sql`not exists (select 1 from certificates c where ${ctx.db.scope('c')} and c.enrollment_id = ${enrollments.id} and c.status = 'valid')`,
          ),
        )
        .orderBy(asc(employees.name), asc(enrollments.id));
      await progress({ done: 0, total: rows.length });
      return rows.map((r) => r.id);
    });

    for (let n = 0; n * chunkSize < ids.length; n++) {
      const chunk = ids.slice(n * chunkSize, (n + 1) * chunkSize);
      await steps.do(`issue ${n + 1}`, ({ ctx, once }) =>
        once(`issue:${n}`, async () => ({
          statements: chunk.flatMap((enrollmentId) => issueStatements(ctx, terms, offeringId, enrollmentId, newCertificateId())),
          result: chunk.length,
          progress: { done: n * chunkSize + chunk.length },
        })),
      );
    }

    return steps.do('report', async ({ ctx }): Promise<IssueJobResult> => {
      const [row] = await ctx.db
        .select({ issued: sql<number>`count(*)` })
        .from(certificates)
        .where(
          and(eq(certificates.status, 'valid'), sql`${certificates.enrollmentId} in (select value from json_each(${JSON.stringify(ids)}))`),
        );
      return { offeringId, planned: ids.length, issued: row?.issued ?? 0 };
    });
  },
};

/** Starts the batch of an offering of this tenant (404 otherwise), its terms decided now. */
export async function startCertificateBatch({ ctx, input }: Call<TenantContext, { offeringId: string; options: IssueOptions }>) {
  const [offering] = await ctx.db.select({ id: offerings.id }).from(offerings).where(eq(offerings.id, input.offeringId)).limit(1);
  if (!offering) throw notFound('offering');
  const job: IssueJobInput = { offeringId: input.offeringId, terms: await issueTerms(ctx, input.options) };
  return startTenantJob(ctx, { kind: issueKind, input: job });
}
