/**
 * Cursor pagination: `{ items, nextCursor }`, stable order by a unique key, `limit` 1–500
 * (default 50). The cursor is the last row's sort key, opaque to clients; paging with it never
 * misses or repeats a row, whatever is inserted meanwhile.
 */
import { z } from '@hono/zod-openapi';
import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { DomainError } from '../errors';

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ example: 50 }),
  cursor: z.string().max(600).optional().openapi({ description: 'nextCursor of the previous page' }),
});

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

type Key = (string | number)[];

function encodeCursor(key: Key): string {
  return btoa(JSON.stringify(key)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string | undefined, arity: number): Key | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')));
    if (Array.isArray(key) && key.length === arity && key.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return key;
    }
  } catch {
    // falls through to the problem below
  }
  throw new DomainError('validation_failed', 'The cursor is not valid.', [
    { path: 'query.cursor', message: 'not a cursor from this list' },
  ]);
}

/** `(a, b) > (?, ?)`: rows after the cursor in the order of `columns` (`<` when newest first). */
export function after(columns: SQLiteColumn[], key: Key | undefined, order: 'asc' | 'desc' = 'asc'): SQL | undefined {
  if (!key) return undefined;
  const left = sql.join(columns, sql`, `);
  const right = sql.join(
    key.map((v) => sql`${v}`),
    sql`, `,
  );
  return order === 'asc' ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

/** Call with `limit + 1` rows fetched: returns the page and the cursor of the next one. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => Key) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
