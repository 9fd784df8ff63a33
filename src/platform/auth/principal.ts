/**
 * Who is calling, as proven by a verified token. Built only by `authenticate()`; never from a
 * header, body or path.
 */
import { z } from '@hono/zod-openapi';
import type { TenantEntry } from '../tenancy/directory';

export const roles = ['national_admin', 'tenant_admin', 'employee'] as const;
export type Role = (typeof roles)[number];

/**
 * What an integration token may do; no `scope` claim means everything the roles allow.
 * `two-factor-setup` alone is the token of an admin who must set up a second factor first: it
 * reaches only the routes that do that. `two-factor` alone is the token of a single sign-on that
 * still owes the account's second factor: it reaches only the route that takes it.
 */
const scopes = ['read', 'write', 'two-factor-setup', 'two-factor'] as const;
export type Scope = (typeof scopes)[number];

export const claimsSchema = z
  .object({
    sub: z.string().min(1).max(200),
    tenant: z.string().min(1).max(60).optional(),
    roles: z.array(z.enum(roles)).min(1).max(3),
    employee_id: z.string().min(1).max(60).optional(),
    scope: z.string().max(200).optional(),
    /** The sign-in session (refresh token family) of a Bangkom-issued token. */
    sid: z.string().min(1).max(60).optional(),
  })
  .superRefine((claims, ctx) => {
    const national = claims.roles.includes('national_admin');
    if (national && claims.roles.length > 1) ctx.addIssue({ code: 'custom', message: 'national_admin stands alone' });
    if (!national && !claims.tenant) ctx.addIssue({ code: 'custom', message: 'tenant claim required' });
    if (national && claims.tenant) ctx.addIssue({ code: 'custom', message: 'national_admin carries no tenant' });
    if (claims.roles.includes('employee') && !claims.employee_id) {
      ctx.addIssue({ code: 'custom', message: 'employee_id required with the employee role' });
    }
    for (const s of (claims.scope ?? 'read write').split(' ')) {
      if (!(scopes as readonly string[]).includes(s)) ctx.addIssue({ code: 'custom', message: `unknown scope ${s}` });
    }
  });

export interface Principal {
  subject: string;
  roles: readonly Role[];
  /** The caller's tenant; absent for the national admin. */
  tenant?: TenantEntry;
  employeeId?: string;
  scopes: readonly Scope[];
  /** Set only for tokens Bangkom issued at sign-in: the session family; `subject` is then the account id. */
  session?: string;
}

export const hasRole = (p: Principal, ...wanted: Role[]) => wanted.some((r) => p.roles.includes(r));
