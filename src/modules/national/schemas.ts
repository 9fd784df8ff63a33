/** Request and response shapes of the national summaries: aggregates only, every figure with its base. */
import { z } from '@hono/zod-openapi';
import { orNull } from '../../platform/http/openapi';
import { slugSchema, tenantParams } from '../../platform/http/params';
import { minimumPeople } from './providers';

const year = z.coerce.number().int().min(2000).max(2100).optional().openapi({ description: 'Default: the current year in WIB' });
export const summaryQuery = z.object({ year });

export const refreshQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .openapi({ description: "Default: each tenant's current year in its own time zone" }),
  tenant: slugSchema.optional().openapi({ description: 'Only this tenant (by slug), computed whether due or not' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(100)
    .openapi({ description: 'At most this many tenants in this call; repeat while `remaining` > 0' }),
});

export const nationalTenantParams = tenantParams;

const figureSchema = z
  .object({
    value: z.number().nullable().openapi({ description: 'The figure as published (with cell-key noise); null when suppressed' }),
    people: z.number().int().nullable().openapi({
      description:
        "People the figure is computed from, with its own cell-key noise (near the threshold it may read below it); a share's base, the scope's active employees, exactly; null when suppressed",
    }),
    perturbed: z.boolean().optional().openapi({
      description: 'Present (true) on every published figure: its numbers carry cell-key noise, see the national summaries docs',
    }),
    suppressed: z
      .string()
      .optional()
      .openapi({ description: `Why value and people are null: fewer than ${minimumPeople} people` }),
  })
  .openapi('SummaryFigure');

const figuresSchema = z.record(z.string(), figureSchema).openapi('SummaryFigures');

const legendSchema = z.array(z.object({ name: z.string(), kind: z.enum(['total', 'mean', 'share']), description: z.string() }));

const tenantLabel = z.object({ slug: z.string(), name: z.string(), kind: z.string(), regionCode: z.string() });
const status = z.enum(['computed', 'not_computed']);

export const nationalSummarySchema = z
  .object({
    year: z.number().int(),
    minimumPeople: z.number().int(),
    freshness: z.object({
      oldestComputedAt: z.string().nullable().openapi({ description: 'The oldest figure in this answer is as of this instant' }),
      newestComputedAt: z.string().nullable(),
      tenantsComputed: z.number().int(),
      tenantsNotComputed: z.number().int(),
    }),
    figures: legendSchema,
    total: z.object({ tenants: z.number().int(), employees: z.number().int(), figures: figuresSchema }),
    tenants: z.array(
      tenantLabel.extend({
        status,
        computedAt: z.string().nullable(),
        employees: z.number().int().nullable(),
        figures: orNull(figuresSchema).openapi({
          description: 'null while the tenant is not computed (`status: not_computed`): no figures, never zeros',
        }),
      }),
    ),
  })
  .openapi('NationalSummary');

export const tenantSummarySchema = z
  .object({
    year: z.number().int(),
    minimumPeople: z.number().int(),
    tenant: tenantLabel,
    figures: legendSchema,
    status,
    computedAt: z.string().nullable(),
    total: z.object({ employees: z.number().int(), figures: figuresSchema }).nullable(),
    units: z.array(
      z.object({
        unitId: z.string(),
        code: z.string().nullable(),
        name: z.string().nullable(),
        employees: z.number().int(),
        figures: figuresSchema,
      }),
    ),
  })
  .openapi('TenantSummaryByUnit');
