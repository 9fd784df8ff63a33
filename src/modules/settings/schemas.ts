/** Request and response shapes of the tenant settings: the self-assessment rule and the JP targets per employment type. */
import { z } from '@hono/zod-openapi';
import { selfAssessmentRules } from '../../db/schema/settings';

const selfAssessments = z.enum(selfAssessmentRules).openapi({
  description:
    'until_other_source (default): a self-assessment is the current level only while no other source has assessed that competency. by_date: the latest assessment counts whoever made it; a self-assessment loses only a same-date tie.',
});

const target = z.number().int().min(1).max(200);

export const settingsInput = z
  .object({
    selfAssessments,
    jpTargets: z
      .object({
        pns: target.openapi({ description: 'Yearly JP target of a PNS (PP 11/2017: at least 20)', example: 20 }),
        pppk: target.openapi({ description: 'Yearly JP target of a PPPK (PP 49/2018: at most 24 a contract year)', example: 20 }),
      })
      .strict(),
  })
  .strict()
  .openapi('TenantSettingsInput');
export type SettingsInput = z.infer<typeof settingsInput>;

export const settingsSchema = z
  .object({
    selfAssessments,
    jpTargets: z.object({ pns: z.number().int(), pppk: z.number().int() }),
    version: z.number().int().openapi({ description: '0 while the defaults apply' }),
    updatedAt: z.string().nullable(),
  })
  .openapi('TenantSettings');
