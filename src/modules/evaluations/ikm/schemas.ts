/**
 * Request and response shapes of the public satisfaction surveys (IKM): responses and the report,
 * and the reporting period every period-keyed figure (IKM, unit indicators) is checked against.
 */
import { z } from '@hono/zod-openapi';
import { respondentAgeBands, respondentEducations, respondentGenders } from '../../../db/schema/evaluations';
import { pageOf, pageQuery } from '../../../platform/http/pagination';
import { slugSchema } from '../../../platform/http/params';
import { lineText } from '../../../platform/http/text';
import { ikmGrades } from './formula';
import { isPeriod, periodContains } from './periods';

const id = z.string().min(1).max(60);

export const periodSchema = z
  .string()
  .refine(isPeriod, 'a period: YYYY, YYYY-S1|S2, YYYY-Q1…Q4 or YYYY-MM (2000–2100)')
  .openapi({ example: '2026-S1', description: 'YYYY, YYYY-S1|S2 (semester), YYYY-Q1…Q4 (quarter) or YYYY-MM (month)' });

const answer = z.number().int().min(1).max(4);

/** The nine answers of one response, in the regulation's order. */
const answersSchema = z
  .array(answer)
  .length(9)
  .openapi({
    description: 'The nine elements U1…U9 in order, each 1 (tidak baik) to 4 (sangat baik)',
    example: [3, 3, 4, 3, 4, 3, 3, 2, 3],
  });

/** The optional, anonymous respondent profile: coarse bands only. */
const respondentSchema = z
  .object({
    gender: z.enum(respondentGenders),
    ageBand: z.enum(respondentAgeBands),
    education: z.enum(respondentEducations),
    service: lineText(200).openapi({ description: 'The service used, e.g. "Penerbitan KTP-el"' }),
  })
  .partial()
  .strict()
  .optional()
  .openapi({ description: 'Optional profile; never a name, NIK, phone or address' });

const ikmResponseInput = z
  .object({
    unitId: id,
    period: periodSchema,
    answers: answersSchema,
    date: z.iso.date().openapi({ description: 'The day the respondent answered; inside the period', example: '2026-03-12' }),
    respondent: respondentSchema,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (isPeriod(r.period) && !periodContains(r.period, r.date))
      ctx.addIssue({ code: 'custom', path: ['date'], message: `not inside the period ${r.period}` });
  });
export type IkmResponseInput = z.infer<typeof ikmResponseInput>;

export const ikmResponsesInput = z
  .object({
    responses: z.array(ikmResponseInput).min(1).max(1000).openapi({ description: 'One to 1,000 responses; all are recorded or none' }),
  })
  .strict()
  .openapi('IkmResponses');

export const ikmRecordedSchema = z.object({ created: z.number().int(), ids: z.array(z.string()) }).openapi('IkmResponsesRecorded');

export const ikmQuery = z.object({
  period: periodSchema,
  unit: id.optional().openapi({ description: 'only this unit in `units` (the tenant figure stays the whole tenant)' }),
});

const ikmResultSchema = z.object({
  responses: z.number().int(),
  elements: z.array(z.object({ code: z.string(), name: z.string(), mean: z.number() })),
  ikm: z.number().openapi({ description: 'Σ mean × 1/9, 1–4, four decimals' }),
  converted: z.number().openapi({ description: 'IKM × 25, two decimals rounded half up; the grade is read from this value' }),
  grade: z.enum(ikmGrades.map((g) => g.grade) as ['A', 'B', 'C', 'D']),
  label: z.enum(ikmGrades.map((g) => g.label) as ['sangat baik', 'baik', 'kurang baik', 'tidak baik']),
});

export const ikmReportSchema = z
  .object({
    period: z.string(),
    tenant: ikmResultSchema.nullable().openapi({ description: 'All responses of the tenant in the period, pooled; null without any' }),
    units: z
      .array(ikmResultSchema.extend({ unitId: z.string(), unitCode: z.string(), unitName: z.string() }))
      .openapi({ description: 'Units with responses, by code' }),
  })
  .openapi('IkmReport');

/** A unit's public address: its region's slug and its own code, as on its poster. */
export const surveyParams = z.object({
  region: slugSchema.openapi({ param: { name: 'region', in: 'path' } }),
  // Any text up to a code's length: a code mistyped is as unknown (404) as one that never existed.
  unit: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'unit', in: 'path' }, example: 'DISDUKCAPIL', description: "The unit's code" }),
});

/** One citizen's response through the public form: the nine answers, the optional profile, the human check's token. */
export const publicIkmInput = z
  .object({
    answers: answersSchema,
    respondent: respondentSchema,
    challenge: z
      .string()
      .min(1)
      .max(2048)
      .optional()
      .openapi({ description: "The human check's token (Cloudflare Turnstile) when the form asks for one" }),
  })
  .strict()
  .openapi('PublicIkmResponse');
export type PublicIkmInput = z.infer<typeof publicIkmInput>;

export const publicIkmReceivedSchema = z.object({ received: z.literal(true) }).openapi('PublicIkmReceived');

export const surveyFormSchema = z
  .object({
    region: z.string().openapi({ description: "The region's name" }),
    unit: z.object({ code: z.string(), name: z.string() }),
    challenge: z
      .object({ provider: z.literal('turnstile'), siteKey: z.string() })
      .nullable()
      .openapi({ description: 'The human check the form must pass; null when none is configured' }),
  })
  .openapi('SurveyForm');

const publicPeriodSchema = z.object({
  period: z.string(),
  responses: z.number().int(),
  converted: z.number().openapi({ description: 'IKM × 25, two decimals rounded half up' }),
  grade: z.enum(ikmGrades.map((g) => g.grade) as ['A', 'B', 'C', 'D']),
  label: z.enum(ikmGrades.map((g) => g.label) as ['sangat baik', 'baik', 'kurang baik', 'tidak baik']),
});

export const publicResultsSchema = z
  .object({
    region: z.string(),
    unit: z.object({ code: z.string(), name: z.string() }),
    minimumResponses: z.number().int().openapi({ description: 'A period is shown only with at least this many responses' }),
    latest: publicPeriodSchema.nullable().openapi({ description: 'The latest ended period shown; null when none is' }),
    periods: z.array(publicPeriodSchema).openapi({ description: 'Ended periods with enough responses, newest first (at most 8)' }),
  })
  .openapi('PublicIkmResults');

export const surveyUnitQuery = pageQuery;

export const surveyUnitPageSchema = pageOf(
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    surveyPath: z.string().openapi({ description: 'The public form, e.g. /survei/kalianda/DISDUKCAPIL; the poster’s QR code holds it' }),
    resultsPath: z.string().openapi({ description: 'The public results page (shown only while resultsPublic)' }),
    resultsPublic: z.boolean(),
  }),
).openapi('SurveyUnitPage');

export const publicationInput = z.object({ resultsPublic: z.boolean() }).strict().openapi('IkmPublicationInput');
export const publicationSchema = z.object({ id: z.string(), resultsPublic: z.boolean() }).openapi('IkmPublication');
export const publicationParams = z.object({
  tenant: slugSchema.openapi({ param: { name: 'tenant', in: 'path' } }),
  id: id.openapi({ param: { name: 'id', in: 'path' } }),
});
