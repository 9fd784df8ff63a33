/**
 * What the JP ledger holds about one person, for their personal data export (`GET /me/export`):
 * every credit of every year, oldest first. One statement for the caller's batch, by the ledger's
 * employee index.
 */
import { z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import { jpEntries } from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import { publicEntry } from './ledger';
import { jpEntrySchema } from './schemas';

const entriesQuery = (ctx: TenantContext, employeeId: string) =>
  ctx.db.select().from(jpEntries).where(eq(jpEntries.employeeId, employeeId)).orderBy(asc(jpEntries.occurredAt), asc(jpEntries.id));

export const personalJp = {
  schema: z.array(jpEntrySchema),
  query: entriesQuery,
  shape: (rows: Awaited<ReturnType<typeof entriesQuery>>) => rows.map(publicEntry),
};
