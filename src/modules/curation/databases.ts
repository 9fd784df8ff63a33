/**
 * National rows live in every database (the same ids everywhere): curation writes each, reads the
 * control database, and keeps national codes apart from every tenant's own codes.
 */
import { and, eq, ne } from 'drizzle-orm';
import { type competencies, nationalTenant, type programs } from '../../db/schema';
import type { NationalContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';

/** The control database `DB` answers reads: every database holds the same national rows. */
export const primary = (ctx: NationalContext) => ctx.national.control;
export const databases = (ctx: NationalContext) => ctx.national.databases().map((d) => d.orm);

/** 409 when a tenant, in any database, already uses `code` for a row of its own (the databases read at once). */
export async function refuseTenantCode(ctx: NationalContext, table: typeof competencies | typeof programs, code: string, detail: string) {
  const clashes = await Promise.all(
    databases(ctx).map((db) =>
      db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.code, code), ne(table.tenantId, nationalTenant)))
        .limit(1),
    ),
  );
  if (clashes.some((rows) => rows.length > 0)) throw new DomainError('conflict', detail);
}
