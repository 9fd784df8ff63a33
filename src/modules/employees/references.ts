/**
 * What an employee points at — unit, position, supervisor — checked in one statement, so a write
 * can say which reference is wrong (the foreign keys alone only say "one of them") and whether a
 * new supervisor would close a loop (A supervises B supervises A). Against a race between this
 * check and the write, the foreign keys guard the references and the write repeats
 * `loopCondition` itself.
 */
import { type SQL, sql } from 'drizzle-orm';
import { employees, positions, units } from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import { DomainError, type FieldError } from '../../platform/errors';

export interface References {
  unitId?: string | undefined;
  positionId?: string | undefined;
  supervisorId?: string | null | undefined;
}

export interface ReferenceFlags {
  unit: number | null;
  position: number | null;
  supervisor: number | null;
  loop: number | null;
}

/** One row of flags (null where nothing was asked); `loop` as in `loopCondition`. */
export function referenceQuery(ctx: TenantContext, refs: References, self?: string) {
  const exists = (table: SQL, id: string | null | undefined) =>
    id ? sql`exists(select 1 from ${table} r where ${ctx.db.scope('r')} and r.id = ${id})` : sql`null`;
  const candidate = refs.supervisorId;
  const loop = candidate && self ? loopCondition(ctx, candidate, self) : sql`null`;
  // A select builder rather than `orm.all(sql)`: drizzle cannot batch a raw statement with parameters.
  return ctx.db
    .unscoped('one row of flags about three tables, selected from no table; each exists() scopes itself')
    .select({
      unit: sql<number | null>`${exists(sql`${units}`, refs.unitId)}`.as('unit'),
      position: sql<number | null>`${exists(sql`${positions}`, refs.positionId)}`.as('position'),
      supervisor: sql<number | null>`${exists(sql`${employees}`, candidate)}`.as('supervisor'),
      loop: sql<number | null>`${loop}`.as('loop'),
    })
    .from(sql`(select 1)`);
}

/**
 * True when `self` is `candidate` or one of `candidate`'s supervisors, walking up the chain with a
 * recursive CTE; `union` (not `union all`) ends the walk even if stored data already held a loop.
 */
export function loopCondition(ctx: TenantContext, candidate: string, self: string): SQL {
  return sql`exists(
    with recursive chain(id, supervisor_id) as (
      select s.id, s.supervisor_id from ${employees} s where ${ctx.db.scope('s')} and s.id = ${candidate}
      union
      select e.id, e.supervisor_id from ${employees} e join chain on ${ctx.db.scope('e')} and e.id = chain.supervisor_id
    )
    select 1 from chain where id = ${self})`;
}

/** 422 naming every reference that does not hold. */
export function assertReferences(flags: ReferenceFlags | undefined, refs: References, self?: string): void {
  const errors: FieldError[] = [];
  if (refs.unitId && !flags?.unit) errors.push({ path: 'body.unitId', message: 'no such unit in this tenant' });
  if (refs.positionId && !flags?.position) errors.push({ path: 'body.positionId', message: 'no such position in this tenant' });
  if (refs.supervisorId) {
    if (refs.supervisorId === self) errors.push({ path: 'body.supervisorId', message: 'an employee cannot supervise themselves' });
    else if (!flags?.supervisor) errors.push({ path: 'body.supervisorId', message: 'no such employee in this tenant' });
    else if (flags.loop)
      errors.push({
        path: 'body.supervisorId',
        message: 'would make a loop: the proposed supervisor reports to this employee, directly or further down',
      });
  }
  if (errors.length > 0) {
    throw new DomainError('unprocessable', `${errors.map((e) => `${e.path.slice(5)}: ${e.message}`).join('; ')}.`, errors);
  }
}
