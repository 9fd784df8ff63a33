/**
 * Path parameters and codes every module shares. The tenant slug in `/tenants/{tenant}/…` is only an
 * address: the context middleware checks it against the verified token.
 */
import { z } from '@hono/zod-openapi';

export const slugSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'lowercase letters, digits and "-", 2–40 characters, starting with a letter')
  .openapi({ example: 'kalianda' });

/** A code a region gives a unit, position or competency (stable, used in files and manifests). */
export const codeSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, 'uppercase letters, digits, ".", "_" or "-", at most 40 characters')
  .openapi({ example: 'DINKES' });

export const tenantParams = z.object({ tenant: slugSchema.openapi({ param: { name: 'tenant', in: 'path' } }) });
