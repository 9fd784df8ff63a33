/**
 * "The admin, or the person themself": an employee reading another person's record learns nothing,
 * not even whether the id exists — the answer is the same 404 as for an id of another tenant.
 */
import type { TenantContext } from '../context';
import { notFound } from '../errors';
import { hasRole } from './principal';

/** True when the caller is the tenant's admin or the employee `employeeId` themself. */
export const isSelfOrAdmin = (ctx: TenantContext, employeeId: string): boolean =>
  hasRole(ctx.actor, 'tenant_admin') || ctx.actor.employeeId === employeeId;

/** 404 (as `entity`) unless the caller is the admin or the employee `employeeId`. */
export function assertSelfOrAdmin(ctx: TenantContext, employeeId: string, entity = 'employee'): void {
  if (!isSelfOrAdmin(ctx, employeeId)) throw notFound(entity);
}
