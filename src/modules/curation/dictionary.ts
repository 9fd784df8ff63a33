/**
 * National curation of the dictionary. The national rows live in every tenant database
 * (`tenant_id = ''`, same id everywhere, seeded by migration 0002), so a change is written to
 * every database binding — a handful, not one per tenant. Each write is an idempotent upsert by
 * code that bumps the version only when the content changes, so a retry after a partial failure
 * converges every database to the same row and version. Never touches a tenant's own rows.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { competencies, nationalTenant, reportSnapshots } from '../../db/schema';
import { nationalAuditIfChanged } from '../../platform/audit/audit';
import type { Call, NationalContext } from '../../platform/context';
import { staleWrite } from '../../platform/http/etag';
import { after, page } from '../../platform/http/pagination';
import { nowIso } from '../../platform/ids';
import { type NationalCompetency, publicCompetency, type RetireFilter, retiredWhere } from '../competencies';
import { databases, primary, refuseTenantCode } from './databases';

/** National ids follow the code (codes are uppercase, so this is one-to-one): the same in every database. */
export const nationalId = (code: string) => `natcmp_${code.toLowerCase()}`;

export async function listNational({
  ctx,
  input: q,
}: Call<NationalContext, { limit: number; cursor?: [string, string]; status: RetireFilter }>) {
  const rows = await primary(ctx)
    .select()
    .from(competencies)
    .where(
      and(
        eq(competencies.tenantId, nationalTenant),
        retiredWhere(competencies.retiredAt, q.status),
        after([competencies.code, competencies.id], q.cursor),
      ),
    )
    .orderBy(asc(competencies.code), asc(competencies.id))
    .limit(q.limit + 1);
  return page(rows.map(publicCompetency), q.limit, (c) => [c.code, c.id]);
}

/** Creates or replaces the national competency `code` in every database. */
export async function putNational({
  ctx,
  input: { code, competency: input, expectedVersion },
}: Call<NationalContext, { code: string; competency: NationalCompetency; expectedVersion?: number | undefined }>) {
  const dbs = databases(ctx);
  const [existing] = await primary(ctx)
    .select()
    .from(competencies)
    .where(and(eq(competencies.tenantId, nationalTenant), eq(competencies.code, code)))
    .limit(1);
  if (expectedVersion !== undefined && (existing?.version ?? 0) !== expectedVersion) throw staleWrite();
  await refuseTenantCode(ctx, competencies, code, 'A tenant already uses this code for a technical competency.');
  const now = nowIso();
  const content = { name: input.name, type: input.type, description: input.description, levels: JSON.stringify(input.levels) };
  const differs = sql`(${competencies.name}, ${competencies.type}, ${competencies.description}, ${competencies.levels}) is not (excluded.name, excluded.type, excluded.description, excluded.levels)`;
  for (const db of dbs) {
    const upsert = db
      .insert(competencies)
      .values({
        tenantId: nationalTenant,
        id: nationalId(code),
        code,
        ...content,
        retiredAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [competencies.tenantId, competencies.id],
        set: { ...content, version: sql`${competencies.version} + 1`, updatedAt: now },
        setWhere: differs,
      });
    // Every tenant's needs snapshots name national competencies (code, name, type): when the upsert
    // changed one (its audit row, just before, was written), they go, to be recomputed.
    const snapshots = db.delete(reportSnapshots).where(and(eq(reportSnapshots.topic, 'needs'), sql`changes() > 0`));
    await db.batch([
      upsert,
      nationalAuditIfChanged(
        db,
        ctx,
        existing ? 'competency.national.update' : 'competency.national.create',
        'competency',
        nationalId(code),
      ),
      snapshots,
    ]);
  }
  const [row] = await primary(ctx)
    .select()
    .from(competencies)
    .where(and(eq(competencies.tenantId, nationalTenant), eq(competencies.code, code)))
    .limit(1);
  if (!row) throw new Error('the national competency vanished after it was written');
  return { competency: publicCompetency(row), created: !existing };
}
