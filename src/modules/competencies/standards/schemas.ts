/**
 * Request and response shapes of a position's competency standard.
 */
import { z } from '@hono/zod-openapi';
import { competencyTypes } from '../../../db/schema/competencies';
import { tenantParams } from '../../../platform/http/params';
import { id } from '../dictionary/schemas';

export const positionParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });

export const level = z.number().int().min(1).max(5);

const standardInputSchema = z
  .object({
    competency: id.openapi({ description: 'competency id or code' }),
    requiredLevel: level,
    weight: z.number().positive().max(100).default(1),
  })
  .strict();

export const standardsInputSchema = z
  .object({ standards: z.array(standardInputSchema).max(100) })
  .strict()
  .openapi('PositionStandardsInput');

const standardSchema = z.object({
  competencyId: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(competencyTypes),
  requiredLevel: z.number().int(),
  weight: z.number(),
});

export const standardsSchema = z
  .object({ positionId: z.string(), version: z.number().int(), standards: z.array(standardSchema) })
  .openapi('PositionStandards');

export type StandardsInput = z.infer<typeof standardsInputSchema>;
