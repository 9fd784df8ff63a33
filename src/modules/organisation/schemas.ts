import { z } from '@hono/zod-openapi';
import { positionCategories, unitKinds } from '../../db/schema/organisation';
import { pageQuery } from '../../platform/http/pagination';
import { codeSchema, tenantParams } from '../../platform/http/params';
import { lineText } from '../../platform/http/text';

const name = lineText(200, 2);
const id = z.string().min(1).max(60);

export const unitSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(unitKinds),
    parentId: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Unit');

export const newUnitSchema = z
  .object({ code: codeSchema, name, kind: z.enum(unitKinds), parentId: id.nullable().default(null) })
  .strict()
  .openapi('NewUnit');

export const unitChangesSchema = z
  .object({ code: codeSchema, name, kind: z.enum(unitKinds), parentId: id.nullable() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change')
  .openapi('UnitChanges');

export const unitQuery = pageQuery.extend({
  parent: id.optional().openapi({ description: 'only the direct sub-units of this unit' }),
  kind: z.enum(unitKinds).optional(),
});

export const positionSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    category: z.enum(positionCategories),
    unitId: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Position');

export const newPositionSchema = z
  .object({ code: codeSchema, name, category: z.enum(positionCategories), unitId: id.nullable().default(null) })
  .strict()
  .openapi('NewPosition');

export const positionChangesSchema = z
  .object({ code: codeSchema, name, category: z.enum(positionCategories), unitId: id.nullable() })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'send at least one field to change')
  .openapi('PositionChanges');

export const positionQuery = pageQuery.extend({
  unit: id.optional().openapi({ description: 'only positions of this unit' }),
  category: z.enum(positionCategories).optional(),
});

export const itemParams = tenantParams.extend({ id: id.openapi({ param: { name: 'id', in: 'path' } }) });

export type NewUnit = z.infer<typeof newUnitSchema>;
export type UnitChanges = z.infer<typeof unitChangesSchema>;
export type NewPosition = z.infer<typeof newPositionSchema>;
export type PositionChanges = z.infer<typeof positionChangesSchema>;
