/**
 * The summary figures from competencies and JP (activity-figures.ts has those from development
 * activities): share of employees assessed, mean gap by
 * competency type and share reaching the JP target. Each is a provider (see providers.ts): one
 * statement over the tenant's active employees (the mean gaps over all its employees, with the
 * needs report's per-employee running totals, src/db/schema/needs.ts), grouped by unit, that
 * returns counts and sums only.
 */
import { sql } from 'drizzle-orm';
import { competencyTypes, employees, jpEntries, needsPeople } from '../../db/schema';
import { jpTargetCenti } from '../jp';
import type { SummaryProvider } from './providers';
import { cellKey, contributionKey, meanColumns, overEmployees } from './record-keys';

/**
 * An employee counts as assessed when every competency of their position's standard has a current
 * level; with no standard there is nothing to assess against, so they do not count.
 */
export const shareAssessed: SummaryProvider = {
  name: 'shareAssessed',
  kind: 'share',
  base: 'employees',
  description: "Share of active employees with a current level for every competency of their position's standard",
  // The running totals of the needs report hold each employee's pairs and assessed pairs.
  measure: ({ db }) => {
    const assessed = sql`coalesce(p.pairs > 0 and p.assessed = p.pairs, 0)`;
    return sql`
    select e.unit_id as unit_id, count(*) as count, count(*) as people, sum(${assessed}) as sum,
           ${cellKey(contributionKey('e.id', assessed))} as value_key, 0 as people_key
    from ${employees} e
    left join ${needsPeople} p on ${db.scope('p')} and p.employee_id = e.id
    where ${db.scope('e')} and e.status = 'active'
    group by e.unit_id`;
  },
};

const typeName = (type: string) => type.replace(/(^|_)(\w)/g, (_, __, c: string) => c.toUpperCase());

/** Mean of max(0, required − current) over assessed pairs of one type; unassessed pairs never count as 0. */
const meanGap = (type: (typeof competencyTypes)[number]): SummaryProvider => ({
  name: `meanGap${typeName(type)}`,
  kind: 'mean',
  // A gap is max(0, required − current) with levels 1–5.
  range: [0, 4],
  description: `Mean gap over assessed (employee × ${type.replace('_', ' ')} competency of their standard) pairs`,
  measure: ({ db }) => {
    const column = (name: string) => sql.raw(`p.${name}_${type}`);
    // Each employee's gap sum is an integer: it is its own code.
    return overEmployees(
      db,
      sql`select p.employee_id as employee_id, ${column('gap_sum')} as total, ${column('gap_sum')} as code, ${column('assessed')} as n
          from ${needsPeople} p
          where ${db.scope('p')} and ${column('assessed')} > 0`,
      meanColumns,
    );
  },
});

export const meanGapProviders = competencyTypes.map(meanGap);

/** Against the tenant's own target for the employee's employment type; an employee with no credit in the year has 0 JP. */
export const shareReachingJpTarget: SummaryProvider = {
  name: 'shareReachingJpTarget',
  kind: 'share',
  base: 'employees',
  description: "Share of active employees whose JP of the year reach their tenant's target for their employment type (PNS, PPPK)",
  measure: ({ tenant, db, year }) => {
    const reached = sql`(coalesce(j.total, 0) >= ${jpTargetCenti(db, tenant, sql`e.employment_type`)})`;
    return sql`
    select e.unit_id as unit_id, sum(${reached}) as sum, count(*) as count, count(*) as people,
           ${cellKey(contributionKey('e.id', reached))} as value_key, 0 as people_key
    from ${employees} e
    left join (
      select x.employee_id as employee_id, sum(x.jp_centi) as total from ${jpEntries} x
      where ${db.scope('x')} and x.year = ${year} group by x.employee_id
    ) j on j.employee_id = e.id
    where ${db.scope('e')} and e.status = 'active'
    group by e.unit_id`;
  },
};
