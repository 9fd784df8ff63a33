/**
 * Writes to versioned tenant rows (ETag / If-Match). The write only applies when the stored
 * version is the one the caller read; its audit row is inserted in the same batch and only when
 * the write changed a row (SQLite's `changes()`), so a stale write leaves nothing behind.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { auditIfChanged } from './audit/audit';
import type { TenantContext } from './context';
import { notFound } from './errors';
import { staleWrite } from './http/etag';
import { nowIso } from './ids';
import type { Statement } from './tenancy/scoped-db';

type VersionedTable = SQLiteTable & { tenantId: SQLiteColumn; id: SQLiteColumn; version: SQLiteColumn };

export interface VersionedWrite {
  table: VersionedTable;
  entity: string;
  id: string;
  expectedVersion: number;
}

/** The `where` that pins the row at the version the caller read (the scoped builders add the tenant). */
export const atVersion = (w: VersionedWrite): SQL => and(eq(w.table.id, w.id), eq(w.table.version, w.expectedVersion)) as SQL;

export const bumpVersion = (table: VersionedTable) => ({ version: sql`${table.version} + 1`, updatedAt: nowIso() });

/**
 * Runs `[write, audit]` in one batch. `write` is an update or delete filtered with `atVersion`
 * and ending in `.returning()`; if it touched nothing, the answer is 404 or 412, whichever is true.
 * `also` joins the batch after the audit row (e.g. a change counter).
 */
export async function applyVersioned<Row>(
  ctx: TenantContext,
  w: VersionedWrite,
  write: Statement,
  action: string,
  also: Statement[] = [],
): Promise<Row> {
  const [rows] = await ctx.db.batch([write, auditIfChanged(ctx, action, w.entity, w.id), ...also]);
  const [row] = rows as Row[];
  if (row !== undefined) return row;
  const [current] = await ctx.db.select({ version: w.table.version }).from(w.table).where(eq(w.table.id, w.id)).limit(1);
  throw current ? staleWrite() : notFound(w.entity);
}
