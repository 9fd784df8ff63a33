/**
 * Multi-row writes as one JSON parameter read back with `json_each`: a statement carries a
 * handful of bound parameters (D1 allows 100) however many rows it holds. Built with drizzle's
 * insert-select, because drizzle cannot put a raw statement with parameters into a D1 batch.
 * https://www.sqlite.org/json1.html#jeach
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

/** `select json_extract(value,'$[0]'), … from json_each(?) where true` in the table's column order. */
export function jsonRows<T extends SQLiteTable>(table: T, rows: T['$inferInsert'][]): SQL {
  const keys = Object.keys(getTableColumns(table)) as (keyof T['$inferInsert'])[];
  const json = JSON.stringify(rows.map((row) => keys.map((k) => row[k] ?? null)));
  const columns = keys.map((_, i) => sql.raw(`json_extract(value, '$[${i}]')`));
  // `where true` keeps SQLite from reading a following ON CONFLICT as a join constraint.
  return sql`select ${sql.join(columns, sql`, `)} from json_each(${json}) where true`;
}
