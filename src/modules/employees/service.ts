/**
 * The ASN registry, one employee at a time: create, read, change, deactivate, list. Employees are
 * never deleted (deactivation keeps their history). An employee-role caller sees only their own
 * record and gets 404 for anyone else's, as if it did not exist. The NIP's uniqueness within the
 * tenant is decided by the database's unique index, not by a check that a parallel request could
 * slip past.
 */
import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { employees } from '../../db/schema';
import { auditEntry } from '../../platform/audit/audit';
import { assertSelfOrAdmin } from '../../platform/auth/access';
import type { Call, TenantContext } from '../../platform/context';
import { markChanged } from '../../platform/data-versions';
import { withConstraints } from '../../platform/db/constraints';
import { DomainError, notFound } from '../../platform/errors';
import { staleWrite } from '../../platform/http/etag';
import { after, page } from '../../platform/http/pagination';
import { newId, nowIso } from '../../platform/ids';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { applyVersioned, atVersion, bumpVersion } from '../../platform/versioned';
import { revokeEmployeeSessions } from '../accounts';
import { unitAndBelow } from '../organisation';
import { checkIdentity, type Identity } from './identity';
import { assertReferences, loopCondition, referenceQuery } from './references';
import type { EmployeeChanges, EmployeeFilters, EmployeeSort, NewEmployee } from './schemas';

export type EmployeeRow = typeof employees.$inferSelect;

const publicEmployee = ({ tenantId: _t, ...employee }: EmployeeRow) => employee;

const nipTaken = (nip: string) => () =>
  new DomainError('conflict', `Another employee of this tenant already has NIP ${nip}.`, [{ path: 'body.nip', message: 'taken' }]);
const referenceGone = () => new DomainError('unprocessable', 'The unit, position or supervisor was removed meanwhile; read them again.');

function identityOf(input: Pick<EmployeeRow, 'nip' | 'grade' | 'employmentType'>): Identity {
  const check = checkIdentity(input);
  if (check.ok) return check.identity;
  const errors = check.problems.map((p) => ({ path: `body.${p.field}`, message: p.message }));
  throw new DomainError('validation_failed', `${errors.map((e) => e.message).join('; ')}.`, errors);
}

/** The list's filters as SQL; also used by the CSV export so both answer the same rows. */
export function filterConditions(ctx: Pick<TenantContext, 'db'>, q: EmployeeFilters): (SQL | undefined)[] {
  const text = q.q;
  let search: SQL | undefined;
  if (text && /^\d+$/.test(text)) {
    // A NIP prefix as a range, so the (tenant_id, nip) index serves it; ':' sorts right after '9'.
    search = sql`${gte(employees.nip, text)} and ${lt(employees.nip, `${text}:`)}`;
  } else if (text) {
    // Part of the name, ignoring case for ASCII letters (what Indonesian names are written in). Not
    // LIKE: D1 refuses a LIKE pattern over 50 bytes, and a search text has no wildcards to escape.
    search = sql`instr(lower(${employees.name}), lower(${text})) > 0`;
  }
  return [
    q.unit ? (q.subUnits ? sql`${employees.unitId} in ${unitAndBelow(ctx, q.unit)}` : eq(employees.unitId, q.unit)) : undefined,
    q.position ? eq(employees.positionId, q.position) : undefined,
    q.status ? eq(employees.status, q.status) : undefined,
    q.employmentType ? eq(employees.employmentType, q.employmentType) : undefined,
    search,
  ];
}

/** The list's orders: a sort column, then the id, so that every key is unique and paging is stable. */
const sortColumns = { name: employees.name, nip: employees.nip } as const;

export async function listEmployees({
  ctx,
  input: q,
}: Call<TenantContext, EmployeeFilters & { sort: EmployeeSort; limit: number; cursor?: [string, string] }>) {
  const descending = q.sort.startsWith('-');
  const field = (descending ? q.sort.slice(1) : q.sort) as keyof typeof sortColumns;
  const column = sortColumns[field];
  const order = descending ? desc : asc;
  const rows = await ctx.db
    .select()
    .from(employees)
    .where(and(...filterConditions(ctx, q), after([column, employees.id], q.cursor, descending ? 'desc' : 'asc')))
    .orderBy(order(column), order(employees.id))
    .limit(q.limit + 1);
  return page(rows.map(publicEmployee), q.limit, (e) => [e[field], e.id]);
}

export async function getEmployee({ ctx, input: id }: Call<TenantContext, string>) {
  // An employee asking for someone else learns nothing, not even whether the id exists.
  assertSelfOrAdmin(ctx, id);
  const [row] = await ctx.db.select().from(employees).where(eq(employees.id, id)).limit(1);
  if (!row) throw notFound('employee');
  return publicEmployee(row);
}

export async function createEmployee({ ctx, input }: Call<TenantContext, NewEmployee>) {
  const identity = identityOf(input);
  const [flags] = await referenceQuery(ctx, input);
  assertReferences(flags, input);
  const now = nowIso();
  const row: Omit<EmployeeRow, 'tenantId'> = {
    id: newId('emp'),
    name: input.name,
    unitId: input.unitId,
    positionId: input.positionId,
    supervisorId: input.supervisorId,
    email: input.email,
    siasnId: input.siasnId,
    ...identity,
    status: 'active',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await withConstraints(
    () =>
      ctx.db.batch([
        ctx.db.insert(employees).values(row),
        auditEntry(ctx, 'employee.create', 'employee', row.id),
        markChanged(ctx, 'needs'),
      ]),
    { unique: nipTaken(identity.nip), foreignKey: referenceGone },
  );
  return row;
}

const comparable = [
  'nip',
  'name',
  'unitId',
  'positionId',
  'grade',
  'employmentType',
  'supervisorId',
  'gender',
  'birthDate',
  'email',
  'siasnId',
  'status',
] as const;

/**
 * Applies `changes` at `expectedVersion`. The current row and the reference checks come back in
 * one round trip; a change that changes nothing writes nothing and keeps the version.
 */
export interface EmployeeUpdate {
  id: string;
  expectedVersion: number;
  changes: EmployeeChanges;
  /** The audit action: a deactivation is an update recorded as such. */
  action?: string;
  /** Further statements for the write's batch, applied only if the write happens (after its audit row). */
  also?: Statement[];
}

export async function updateEmployee({ ctx, input }: Call<TenantContext, EmployeeUpdate>) {
  const { id, expectedVersion, changes, action = 'employee.update', also = [] } = input;
  const refs = { unitId: changes.unitId, positionId: changes.positionId, supervisorId: changes.supervisorId };
  const [currentRows, flagRows] = await ctx.db.batch([
    ctx.db.select().from(employees).where(eq(employees.id, id)).limit(1),
    referenceQuery(ctx, refs, id),
  ]);
  const [current] = currentRows;
  if (!current) throw notFound('employee');
  if (current.version !== expectedVersion) throw staleWrite();
  assertReferences(flagRows[0], refs, id);

  const merged = { ...current, ...changes };
  const next: EmployeeRow = { ...merged, ...identityOf(merged) };
  const changed = comparable.filter((field) => next[field] !== current[field]);
  if (changed.length === 0) return publicEmployee(current);

  const set = Object.fromEntries(changed.map((field) => [field, next[field]]));
  const w = { table: employees, entity: 'employee', id, expectedVersion };
  // The loop check above and this write are two round trips apart; repeating it inside the write
  // (one statement, and D1 runs one at a time) stops two parallel edits from closing a loop. The
  // loser sees 412 and, reading again, the 422 that explains it.
  const guard = changed.includes('supervisorId') && next.supervisorId ? sql`not ${loopCondition(ctx, next.supervisorId, id)}` : undefined;
  const row = await withConstraints(
    () =>
      applyVersioned<EmployeeRow>(
        ctx,
        w,
        ctx.db
          .update(employees)
          .set({ ...set, ...bumpVersion(employees) })
          .where(and(atVersion(w), guard))
          .returning(),
        action,
        [markChanged(ctx, 'needs'), ...also],
      ),
    { unique: nipTaken(next.nip), foreignKey: referenceGone },
  );
  return publicEmployee(row);
}

/** Deactivation also ends every session of the employee's account, in the same batch. */
export const deactivateEmployee = ({ ctx, input }: Call<TenantContext, { id: string; expectedVersion: number }>) =>
  updateEmployee({
    ctx,
    input: { ...input, changes: { status: 'inactive' }, action: 'employee.deactivate', also: [revokeEmployeeSessions(ctx, input.id)] },
  });
