import { z } from '@hono/zod-openapi';
import { tenantKinds, timeZones } from './manifest';

export const tenantSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(tenantKinds),
    regionCode: z.string(),
    timeZone: z.enum(timeZones),
    jpTarget: z.number().int(),
    database: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Tenant');

const tally = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });

export const onboardingSchema = z
  .object({
    tenant: tenantSchema,
    changed: z.boolean().openapi({ description: 'false when the manifest was already applied as it is' }),
    units: tally,
    positions: tally,
    competencies: tally.openapi({ description: "the tenant's technical competencies" }),
    standards: tally.openapi({ description: 'position standards (one per position listing `standards`)' }),
  })
  .openapi('Onboarding');

type TenantRow = z.infer<typeof tenantSchema> & { manifestHash?: string };

/** The directory entry as callers see it (the manifest hash stays inside). */
export const publicTenant = ({ manifestHash: _hash, ...tenant }: TenantRow): z.infer<typeof tenantSchema> => tenant;

export const onboardingPreviewSchema = z
  .object({
    slug: z.string(),
    exists: z
      .boolean()
      .openapi({ description: 'true when the tenant is in the directory already (applying updates it), false when applying creates it' }),
    changed: z.boolean().openapi({ description: 'false when the manifest is already applied as it is: applying would change nothing' }),
    directoryChanges: z
      .array(z.enum(['name', 'kind', 'regionCode', 'timeZone', 'jpTarget']))
      .openapi({ description: "The directory entry's fields applying would change (none for a new tenant)" }),
    units: tally,
    positions: tally,
    competencies: tally.openapi({ description: "the tenant's technical competencies" }),
    standards: tally.openapi({ description: 'position standards (one per position listing `standards`)' }),
  })
  .openapi('OnboardingPreview');
