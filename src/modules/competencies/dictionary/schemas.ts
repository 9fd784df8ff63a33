/**
 * Request and response shapes of the competency dictionary. One zod schema each: validation, types
 * and the OpenAPI document come from here.
 */
import { z } from '@hono/zod-openapi';
import { competencyTypes } from '../../../db/schema/competencies';
import { pageQuery } from '../../../platform/http/pagination';
import { codeSchema, tenantParams } from '../../../platform/http/params';
import { lineText, multilineText } from '../../../platform/http/text';
import { retireFilter, retireStatuses } from './retire';

/** An id or code in a path or body. */
export const id = z.string().min(1).max(60);
const levelsSchema = z.array(multilineText(1000, 2)).length(5).openapi({ description: 'Descriptions of levels 1 to 5, level 1 first' });

export const competencySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    type: z.enum(competencyTypes),
    scope: z.enum(['national', 'tenant']),
    description: z.string(),
    levels: z.array(z.string()),
    status: z.enum(retireStatuses).openapi({ description: 'retired: national curation took it out of new use (history keeps it)' }),
    retiredAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Competency');

export const newCompetencySchema = z
  .object({ code: codeSchema, name: lineText(200, 2), description: multilineText(2000, 2), levels: levelsSchema })
  .strict()
  .openapi('NewTechnicalCompetency');

export const competencyChangesSchema = z
  .object({ name: lineText(200, 2), description: multilineText(2000, 2), levels: levelsSchema })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change')
  .openapi('CompetencyChanges');

export const nationalCompetencySchema = z
  .object({
    name: lineText(200, 2),
    type: z.enum(['manajerial', 'sosial_kultural']),
    description: multilineText(2000, 2),
    levels: levelsSchema,
  })
  .strict()
  .openapi('NationalCompetency');

export const competencyQuery = pageQuery.extend({
  type: z.enum(competencyTypes).optional(),
  scope: z.enum(['national', 'tenant']).optional(),
  status: retireFilter,
});
export const nationalCompetencyQuery = pageQuery.extend({ status: retireFilter });

export const competencyParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });
export const nationalCodeParams = z.object({ code: codeSchema.openapi({ param: { name: 'code', in: 'path' } }) });

export type Competency = z.infer<typeof competencySchema>;
export type NewCompetency = z.infer<typeof newCompetencySchema>;
export type CompetencyChanges = z.infer<typeof competencyChangesSchema>;
export type NationalCompetency = z.infer<typeof nationalCompetencySchema>;
