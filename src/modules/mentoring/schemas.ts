/** Request and response shapes of mentoring and coaching: profiles, pairings, sessions, goals, matching. */
import { z } from '@hono/zod-openapi';
import { goalStatuses, mentorStatuses, pairingKinds, pairingStatuses } from '../../db/schema/mentoring';
import { pageQuery } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { lineText, multilineText } from '../../platform/http/text';

const id = z.string().min(1).max(60);
const day = z.iso
  .date()
  .refine((v) => v >= '2000-01-01' && v < '2101-01-01', 'a date between 2000 and 2100')
  .openapi({ example: '2026-03-10' });
const competencyKeys = z.array(z.string().trim().min(1).max(60)).max(30);
const reason = multilineText(1000, 3);

export const idParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });
export const goalParams = idParams.extend({ goalId: id.openapi({ param: { name: 'goalId', in: 'path' } }) });
export const sessionParams = idParams.extend({ sessionId: id.openapi({ param: { name: 'sessionId', in: 'path' } }) });

export const newMentorSchema = z
  .object({
    employeeId: id,
    capacity: z.number().int().min(0).max(50).default(3),
    competencies: competencyKeys.default([]).openapi({ description: 'Competencies offered, by id or code' }),
    availability: multilineText(500).optional().openapi({ example: 'Selasa dan Kamis, 13.00–15.00 WIB' }),
    status: z.enum(mentorStatuses).default('active'),
  })
  .strict()
  .openapi('NewMentorProfile');
export type NewMentor = z.infer<typeof newMentorSchema>;

export const mentorChangesSchema = z
  .object({
    capacity: z.number().int().min(0).max(50),
    competencies: competencyKeys,
    availability: multilineText(500).nullable(),
    status: z.enum(mentorStatuses),
  })
  .partial()
  .strict()
  .openapi('MentorProfileChanges');
export type MentorChanges = z.infer<typeof mentorChangesSchema>;

export const mentorSchema = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    capacity: z.number().int(),
    competencies: z.array(z.string()),
    availability: z.string().nullable(),
    status: z.enum(mentorStatuses),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('MentorProfile');
export const namedMentorSchema = mentorSchema.extend({ name: z.string() }).openapi('NamedMentorProfile');

export const mentorQuery = pageQuery.extend({ status: z.enum(mentorStatuses).optional() });

const goalTitle = lineText(300);
const newGoal = z.object({ title: goalTitle, dueDate: day.optional() }).strict();

export const newPairingSchema = z
  .object({
    kind: z.enum(pairingKinds),
    mentorId: id,
    menteeId: id,
    focus: competencyKeys.default([]).openapi({ description: 'Focus competencies, by id or code' }),
    note: multilineText(1000).optional(),
    goals: z.array(newGoal).max(20).default([]),
  })
  .strict()
  .refine((p) => p.mentorId !== p.menteeId, { message: 'mentor and mentee must be two people', path: ['menteeId'] })
  .openapi('NewPairing');
export type NewPairing = z.infer<typeof newPairingSchema>;

export const pairingSchema = z
  .object({
    id: z.string(),
    kind: z.enum(pairingKinds),
    mentorId: z.string(),
    menteeId: z.string(),
    status: z.enum(pairingStatuses),
    focus: z.array(z.string()),
    note: z.string().nullable(),
    proposedBy: z.string(),
    acceptedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    endedBy: z.string().nullable(),
    endReason: z.string().nullable(),
    completedAt: z.string().nullable(),
    jp: z.number().nullable().openapi({ description: 'JP credited to the mentee at completion' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Pairing');

/** A pairing as read: with its two members' names, which each member sees. */
export const namedPairingSchema = pairingSchema.extend({ mentorName: z.string(), menteeName: z.string() }).openapi('NamedPairing');

export const pairingQuery = pageQuery.extend({
  status: z.enum(pairingStatuses).optional(),
  kind: z.enum(pairingKinds).optional(),
  mentor: id.optional(),
  mentee: id.optional(),
});
export type PairingFilters = z.infer<typeof pairingQuery>;

export const declineSchema = z.object({ reason }).strict().openapi('DeclinePairing');
export const endSchema = z
  .object({ outcome: z.enum(['completed', 'cancelled']), reason })
  .strict()
  .openapi('EndPairing');
export type EndPairing = z.infer<typeof endSchema>;

/** A session is at most a working day: 8 hours. */
const maxSessionMinutes = 480;

export const newSessionSchema = z
  .object({
    date: day.openapi({ description: "The day of the session, not after today on the tenant's clock" }),
    minutes: z.number().int().min(1).max(maxSessionMinutes).openapi({ description: 'At most 480 (8 hours)' }),
    notes: multilineText(5000).optional(),
    actionItems: z.array(lineText(300)).max(20).default([]),
  })
  .strict()
  .openapi('NewMentoringSession');
export type NewSession = z.infer<typeof newSessionSchema>;

export const sessionSchema = z
  .object({
    id: z.string(),
    pairingId: z.string(),
    date: z.string(),
    minutes: z.number().int(),
    notes: z.string().nullable(),
    actionItems: z.array(z.string()),
    recordedBy: z.string(),
    recorderId: z
      .string()
      .nullable()
      .openapi({ description: 'The member who recorded it (null: recorded before confirmations, by a member not known)' }),
    status: z.enum(['unconfirmed', 'confirmed']).openapi({
      description: 'Confirmed by the other member or the admin; only confirmed minutes earn JP when the pairing completes',
    }),
    confirmedBy: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('MentoringSession');

export const newGoalSchema = newGoal.openapi('NewMentoringGoal');
export type NewGoal = z.infer<typeof newGoalSchema>;
export const goalChangesSchema = z
  .object({ title: goalTitle, status: z.enum(goalStatuses), dueDate: day.nullable() })
  .partial()
  .strict()
  .openapi('MentoringGoalChanges');
export type GoalChanges = z.infer<typeof goalChangesSchema>;

export const goalSchema = z
  .object({
    id: z.string(),
    pairingId: z.string(),
    title: z.string(),
    status: z.enum(goalStatuses),
    dueDate: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('MentoringGoal');

const preference = z
  .enum(['proximity', 'distance'])
  .default('proximity')
  .openapi({ description: 'Prefer mentors near the mentee (same unit) or from elsewhere' });

export const suggestionQuery = z.object({
  mentee: id,
  unitPreference: preference,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

const parts = z.object({ fit: z.number(), capacity: z.number(), unit: z.number() });

export const suggestionsSchema = z
  .object({
    menteeId: z.string(),
    preference: z.enum(['proximity', 'distance']),
    gaps: z.array(z.object({ competencyId: z.string(), required: z.number().int(), weightedGap: z.number() })),
    items: z.array(
      z.object({
        mentorId: z.string(),
        name: z.string(),
        unitId: z.string(),
        score: z.number(),
        parts,
        remaining: z.number().int(),
        covered: z.array(z.string()),
      }),
    ),
  })
  .openapi('MentorSuggestions');

export const matchSchema = z
  .object({
    mentees: z.array(id).min(1).max(100),
    kind: z.enum(pairingKinds).default('mentoring'),
    unitPreference: preference,
    publish: z.boolean().default(false).openapi({ description: 'Also record the proposals as proposed pairings' }),
  })
  .strict()
  .openapi('MatchRequest');
export type MatchRequest = z.infer<typeof matchSchema>;

const publishedPair = z.object({ mentorId: id, menteeId: id }).strict();

export const publishSchema = z
  .object({
    pairs: z
      .array(publishedPair)
      .min(1)
      .max(100)
      .openapi({ description: 'The reviewed assignment: mentoring pairs, each mentee at most once' }),
  })
  .strict()
  .openapi('PublishPairs');
export type PublishPairs = z.infer<typeof publishSchema>;

export const publishedSchema = z.object({ items: z.array(namedPairingSchema) }).openapi('PublishedPairs');

export const matchResultSchema = z
  .object({
    kind: z.enum(pairingKinds),
    totalScore: z.number(),
    proposals: z.array(
      z.object({
        menteeId: z.string(),
        mentorId: z.string(),
        score: z.number(),
        parts: parts.nullable(),
        pairingId: z.string().nullable(),
      }),
    ),
    unmatched: z.array(z.string()),
    published: z.boolean(),
  })
  .openapi('MatchResult');
