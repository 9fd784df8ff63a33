/**
 * Request and response shapes of Kirkpatrick levels 1–3, mentoring feedback, the caller's waiting
 * evaluations, the evaluation reports and the tenant's evaluation settings. One zod schema each:
 * validation, types and OpenAPI.
 */
import { z } from '@hono/zod-openapi';
import { reactionItems } from '../../../db/schema/evaluations';
import { tenantParams } from '../../../platform/http/params';
import { multilineText } from '../../../platform/http/text';

const id = z.string().min(1).max(60);
const likert = z.number().int().min(1).max(5);
const comment = multilineText(2000, 0).nullable().default(null);
const score = z.number().min(0).max(100);

export const idParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });

export const reactionInput = z
  .object({
    answers: z
      .object(Object.fromEntries(reactionItems.map((item) => [item, likert])) as Record<(typeof reactionItems)[number], typeof likert>)
      .strict()
      .openapi({
        description: 'Likert 1 (sangat kurang) to 5 (sangat baik) for each item',
        example: { materi: 4, fasilitator: 5, metode: 4, sarana: 3, manfaat: 5, waktu: 4 },
      }),
    comment,
  })
  .strict()
  .openapi('ReactionInput');

export const reactionSchema = z
  .object({
    id: z.string(),
    enrollmentId: z.string(),
    offeringId: z.string(),
    answers: z.record(z.string(), z.number()),
    comment: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Reaction');

/** A score left out keeps its value; null clears it. */
const someScore = (v: { pre?: number | null | undefined; post?: number | null | undefined }) => v.pre !== undefined || v.post !== undefined;

export const testScoreInput = z
  .object({ pre: score.nullable().optional(), post: score.nullable().optional() })
  .strict()
  .refine(someScore, 'send pre, post or both')
  .openapi('TestScoreInput');

export const offeringScoresInput = z
  .object({
    scores: z
      .array(
        z
          .object({ enrollmentId: id, pre: score.nullable().optional(), post: score.nullable().optional() })
          .strict()
          .refine(someScore, 'send pre, post or both'),
      )
      .min(1)
      .max(500),
  })
  .strict()
  .openapi('OfferingTestScoresInput');

export const participantScoreSchema = z
  .object({
    enrollmentId: z.string(),
    employeeId: z.string(),
    pre: z.number().nullable(),
    post: z.number().nullable(),
    gain: z.number().nullable(),
    normalizedGain: z.number().nullable().openapi({
      description:
        "This participant's normalized gain (post − pre) / (100 − pre); null when pre = 100 or a score is missing. A group's Hake ⟨g⟩ is not the mean of these: see hakeGain in the reports",
    }),
  })
  .openapi('ParticipantTestScore');

export const offeringScoresSchema = z.object({ items: z.array(participantScoreSchema) }).openapi('OfferingTestScores');

const assessmentItem = z
  .object({ competency: id.openapi({ description: 'competency id or code' }), level: z.number().int().min(1).max(5) })
  .strict();

export const behaviourInput = z
  .object({ rating: likert, comment, assessments: z.array(assessmentItem).max(50).default([]) })
  .strict()
  .openapi('BehaviourInput');

export const behaviourSchema = z
  .object({
    id: z.string(),
    enrollmentId: z.string(),
    employeeId: z.string(),
    rating: z.number(),
    comment: z.string().nullable(),
    assessments: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('Behaviour');

export const feedbackInput = z
  .object({
    rating: likert,
    comment,
    assessments: z.array(assessmentItem).max(50).default([]).openapi({ description: 'Self-assessment: the mentee only' }),
  })
  .strict()
  .openapi('MentoringFeedbackInput');

export const feedbackSchema = z
  .object({
    id: z.string(),
    pairingId: z.string(),
    role: z.enum(['mentor', 'mentee']),
    rating: z.number(),
    comment: z.string().nullable(),
    assessments: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('MentoringFeedback');

export const waitingSchema = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum(['reaction', 'behaviour', 'mentoring']),
        enrollmentId: z.string().nullable(),
        pairingId: z.string().nullable(),
        employeeId: z
          .string()
          .openapi({ description: 'The person evaluated: the caller (L1), a direct report (L3), the other member (mentoring)' }),
        title: z.string(),
        completedOn: z.string(),
        opensOn: z.string(),
        dueOn: z.string(),
        open: z.boolean(),
      }),
    ),
  })
  .openapi('WaitingEvaluations');

const mean = z.number().nullable();
const levelFiguresSchema = z
  .object({
    completed: z.number().int(),
    l1: z.object({ responses: z.number().int(), rate: mean, mean, items: z.record(z.string(), mean) }),
    l2: z.object({
      n: z.number().int().openapi({ description: 'Participants with both scores' }),
      meanPre: mean,
      meanPost: mean,
      meanGain: mean.openapi({ description: 'meanPost − meanPre, in points' }),
      hakeGain: mean.openapi({
        description: "Hake's normalized gain ⟨g⟩ of the group: (meanPost − meanPre) / (100 − meanPre); null when meanPre = 100",
      }),
      meanIndividualGain: mean.openapi({
        description:
          "The mean of the participants' own normalized gains (post − pre) / (100 − pre), over those with pre < 100: a different figure from hakeGain",
      }),
      meanNormalizedGain: mean.openapi({
        description: 'Deprecated: the same figure as meanIndividualGain, under its former name',
        deprecated: true,
      }),
    }),
    l3: z.object({ responses: z.number().int(), rate: mean, mean }),
  })
  .openapi('EvaluationFigures');

const l4Schema = z.object({
  before: z.string(),
  after: z.string(),
  indicators: z.array(
    z.object({
      indicatorId: z.string(),
      unitId: z.string(),
      name: z.string(),
      measure: z.string(),
      direction: z.string(),
      beforeValue: mean,
      afterValue: mean,
      change: mean,
      relativeChange: mean,
      improvement: mean,
      improved: z.boolean().nullable(),
    }),
  ),
});

export const offeringReportSchema = levelFiguresSchema
  .extend({
    offeringId: z.string(),
    programId: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    participants: z.array(participantScoreSchema),
    l4: l4Schema,
  })
  .openapi('OfferingEvaluation');

export const programReportSchema = levelFiguresSchema
  .extend({
    programId: z.string(),
    year: z.number().int().nullable().openapi({ description: 'Only offerings starting in this year; null: all of them' }),
    offerings: z.number().int(),
    l1Distribution: z.record(z.string(), z.array(z.number().int())).openapi({
      description: 'Per L1 item, how many answers gave 1, 2, 3, 4 and 5 (five counts)',
      example: { materi: [0, 1, 0, 3, 2] },
    }),
    l4: l4Schema.nullable().openapi({
      description:
        "The participants' unit indicators: the quarter before the first offering's start against the quarter after the last one's end; null without offerings",
    }),
  })
  .openapi('ProgramEvaluation');

export const programReportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ description: 'Only offerings starting in this year' }),
});

export const summaryQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const summarySchema = levelFiguresSchema
  .extend({ year: z.number().int(), mentoring: z.object({ completedPairings: z.number().int(), responses: z.number().int(), mean }) })
  .openapi('EvaluationSummary');

export type ReactionInput = z.infer<typeof reactionInput>;
export type BehaviourInput = z.infer<typeof behaviourInput>;
export type FeedbackInput = z.infer<typeof feedbackInput>;
export type ScoreInput = { enrollmentId: string; pre?: number | null | undefined; post?: number | null | undefined };

export const settingsSchema = z
  .object({
    l3WaitingDays: z.number().int().openapi({ description: 'Days after completion before the supervisor may evaluate behaviour (L3)' }),
    version: z.number().int().openapi({ description: '0 until the settings are first saved (the defaults apply)' }),
    updatedAt: z.string().nullable(),
  })
  .openapi('EvaluationSettings');

export const settingsInput = z
  .object({ l3WaitingDays: z.number().int().min(0).max(365) })
  .strict()
  .openapi('EvaluationSettingsInput');

export type SettingsInput = z.infer<typeof settingsInput>;
