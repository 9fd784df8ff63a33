/**
 * The shape of GET /me. It names the caller's unit, position and supervisor (ids and names) but
 * never anyone else's personal data: no supervisor NIP, no colleagues.
 */
import { z } from '@hono/zod-openapi';
import { employeeStatuses, employmentTypes, genders } from '../../db/schema/employees';
import { positionCategories } from '../../db/schema/organisation';
import { roles } from '../../platform/auth/principal';
import { orNull } from '../../platform/http/openapi';

const ref = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const profileSchema = z
  .object({
    id: z.string(),
    nip: z.string(),
    name: z.string(),
    grade: z.string(),
    employmentType: z.enum(employmentTypes),
    status: z.enum(employeeStatuses),
    email: z.string().nullable(),
    gender: z.enum(genders).nullable(),
    birthDate: z.string().nullable(),
    unit: ref,
    position: ref.extend({ category: z.enum(positionCategories) }),
    supervisor: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .openapi('Profile');

export const meSchema = z
  .object({
    subject: z.string(),
    roles: z.array(z.enum(roles)),
    tenant: z
      .object({ id: z.string(), slug: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'null for the national admin' }),
    employee: orNull(profileSchema).openapi({ description: 'null when the token carries no employee_id' }),
  })
  .openapi('Me');

export type Profile = z.infer<typeof profileSchema>;
