/**
 * Multi-row writes as one JSON parameter read back with `json_each`: a statement carries a
 * handful of bound parameters (D1 allows 100) however many rows it holds. Built with drizzle's
 * insert-select, because drizzle cannot put a raw statement with parameters into a D1 batch.
 * https://www.sqlite.org/json1.html#jeach
 */
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** `select json_extract(value,'$[0]'), … from json_each(?) where true` in the table's column order. */
export function jsonRows<T extends SQLiteTable>(table: T, rows: T['$inferInsert'][]): SQL {
  const keys = Object.keys(getTableColumns(table)) as (keyof T['$inferInsert'])[];
  const json = JSON.stringify(rows.map((row) => keys.map((k) => row[k] ?? null)));
  const columns = keys.map((_, i) => sql.raw(`json_extract(value, '$[${i}]')`));
  // `where true` keeps SQLite from reading a following ON CONFLICT as a join constraint.
  return sql`select ${sql.join(columns, sql`, `)} from json_each(${json}) where true`;
}

/**
 * `insert into table select <row> where condition`: a row written only when `condition` holds at
 * that point of its batch — e.g. `changes() > 0`, "the statement before me changed a row"
 * (`changes()` is per connection, and a batch runs in order on one connection).
 */
export function insertWhen<T extends SQLiteTable>(orm: DrizzleD1Database, table: T, row: T['$inferInsert'], condition: SQL) {
  const keys = Object.keys(getTableColumns(table)) as (keyof T['$inferInsert'])[];
  const values = keys.map((k) => sql`${row[k] ?? null}`);
  return orm.insert(table).select(sql`select ${sql.join(values, sql`, `)} where ${condition}`);
}
