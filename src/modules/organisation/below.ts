/**
 * A unit and every unit under it (dinas → bidang → seksi), as an SQL subquery of ids: what
 * "this unit" means in a report filter, since an OPD's figures include its bidang.
 */
import { sql, type SQL } from 'drizzle-orm';
import { units } from '../../db/schema';

export const unitAndBelow = (t: string, unit: string): SQL => sql`(
  with recursive below(id) as (
    select ${unit}
    union all
    select u.id from ${units} u join below on u.tenant_id = ${t} and u.parent_id = below.id
  )
  select id from below)`;
