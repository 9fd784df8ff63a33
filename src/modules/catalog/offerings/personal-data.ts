/**
 * What the catalog holds about one person, for their personal data export (`GET /me/export`):
 * their enrollments (any status), each with its offering's dates and place and its program's
 * code and title, and whether they asked for the place themself (never who else did). One
 * statement for the caller's batch, by the enrollments' employee index.
 */
import { z } from '@hono/zod-openapi';
import { and, asc, eq, sql } from 'drizzle-orm';
import { enrollments, offerings, programs } from '../../../db/schema';
import type { TenantContext } from '../../../platform/context';
import { enrollmentSchema, offeringSchema, programSchema } from '../schemas';

function enrollmentsQuery(ctx: TenantContext, employeeId: string) {
  return ctx.db
    .select({
      id: enrollments.id,
      status: enrollments.status,
      seq: enrollments.seq,
      requestedBy: enrollments.requestedBy,
      attendance: enrollments.attendance,
      passed: enrollments.passed,
      completedAt: enrollments.completedAt,
      createdAt: enrollments.createdAt,
      updatedAt: enrollments.updatedAt,
      // Aliased: D1 returns columns by name, and the three tables' `id`s would collide.
      offeringId: sql<string>`${offerings.id}`.as('offering_id'),
      startDate: offerings.startDate,
      endDate: offerings.endDate,
      location: offerings.location,
      online: offerings.online,
      programId: sql<string>`${programs.id}`.as('program_id'),
      programCode: sql<string>`${programs.code}`.as('program_code'),
      programTitle: sql<string>`${programs.title}`.as('program_title'),
    })
    .from(enrollments)
    .innerJoin(offerings, and(eq(offerings.tenantId, enrollments.tenantId), eq(offerings.id, enrollments.offeringId)))
    .innerJoin(programs, and(eq(programs.tenantId, offerings.programTenantId), eq(programs.id, offerings.programId)))
    .where(eq(enrollments.employeeId, employeeId))
    .orderBy(asc(enrollments.createdAt), asc(enrollments.id));
}

const enrollmentsSchema = z.array(
  enrollmentSchema
    .omit({ offeringId: true, employeeId: true, requestedBy: true })
    .extend({
      requestedByYou: z.boolean().openapi({ description: 'The person asked for the place themself (else an admin or a plan placed them)' }),
      offering: offeringSchema.pick({ id: true, startDate: true, endDate: true, location: true, online: true }),
      program: programSchema.pick({ id: true, code: true, title: true }),
    })
    .openapi('PersonalEnrollment'),
);

export const personalEnrollments = {
  schema: enrollmentsSchema,
  query: enrollmentsQuery,
  shape: (ctx: TenantContext, rows: Awaited<ReturnType<typeof enrollmentsQuery>>): z.infer<typeof enrollmentsSchema> =>
    rows.map(({ offeringId, startDate, endDate, location, online, programId, programCode, programTitle, requestedBy, ...enrollment }) => ({
      ...enrollment,
      // Another person's login is theirs: only whether it was the person's own.
      requestedByYou: requestedBy === ctx.actor.subject,
      offering: { id: offeringId, startDate, endDate, location, online },
      program: { id: programId, code: programCode, title: programTitle },
    })),
};
