/** What the employee registry asks of accounts: a deactivated employee's sessions end with the deactivation. */
import { and, eq, sql } from 'drizzle-orm';
import { accounts, employees, sessions } from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { revokeWhere } from './sessions';

/**
 * For the deactivation's own batch, after its write: every live session of the employee's account
 * is revoked — if the employee is inactive at that point, so a deactivation that did not happen
 * (a stale version) ends nothing.
 */
export const revokeEmployeeSessions = (ctx: TenantContext, employeeId: string): Statement =>
  revokeWhere(
    ctx,
    and(
      sql`${sessions.accountId} in (select ${accounts.id} from ${accounts} where ${ctx.db.owned(accounts, eq(accounts.employeeId, employeeId))})`,
      sql`exists (select 1 from ${employees} where ${ctx.db.owned(employees, eq(employees.id, employeeId), eq(employees.status, 'inactive'))})`,
    ) ?? sql`0`,
    new Date(),
  );
