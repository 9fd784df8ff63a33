/**
 * A unit and every unit under it (dinas → bidang → seksi), as an SQL subquery of ids: what
 * "this unit" means in a report filter, since an OPD's figures include its bidang. It is raw SQL
 * (a recursive CTE, which the builders cannot say) for use inside an `unscoped()` query or a
 * builder's condition; it scopes itself to the caller's tenant.
 */
import { type SQL, sql } from 'drizzle-orm';
import { units } from '../../db/schema';
import type { TenantContext } from '../../platform/context';

export const unitAndBelow = (ctx: Pick<TenantContext, 'db'>, unit: string): SQL => sql`(
  with recursive below(id) as (
    select ${unit}
    union all
    select u.id from ${units} u join below on ${ctx.db.scope('u')} and u.parent_id = below.id
  )
  select id from below)`;
