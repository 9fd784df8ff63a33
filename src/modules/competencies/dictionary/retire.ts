/**
 * The retire state of national competencies and of programs (national and a tenant's own). A
 * retired row keeps everything that already uses it — standard lines, program links, offerings,
 * assessments, enrollments, reports — and stays readable by id with its `status` and `retiredAt`,
 * but takes no new use, and default lists leave it out (`status=retired` or `all` shows it).
 * National curation retires and reinstates national rows; a tenant retires its own programs.
 */
import { z } from '@hono/zod-openapi';
import { isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { FieldError } from '../../../platform/errors';

export const retireStatuses = ['active', 'retired'] as const;
export type RetireStatus = (typeof retireStatuses)[number];

/** The list filter: what is in use by default. */
export const retireFilter = z
  .enum([...retireStatuses, 'all'])
  .default('active')
  .openapi({ description: 'active (the default), retired, or all' });
export type RetireFilter = z.infer<typeof retireFilter>;

/** The condition on a `retired_at` column for a list filter (none for `all`). */
export const retiredWhere = (retiredAt: SQLiteColumn, filter: RetireFilter): SQL | undefined =>
  filter === 'active' ? isNull(retiredAt) : filter === 'retired' ? isNotNull(retiredAt) : undefined;

export const retireStatusOf = (retiredAt: string | null): RetireStatus => (retiredAt === null ? 'active' : 'retired');

/**
 * The field errors for references to retired competencies that are new: a competency already used
 * where the reference is written (`kept`, by id) may stay, another may not be added.
 */
export function retiredReferences(refs: { id: string; retired: boolean; path: string }[], kept: ReadonlySet<string>): FieldError[] {
  return refs
    .filter((r) => r.retired && !kept.has(r.id))
    .map((r) => ({ path: r.path, message: 'a retired competency: it stays where it is already used, but cannot be added' }));
}
