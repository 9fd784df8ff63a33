/**
 * Request and response shapes of the JP ledger. JP travels as a decimal number with at most two
 * places (stored as hundredths); instants are ISO-8601 with an offset, stored in UTC.
 */
import { z } from '@hono/zod-openapi';
import { programMethods } from '../../db/schema/catalog';
import { employmentTypes } from '../../db/schema/employees';
import { jpSources, manualJpSources } from '../../db/schema/jp';
import { tenantParams } from '../../platform/http/params';
import { lineText, multilineText } from '../../platform/http/text';
import { jpBases } from './engine';
import type { ProgramMethod } from './rules';

const hundredths = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;

export const jpAmount = z.number().min(0.01).max(1000).refine(hundredths, 'at most two decimal places').openapi({ example: 4.5 });

export const newJpEntrySchema = z
  .object({
    employeeId: z.string().min(1).max(60),
    jp: jpAmount,
    source: z
      .enum(manualJpSources, {
        error: (issue) =>
          issue.input === 'learning_report'
            ? 'learning_report credits come only from approving the report (POST /tenants/{tenant}/learning-reports/{id}/approve), so that the rules apply and it is credited once'
            : undefined,
      })
      .openapi({ description: 'learning_report is not accepted here: approving a report credits it' }),
    occurredAt: z.iso
      .datetime({ offset: true })
      .refine((v) => v >= '2000' && v < '2101', 'an instant between 2000 and 2100')
      .openapi({ example: '2026-03-14T09:00:00+07:00' }),
    reference: lineText(120).optional(),
    note: multilineText(1000).optional(),
  })
  .strict()
  .openapi('NewJpEntry');
export type NewJpEntry = z.infer<typeof newJpEntrySchema>;

export const jpEntrySchema = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    jp: z.number(),
    source: z.enum(jpSources),
    occurredAt: z.string(),
    year: z.number().int(),
    reference: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('JpEntry');

export const jpLedgerSchema = z
  .object({
    employeeId: z.string(),
    year: z.number().int(),
    employmentType: z.enum(employmentTypes),
    entries: z.array(jpEntrySchema),
    total: z.number(),
    target: z.number().openapi({ description: "The yearly target of the employee's employment type (tenant settings, jpTargets)" }),
    remaining: z.number(),
    reached: z.boolean(),
  })
  .openapi('JpLedger');

const reachingSchema = z.object({
  employees: z.number().int(),
  reached: z.number().int(),
  share: z.number().nullable(),
});

export const jpSummarySchema = z
  .object({
    year: z.number().int(),
    unitId: z.string().nullable(),
    target: z.number().openapi({ description: 'The PNS target (as before targets per employment type; see targets)' }),
    targets: z.object({ pns: z.number(), pppk: z.number() }).openapi({ description: 'The yearly target of each employment type' }),
    employees: z.number().int().openapi({ description: 'Active employees' }),
    reached: z.number().int().openapi({ description: "Active employees whose JP of the year reach their employment type's target" }),
    share: z.number().nullable().openapi({ description: 'reached / employees, 4 decimals; null without employees' }),
    meanJp: z
      .number()
      .nullable()
      .openapi({ description: 'Mean JP of the year over active employees (none earned counts as 0), 2 decimals' }),
    byEmploymentType: z.object({ pns: reachingSchema, pppk: reachingSchema }),
  })
  .openapi('JpSummary');

const year = z.coerce
  .number()
  .int()
  .min(2000)
  .max(2100)
  .optional()
  .openapi({ description: "Default: the current year in the tenant's time zone" });
export const yearQuery = z.object({ year });
export const summaryQuery = z.object({
  year,
  unit: z.string().min(1).max(60).optional().openapi({ description: 'this unit and the units under it' }),
});
export const employeeParams = tenantParams.extend({
  id: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const cap = (what: string) => jpAmount.nullable().openapi({ description: `At most this many JP ${what}; null: no cap` });

const jpRuleSchema = z
  .object({
    basis: z.enum(jpBases).openapi({
      description:
        'day: JP per day of the period; session: per session; hour: per lesson hour of 45 minutes; semester: per semester; claim: the JP claimed',
    }),
    jpPerUnit: jpAmount.nullable().openapi({ description: 'JP per day, session, lesson hour or semester; null only for basis claim' }),
    capPerDay: cap('per day of the period'),
    capPerMonth: cap('per calendar month, counting what the person already earned that month by this method'),
    capPerYear: cap('per calendar year, counting what the person already earned that year by this method'),
    capPerActivity: cap('per activity (one report, one pairing)'),
  })
  .strict()
  .refine((r) => (r.basis === 'claim') === (r.jpPerUnit === null), {
    message: 'jpPerUnit is null exactly when the basis is claim',
    path: ['jpPerUnit'],
  })
  .openapi('JpRule');

const rulesShape = z.object(Object.fromEntries(programMethods.map((m) => [m, jpRuleSchema])) as Record<ProgramMethod, typeof jpRuleSchema>);

export const jpRulesInput = z.object({ rules: rulesShape.strict() }).strict().openapi('JpRulesInput');

export const jpRulesSchema = z
  .object({
    rules: rulesShape,
    version: z.number().int().openapi({ description: '0 while the defaults apply' }),
    updatedAt: z.string().nullable(),
  })
  .openapi('JpRules');

const recapFigures = {
  employees: z.number().int().openapi({ description: 'Active employees of the unit and the units under it' }),
  reached: z.number().int().openapi({ description: "Those whose JP of the year reach their employment type's target" }),
  share: z.number().nullable().openapi({ description: 'reached / employees, 4 decimals; null without employees' }),
  totalJp: z.number().openapi({ description: 'JP earned in the year by these employees' }),
};

export const jpRecapSchema = z
  .object({
    year: z.number().int(),
    unitId: z.string().nullable(),
    units: z.array(z.object({ unitId: z.string(), code: z.string(), name: z.string(), ...recapFigures })),
    total: z.object(recapFigures),
  })
  .openapi('JpRecap');
