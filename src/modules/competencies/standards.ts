/**
 * A position's competency standard: the required level (1–5) and weight per competency. PUT
 * replaces the whole list at the version the caller read (`standard_sets.version`, 0 before the
 * first PUT). The version guard runs inside the same batch as the replacement: on a stale version
 * the guard's upsert writes a NULL into the NOT NULL version column, which aborts the batch, so a
 * stale or parallel PUT can never leave a half-replaced list. (SQLite checks NOT NULL before the
 * conflict, so the NULL may only appear in the DO UPDATE branch; "no list yet" is checked first.)
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { competencies, positions, positionStandards, standardSets } from '../../db/schema';
import { auditEntry } from '../../platform/audit/audit';
import type { ServiceContext } from '../../platform/context';
import { markChanged } from '../../platform/data-versions';
import { staleWrite } from '../../platform/http/etag';
import { DomainError, notFound } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { resolveCompetencies } from './dictionary';
import { messageChain } from '../../platform/db/constraints';
import { jsonRows } from '../../platform/db/json-rows';
import type { StandardsInput } from './schemas';

export async function getStandards(ctx: ServiceContext, positionId: string) {
  const rows = await ctx.db.orm
    .select({
      positionId: positions.id,
      version: sql<number | null>`${standardSets.version}`.as('set_version'),
      competencyId: sql<string | null>`${competencies.id}`.as('competency_id'),
      code: competencies.code,
      name: competencies.name,
      type: competencies.type,
      requiredLevel: positionStandards.requiredLevel,
      weight: positionStandards.weight,
    })
    .from(positions)
    .leftJoin(standardSets, and(eq(standardSets.tenantId, positions.tenantId), eq(standardSets.positionId, positions.id)))
    .leftJoin(positionStandards, and(eq(positionStandards.tenantId, positions.tenantId), eq(positionStandards.positionId, positions.id)))
    .leftJoin(competencies, and(eq(competencies.tenantId, positionStandards.competencyTenantId), eq(competencies.id, positionStandards.competencyId)))
    .where(ctx.db.owned(positions, eq(positions.id, positionId)))
    .orderBy(asc(competencies.code));
  const [first] = rows;
  if (!first) throw notFound('position');
  const standards = rows.flatMap((r) =>
    r.competencyId && r.code && r.name && r.type && r.requiredLevel !== null && r.weight !== null
      ? [{ competencyId: r.competencyId, code: r.code, name: r.name, type: r.type, requiredLevel: r.requiredLevel, weight: r.weight }]
      : [],
  );
  return { positionId, version: first.version ?? 0, standards };
}

export async function putStandards(ctx: ServiceContext, positionId: string, expectedVersion: number, input: StandardsInput) {
  const [position] = await ctx.db.orm
    .select({ version: standardSets.version })
    .from(positions)
    .leftJoin(standardSets, and(eq(standardSets.tenantId, positions.tenantId), eq(standardSets.positionId, positions.id)))
    .where(ctx.db.owned(positions, eq(positions.id, positionId)))
    .limit(1);
  if (!position) throw notFound('position');
  // Without a stored list only "v0" can match; once one exists, the guard in the batch decides.
  if (position.version === null && expectedVersion !== 0) throw staleWrite();

  const refs = await resolveCompetencies(ctx, input.standards.map((s) => s.competency));
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  input.standards.forEach((s, i) => {
    const ref = refs.get(s.competency);
    if (!ref) errors.push({ path: `body.standards.${i}.competency`, message: 'no such competency in this tenant' });
    else if (seen.has(ref.id)) errors.push({ path: `body.standards.${i}.competency`, message: 'listed twice' });
    else seen.add(ref.id);
  });
  if (errors.length > 0) throw new DomainError('unprocessable', `${errors.length} standard(s) cannot be applied.`, errors);

  const t = ctx.tenant.id;
  const now = nowIso();
  const guard = ctx.db.orm
    .insert(standardSets)
    .values({ tenantId: t, positionId, version: expectedVersion + 1, updatedAt: now })
    .onConflictDoUpdate({
      target: [standardSets.tenantId, standardSets.positionId],
      set: { version: sql`case when ${standardSets.version} = ${expectedVersion} then ${expectedVersion + 1} else null end`, updatedAt: now },
    });
  const rows = input.standards.map((s) => {
    const ref = refs.get(s.competency) as { tenantId: string; id: string };
    return { tenantId: t, positionId, competencyTenantId: ref.tenantId, competencyId: ref.id, requiredLevel: s.requiredLevel, weight: s.weight };
  });
  const statements = [
    guard,
    ctx.db.orm.delete(positionStandards).where(ctx.db.owned(positionStandards, eq(positionStandards.positionId, positionId))),
    ...(rows.length > 0 ? [ctx.db.orm.insert(positionStandards).select(jsonRows(positionStandards, rows))] : []),
    auditEntry(ctx, 'position.standards.replace', 'position', positionId),
    markChanged(ctx, 'needs'),
  ];
  try {
    await ctx.db.batch(statements);
  } catch (err) {
    const message = messageChain(err);
    if (message.includes('NOT NULL constraint failed')) throw staleWrite();
    if (message.includes('FOREIGN KEY constraint failed')) throw new DomainError('conflict', 'The position or a competency was removed meanwhile; read again and retry.');
    throw err;
  }
  return getStandards(ctx, positionId);
}
