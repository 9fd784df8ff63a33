/**
 * The dictionary as a tenant sees it: the national rows (`tenant_id = ''`) and the tenant's own
 * technical competencies. The tenant admin writes only their own rows; a national row is never
 * changed from a tenant path. Codes are unique across national and tenant rows of the tenant.
 */
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { competencies, nationalTenant } from '../../../db/schema';
import { auditEntry } from '../../../platform/audit/audit';
import type { Call, TenantContext } from '../../../platform/context';
import { markChanged } from '../../../platform/data-versions';
import { withConstraints } from '../../../platform/db/constraints';
import { DomainError, notFound } from '../../../platform/errors';
import { after, page } from '../../../platform/http/pagination';
import { newId, nowIso } from '../../../platform/ids';
import { applyVersioned, atVersion, bumpVersion } from '../../../platform/versioned';
import { type RetireFilter, retiredWhere, retireStatusOf } from './retire';
import type { Competency, CompetencyChanges, NewCompetency } from './schemas';

type Row = typeof competencies.$inferSelect;

export function publicCompetency({ tenantId, levels, retiredAt, ...rest }: Row): Competency {
  return {
    ...rest,
    scope: tenantId === nationalTenant ? 'national' : 'tenant',
    levels: JSON.parse(levels) as string[],
    status: retireStatusOf(retiredAt),
    retiredAt,
  };
}

const codeTaken = () => new DomainError('conflict', 'Another competency (national or of this tenant) already has this code.');

export interface CompetencyQuery {
  limit: number;
  cursor?: [string, string];
  type?: Row['type'];
  scope?: 'national' | 'tenant';
  status: RetireFilter;
}

export async function listCompetencies({ ctx, input: q }: Call<TenantContext, CompetencyQuery>) {
  const owner =
    q.scope === 'national'
      ? eq(competencies.tenantId, nationalTenant)
      : q.scope === 'tenant'
        ? eq(competencies.tenantId, ctx.tenant.id)
        : undefined;
  const rows = await ctx.db
    .visible()
    .from(competencies)
    .where(
      and(
        owner,
        q.type ? eq(competencies.type, q.type) : undefined,
        retiredWhere(competencies.retiredAt, q.status),
        after([competencies.code, competencies.id], q.cursor),
      ),
    )
    .orderBy(asc(competencies.code), asc(competencies.id))
    .limit(q.limit + 1);
  return page(rows.map(publicCompetency), q.limit, (c) => [c.code, c.id]);
}

export async function getCompetency({ ctx, input }: Call<TenantContext, { id: string }>) {
  const [row] = await ctx.db.visible().from(competencies).where(eq(competencies.id, input.id)).limit(1);
  if (!row) throw notFound('competency');
  return publicCompetency(row);
}

export async function createCompetency({ ctx, input }: Call<TenantContext, NewCompetency>) {
  const now = nowIso();
  const row = {
    id: newId('cmp'),
    code: input.code,
    name: input.name,
    type: 'teknis' as const,
    description: input.description,
    levels: JSON.stringify(input.levels),
    retiredAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  // A tenant code may not shadow a national one (the unique index covers the tenant's own codes).
  // National codes change only by national curation, which checks tenant codes the same way.
  const [national] = await ctx.db
    .visible({ id: competencies.id })
    .from(competencies)
    .where(and(eq(competencies.tenantId, nationalTenant), eq(competencies.code, row.code)))
    .limit(1);
  if (national) throw codeTaken();
  await withConstraints(
    () => ctx.db.batch([ctx.db.insert(competencies).values(row), auditEntry(ctx, 'competency.create', 'competency', row.id)]),
    {
      unique: codeTaken,
    },
  );
  return publicCompetency({ ...row, tenantId: ctx.tenant.id });
}

export async function updateCompetency({
  ctx,
  input,
}: Call<TenantContext, { id: string; expectedVersion: number; changes: CompetencyChanges }>) {
  const { levels, ...rest } = input.changes;
  const set = { ...rest, ...(levels ? { levels: JSON.stringify(levels) } : {}), ...bumpVersion(competencies) };
  const w = { table: competencies, entity: 'competency', id: input.id, expectedVersion: input.expectedVersion };
  const row = await applyVersioned<Row>(ctx, w, ctx.db.update(competencies).set(set).where(atVersion(w)).returning(), 'competency.update', [
    markChanged(ctx, 'needs'),
  ]);
  return publicCompetency(row);
}

export interface CompetencyRef {
  tenantId: string;
  id: string;
  /** Retired by national curation: what already uses it keeps it, nothing new may take it. */
  retired: boolean;
}

/**
 * The read behind `resolveCompetencies`, as a statement to send in one batch with other reads;
 * `competencyRefs()` turns its rows into the map.
 */
export function competencyRefsQuery(ctx: TenantContext, keys: string[]) {
  const json = JSON.stringify([...new Set(keys)]);
  return ctx.db
    .visible({ tenantId: competencies.tenantId, id: competencies.id, code: competencies.code, retiredAt: competencies.retiredAt })
    .from(competencies)
    .where(
      or(
        sql`${competencies.id} in (select value from json_each(${json}))`,
        sql`${competencies.code} in (select value from json_each(${json}))`,
      ),
    );
}

/** The competencies `competencyRefsQuery` found, by id and by code. */
export function competencyRefs(
  rows: { tenantId: string; id: string; code: string; retiredAt: string | null }[],
): Map<string, CompetencyRef> {
  const found = new Map<string, CompetencyRef>();
  for (const r of rows) {
    const ref = { tenantId: r.tenantId, id: r.id, retired: r.retiredAt !== null };
    found.set(r.id, ref);
    found.set(r.code, ref);
  }
  return found;
}

/** Resolves ids or codes the tenant may refer to, in one query; unknown ones are absent. */
export async function resolveCompetencies(ctx: TenantContext, keys: string[]): Promise<Map<string, CompetencyRef>> {
  if (keys.length === 0) return new Map();
  return competencyRefs(await competencyRefsQuery(ctx, keys));
}
