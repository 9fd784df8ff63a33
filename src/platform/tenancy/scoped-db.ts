/**
 * The tenant-scoped database handle, the only way a service reaches tenant data. It is built by
 * the context middleware from the verified token and the directory and points at the tenant's own
 * D1 binding. Its builders put the tenant in themselves, so a forgotten filter cannot happen:
 *
 *   ctx.db.select(fields).from(table).where(cond)   → … where tenant_id = <tenant> and cond
 *   ctx.db.visible(fields).from(table)               → … where tenant_id in ('', <tenant>) (national rows too, for reading)
 *   ctx.db.insert(table).values(rows)                → rows stamped with tenant_id
 *   ctx.db.insertRows(table, rows)                   → one statement however many rows (JSON, 1 bound parameter)
 *   ctx.db.update(table).set(v).where(cond)          → … where tenant_id = <tenant> and cond
 *   ctx.db.delete(table).where(cond)                 → … where tenant_id = <tenant> and cond
 *
 * A later `.where()` is and-ed with the tenant condition, never put in its place. Raw SQL goes
 * through `unscoped(reason)`, the one escape hatch, with `scope(alias)` for its tenant predicate;
 * each use says why in its reason. The composite keys `(tenant_id, id)` in the schema are the
 * second guard: a row can never point into another tenant.
 */
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import { type DrizzleD1Database, drizzle } from 'drizzle-orm/d1';
import { SQLiteAsyncDialect, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { nationalTenant } from '../../db/schema/competencies';
import { guardFailure, guardStatement } from '../db/guard';
import { insertWhen, jsonRows } from '../db/json-rows';
import type { ProblemCode } from '../errors';

export type TenantTable = SQLiteTable & { tenantId: SQLiteColumn };
export type Orm = DrizzleD1Database;
export type Statement = BatchItem<'sqlite'>;
/** A row to insert, without its tenant: the handle stamps it. */
export type Unstamped<T extends TenantTable> = Omit<T['$inferInsert'], 'tenantId'>;

type Condition = SQL | undefined;
type WhereArg = Condition | ((fields: never) => Condition);
interface Filterable {
  where(condition: WhereArg): unknown;
}

const tenantColumn = (table: unknown): SQLiteColumn => {
  const column = (table as { tenantId?: unknown }).tenantId;
  if (!column || typeof column !== 'object') throw new Error('The scoped handle serves tenant tables only; use unscoped() with a reason.');
  return column as SQLiteColumn;
};

/** Makes `builder.where(x)` mean `where scope and x`, and applies the scope now for a builder that never calls it. */
function scopeWhere<B extends Filterable>(builder: B, scope: SQL): B {
  const where = builder.where.bind(builder);
  builder.where = (condition: WhereArg) =>
    where(typeof condition === 'function' ? (fields: never) => and(scope, condition(fields)) : and(scope, condition));
  where(scope);
  return builder;
}

/** Turns raw SQL into text and parameters, as drizzle does for its own statements. */
const dialect = new SQLiteAsyncDialect();

export class TenantDb {
  readonly #orm: Orm;
  readonly #d1: D1Database;

  constructor(
    readonly tenantId: string,
    d1: D1Database,
  ) {
    this.#orm = drizzle(d1);
    this.#d1 = d1;
  }

  /** `tenant_id = <tenant>` for `table`, and-ed with any further conditions (join and exists conditions). */
  owned(table: TenantTable, ...conditions: Condition[]): SQL {
    return and(eq(table.tenantId, this.tenantId), ...conditions) as SQL;
  }

  /** `<alias>.tenant_id = <tenant>` for raw SQL run through `unscoped()`. */
  scope(alias: string): SQL {
    if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`not an SQL alias: ${alias}`);
    return sql`${sql.raw(alias)}.tenant_id = ${this.tenantId}`;
  }

  /** select … from a tenant table, limited to this tenant's rows. */
  select: Orm['select'] = ((fields?: Record<string, unknown>) =>
    this.#scopedSelect(fields, (column) => eq(column, this.tenantId))) as Orm['select'];

  /** select … from a table that also holds national rows (`tenant_id = ''`): the tenant's and the national ones. */
  visible: Orm['select'] = ((fields?: Record<string, unknown>) =>
    this.#scopedSelect(fields, (column) => inArray(column, [nationalTenant, this.tenantId]))) as Orm['select'];

  #scopedSelect(fields: Record<string, unknown> | undefined, scopeOf: (column: SQLiteColumn) => SQL) {
    const builder = fields ? this.#orm.select(fields as never) : this.#orm.select();
    const from = builder.from.bind(builder);
    builder.from = ((table: SQLiteTable) => scopeWhere(from(table), scopeOf(tenantColumn(table)))) as typeof builder.from;
    return builder;
  }

  insert<T extends TenantTable>(table: T) {
    const builder = this.#orm.insert(table);
    return {
      values: (rows: Unstamped<T> | Unstamped<T>[]) => builder.values(this.#stamp(rows) as never),
    };
  }

  /** Many rows in one statement, as one JSON parameter (D1 binds at most 100 per statement). */
  insertRows<T extends TenantTable>(table: T, rows: Unstamped<T>[]) {
    return this.#orm.insert(table).select(jsonRows(table, this.#stamp(rows) as T['$inferInsert'][]));
  }

  /** One row written only when `condition` holds at that point of its batch (e.g. `changes() > 0`). */
  insertIf<T extends TenantTable>(table: T, row: Unstamped<T>, condition: SQL) {
    return insertWhen(this.#orm, table, this.#stamp(row) as T['$inferInsert'], condition);
  }

  update<T extends TenantTable>(table: T) {
    const builder = this.#orm.update(table);
    const set = builder.set.bind(builder);
    builder.set = ((values: never) => scopeWhere(set(values), eq(table.tenantId, this.tenantId))) as typeof builder.set;
    return builder;
  }

  delete<T extends TenantTable>(table: T) {
    return scopeWhere(this.#orm.delete(table), eq(table.tenantId, this.tenantId));
  }

  /** A statement that aborts its batch with `code` unless `condition` holds (platform/db/guard.ts). */
  guard(condition: SQL, code: ProblemCode, detail: string): Statement {
    return guardStatement(this.#orm, condition, code, detail);
  }

  /** Statements that belong together, atomically (D1 has no interactive transactions), with each one's results. */
  async batch<U extends Statement, T extends Readonly<[U, ...U[]]>>(statements: T): Promise<BatchResponse<T>> {
    try {
      return await this.#orm.batch(statements);
    } catch (err) {
      throw guardFailure(err) ?? err;
    }
  }

  /** A list of statements of any length (none is fine), atomically. */
  async write(statements: readonly Statement[]): Promise<void> {
    const [first, ...rest] = statements;
    if (first) await this.batch([first, ...rest]);
  }

  /**
   * The raw database, for what the builders cannot say (window functions, recursive CTEs,
   * `insert … select` across tables). `reason` is for the reader: every call site states why, and
   * its SQL scopes itself with `scope(alias)`.
   */
  unscoped(reason: string): Orm {
    if (reason.length === 0) throw new Error('unscoped() needs a reason');
    return this.#orm;
  }

  /**
   * Raw reads sent together, one D1 round trip for all of them (one batch), each answering its rows.
   * drizzle's own batch cannot carry a raw `all()` with parameters (its raw query has no prepared
   * statement to bind), so these go to D1 as drizzle would write them. Same rules as `unscoped()`:
   * `reason` says why, and each statement scopes itself with `scope(alias)`.
   */
  async allTogether<R extends readonly unknown[]>(reason: string, queries: { [K in keyof R]: SQL }): Promise<{ [K in keyof R]: R[K][] }> {
    if (reason.length === 0) throw new Error('allTogether() needs a reason');
    const statements = queries.map((query) => {
      const { sql: text, params } = dialect.sqlToQuery(query);
      return this.#d1.prepare(text).bind(...params);
    });
    const results = await this.#d1.batch(statements);
    return results.map((result) => result.results) as { [K in keyof R]: R[K][] };
  }

  #stamp<R extends object>(rows: R | R[]) {
    const stamp = (row: R) => ({ ...row, tenantId: this.tenantId });
    return Array.isArray(rows) ? rows.map(stamp) : stamp(rows);
  }
}
