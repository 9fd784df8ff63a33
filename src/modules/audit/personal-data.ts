/**
 * The audit entries about one person, for their personal data export (`GET /me/export`): writes to
 * their employee record, their assessments, enrollments, JP credits, pairings and mentor profile.
 * Each entry says when, what and with which role — and whether the person did it themself — but
 * not who else did it: the subject of an admin or a colleague is that person's data, not theirs.
 * One statement for the caller's batch, served by the audit log's (tenant, entity, entity id) index.
 */
import { z } from '@hono/zod-openapi';
import { asc, sql } from 'drizzle-orm';
import { assessments, auditLog, enrollments, jpEntries, mentorProfiles, pairings } from '../../db/schema';
import type { TenantContext } from '../../platform/context';

function entriesQuery(ctx: TenantContext, employeeId: string) {
  const a = auditLog;
  const about = (entity: string, ids: ReturnType<typeof sql>) => sql`(${a.entity} = ${entity} and ${a.entityId} in (${ids}))`;
  const mine = (table: typeof assessments | typeof enrollments | typeof jpEntries | typeof mentorProfiles, alias: string) =>
    sql`select ${sql.raw(alias)}.id from ${table} ${sql.raw(alias)} where ${ctx.db.scope(alias)} and ${sql.raw(alias)}.employee_id = ${employeeId}`;
  return ctx.db
    .select({ at: a.at, action: a.action, entity: a.entity, entityId: a.entityId, actor: a.actor, actorRoles: a.actorRoles })
    .from(a)
    .where(
      sql`(${about('employee', sql`${employeeId}`)}
        or ${about('assessment', mine(assessments, 's'))}
        or ${about('enrollment', mine(enrollments, 'x'))}
        or ${about('jp_entry', mine(jpEntries, 'j'))}
        or ${about('mentor_profile', mine(mentorProfiles, 'm'))}
        or ${about('pairing', sql`select p.id from ${pairings} p where ${ctx.db.scope('p')} and (p.mentor_id = ${employeeId} or p.mentee_id = ${employeeId})`)})`,
    )
    .orderBy(asc(a.at), asc(a.id));
}

const entriesSchema = z.array(
  z
    .object({
      at: z.string(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string(),
      actorRoles: z.array(z.string()),
      byYou: z.boolean().openapi({ description: 'The person did it themself (who else did is not shown)' }),
    })
    .openapi('PersonalAuditEntry'),
);

export const personalAudit = {
  schema: entriesSchema,
  query: entriesQuery,
  shape: (ctx: TenantContext, rows: Awaited<ReturnType<typeof entriesQuery>>): z.infer<typeof entriesSchema> =>
    rows.map(({ actor, actorRoles, ...entry }) => ({ ...entry, actorRoles: actorRoles.split(' '), byYou: actor === ctx.actor.subject })),
};
