/**
 * Request and response shapes of the public satisfaction surveys (IKM): responses and the report,
 * and the reporting period every period-keyed figure (IKM, unit indicators) is checked against.
 */
import { z } from '@hono/zod-openapi';
import { respondentAgeBands, respondentEducations, respondentGenders } from '../../../db/schema/evaluations';
import { lineText } from '../../../platform/http/text';
import { ikmGrades } from './formula';
import { isPeriod, periodContains } from './periods';

const id = z.string().min(1).max(60);

export const periodSchema = z
  .string()
  .refine(isPeriod, 'a period: YYYY, YYYY-S1|S2, YYYY-Q1…Q4 or YYYY-MM (2000–2100)')
  .openapi({ example: '2026-S1', description: 'YYYY, YYYY-S1|S2 (semester), YYYY-Q1…Q4 (quarter) or YYYY-MM (month)' });

const answer = z.number().int().min(1).max(4);

const ikmResponseInput = z
  .object({
    unitId: id,
    period: periodSchema,
    answers: z
      .array(answer)
      .length(9)
      .openapi({
        description: 'The nine elements U1…U9 in order, each 1 (tidak baik) to 4 (sangat baik)',
        example: [3, 3, 4, 3, 4, 3, 3, 2, 3],
      }),
    date: z.iso.date().openapi({ description: 'The day the respondent answered; inside the period', example: '2026-03-12' }),
    respondent: z
      .object({
        gender: z.enum(respondentGenders),
        ageBand: z.enum(respondentAgeBands),
        education: z.enum(respondentEducations),
        service: lineText(200).openapi({ description: 'The service used, e.g. "Penerbitan KTP-el"' }),
      })
      .partial()
      .strict()
      .optional()
      .openapi({ description: 'Optional profile; never a name, NIK, phone or address' }),
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
