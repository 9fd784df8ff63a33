/**
 * What mentoring holds about one person, for their personal data export (`GET /me/export`): their
 * mentor profile, the pairings they belong to (as mentor or mentee), and those pairings' sessions
 * and goals, which the two members keep together. Statements for the caller's batch, each read by
 * an index; nothing of a pairing the person is not in.
 */
import { z } from '@hono/zod-openapi';
import { asc, eq, or, sql } from 'drizzle-orm';
import { mentoringGoals, mentoringSessions, mentorProfiles, pairings } from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import { orNull } from '../../platform/http/openapi';
import { publicPairing } from './pairings';
import { publicMentor } from './profiles';
import { goalSchema, mentorSchema, pairingSchema, sessionSchema } from './schemas';
import { publicGoal, publicSession } from './sessions';

/** `column in (the ids of the pairings the person belongs to)`. */
const ofTheirPairings = (
  ctx: TenantContext,
  column: typeof mentoringSessions.pairingId | typeof mentoringGoals.pairingId,
  employeeId: string,
) =>
  sql`${column} in (select p.id from ${pairings} p where ${ctx.db.scope('p')} and (p.mentor_id = ${employeeId} or p.mentee_id = ${employeeId}))`;

const profileQuery = (ctx: TenantContext, employeeId: string) =>
  ctx.db.select().from(mentorProfiles).where(eq(mentorProfiles.employeeId, employeeId));

const pairingsQuery = (ctx: TenantContext, employeeId: string) =>
  ctx.db
    .select()
    .from(pairings)
    .where(or(eq(pairings.mentorId, employeeId), eq(pairings.menteeId, employeeId)))
    .orderBy(asc(pairings.createdAt), asc(pairings.id));

const sessionsQuery = (ctx: TenantContext, employeeId: string) =>
  ctx.db
    .select()
    .from(mentoringSessions)
    .where(ofTheirPairings(ctx, mentoringSessions.pairingId, employeeId))
    .orderBy(asc(mentoringSessions.pairingId), asc(mentoringSessions.date), asc(mentoringSessions.id));

const goalsQuery = (ctx: TenantContext, employeeId: string) =>
  ctx.db
    .select()
    .from(mentoringGoals)
    .where(ofTheirPairings(ctx, mentoringGoals.pairingId, employeeId))
    .orderBy(asc(mentoringGoals.pairingId), asc(mentoringGoals.id));

// Another person's login (token subject) is theirs: the export says only whether it was the person's own.
const pairingsSchema = z.array(
  pairingSchema
    .omit({ proposedBy: true, endedBy: true })
    .extend({ proposedByYou: z.boolean(), endedByYou: z.boolean().nullable() })
    .openapi('PersonalPairing'),
);
const sessionsSchema = z.array(
  sessionSchema
    .omit({ recordedBy: true, confirmedBy: true })
    .extend({ recordedByYou: z.boolean(), confirmedByYou: z.boolean().nullable() })
    .openapi('PersonalSession'),
);

export const personalMentoring = {
  schema: z.object({
    profile: orNull(mentorSchema).openapi({ description: 'Their mentor profile, if they mentor' }),
    pairings: pairingsSchema,
    sessions: sessionsSchema,
    goals: z.array(goalSchema),
  }),
  profile: { query: profileQuery, shape: (rows: Awaited<ReturnType<typeof profileQuery>>) => rows.map(publicMentor)[0] ?? null },
  pairings: {
    query: pairingsQuery,
    shape: (ctx: TenantContext, rows: Awaited<ReturnType<typeof pairingsQuery>>): z.infer<typeof pairingsSchema> =>
      rows.map((row) => {
        const { proposedBy, endedBy, ...pairing } = publicPairing(row);
        return {
          ...pairing,
          proposedByYou: proposedBy === ctx.actor.subject,
          endedByYou: endedBy === null ? null : endedBy === ctx.actor.subject,
        };
      }),
  },
  sessions: {
    query: sessionsQuery,
    shape: (ctx: TenantContext, rows: Awaited<ReturnType<typeof sessionsQuery>>): z.infer<typeof sessionsSchema> =>
      rows.map((row) => {
        const { recordedBy, confirmedBy, ...session } = publicSession(row);
        return {
          ...session,
          recordedByYou: recordedBy === ctx.actor.subject,
          confirmedByYou: confirmedBy === null ? null : confirmedBy === ctx.actor.subject,
        };
      }),
  },
  goals: { query: goalsQuery, shape: (rows: Awaited<ReturnType<typeof goalsQuery>>) => rows.map(publicGoal) },
};
