/** Request and response shapes of unit indicators (L4 results) and their values by period. */
import { z } from '@hono/zod-openapi';
import { indicatorDirections } from '../../../db/schema/evaluations';
import { orNull } from '../../../platform/http/openapi';
import { pageQuery } from '../../../platform/http/pagination';
import { tenantParams } from '../../../platform/http/params';
import { lineText, multilineText } from '../../../platform/http/text';
import { periodSchema } from '../ikm/schemas';

const id = z.string().min(1).max(60);

const indicatorName = lineText(200, 2);
const measure = lineText(40).openapi({ example: 'menit' });

export const newIndicatorSchema = z
  .object({ unitId: id, name: indicatorName, measure, direction: z.enum(indicatorDirections) })
  .strict()
  .openapi('NewUnitIndicator');

export const indicatorChangesSchema = z
  .object({ name: indicatorName, measure, direction: z.enum(indicatorDirections) })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change')
  .openapi('UnitIndicatorChanges');

export const indicatorSchema = z
  .object({
    id: z.string(),
    unitId: z.string(),
    name: z.string(),
    measure: z.string(),
    direction: z.enum(indicatorDirections),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('UnitIndicator');

export const indicatorValueInput = z
  .object({
    value: z.number().finite().min(-1e12).max(1e12),
    note: multilineText(1000, 0).nullable().default(null),
  })
  .strict()
  .openapi('IndicatorValueInput');

export const indicatorValueSchema = z
  .object({ period: z.string(), value: z.number(), note: z.string().nullable(), updatedAt: z.string() })
  .openapi('IndicatorValue');

const changeSchema = z
  .object({
    before: z.object({ period: z.string(), value: z.number().nullable() }),
    after: z.object({ period: z.string(), value: z.number().nullable() }),
    change: z.number().nullable().openapi({ description: 'after − before; null when a value is missing' }),
    relativeChange: z.number().nullable().openapi({ description: 'change / |before|, four decimals; null when before is 0 or missing' }),
    improvement: z.number().nullable().openapi({ description: 'change signed by direction: positive is better' }),
    improved: z.boolean().nullable(),
  })
  .openapi('IndicatorChange');

export const indicatorDetailSchema = indicatorSchema
  .extend({ series: z.array(indicatorValueSchema), change: orNull(changeSchema) })
  .openapi('UnitIndicatorDetail');

export const indicatorParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });
export const indicatorValueParams = indicatorParams.extend({ period: periodSchema.openapi({ param: { name: 'period', in: 'path' } }) });
export const indicatorQuery = pageQuery.extend({ unit: id.optional() });
export const changeQuery = z
  .object({ before: periodSchema.optional(), after: periodSchema.optional() })
  .refine((q) => (q.before === undefined) === (q.after === undefined), 'send both before and after, or neither');

export type NewIndicator = z.infer<typeof newIndicatorSchema>;
export type IndicatorChanges = z.infer<typeof indicatorChangesSchema>;
export type IndicatorValueInput = z.infer<typeof indicatorValueInput>;
