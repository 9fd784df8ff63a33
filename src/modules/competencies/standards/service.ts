/**
 * A position's competency standard: the required level (1–5) and weight per competency. PUT
 * replaces the whole list at the version the caller read (`standard_sets.version`, 0 before the
 * first PUT). The version check is a guard inside the same batch as the replacement, so a stale or
 * parallel PUT can never leave a half-replaced list. `standardStatements` is the one writer of a
 * position's standard; onboarding (the tenant manifest) uses it too.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { competencies, positionStandards, positions, standardSets } from '../../../db/schema';
import { auditEntry } from '../../../platform/audit/audit';
import type { Call, TenantContext } from '../../../platform/context';
import { markChanged } from '../../../platform/data-versions';
import { withConstraints } from '../../../platform/db/constraints';
import { DomainError, type FieldError, notFound } from '../../../platform/errors';
import { staleWrite } from '../../../platform/http/etag';
import { nowIso } from '../../../platform/ids';
import type { Statement } from '../../../platform/tenancy/scoped-db';
import { retiredReferences } from '../dictionary/retire';
import { competencyRefs, competencyRefsQuery } from '../dictionary/service';
import type { StandardsInput } from './schemas';

/** One line of a position's standard, the competency resolved. */
export interface StandardRow {
  competencyTenantId: string;
  competencyId: string;
  requiredLevel: number;
  weight: number;
}

export async function getStandards({ ctx, input }: Call<TenantContext, { positionId: string }>) {
  const { positionId } = input;
  const rows = await ctx.db
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
    .leftJoin(
      competencies,
      and(eq(competencies.tenantId, positionStandards.competencyTenantId), eq(competencies.id, positionStandards.competencyId)),
    )
    .where(eq(positions.id, positionId))
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

/**
 * The statements that replace position `positionId`'s standard with `rows` and raise its version
 * (1 for the first list). With `expectedVersion`, a guard first aborts the batch with 412 unless
 * the stored version (0 when there is none) is that one. The caller adds the audit row and the
 * `needs` change mark to the same batch.
 */
export function standardStatements(
  ctx: TenantContext,
  positionId: string,
  rows: StandardRow[],
  options: { expectedVersion?: number; now?: string } = {},
): Statement[] {
  const now = options.now ?? nowIso();
  const set = standardSets;
  const guard =
    options.expectedVersion === undefined
      ? []
      : [
          ctx.db.guard(
            sql`coalesce((select ${set.version} from ${set} where ${ctx.db.owned(set, eq(set.positionId, positionId))}), 0) = ${options.expectedVersion}`,
            'precondition_failed',
            staleWrite().detail,
          ),
        ];
  return [
    ...guard,
    ctx.db
      .insert(set)
      .values({ positionId, version: 1, updatedAt: now })
      .onConflictDoUpdate({ target: [set.tenantId, set.positionId], set: { version: sql`${set.version} + 1`, updatedAt: now } }),
    ctx.db.delete(positionStandards).where(eq(positionStandards.positionId, positionId)),
    ...(rows.length > 0
      ? [
          ctx.db.insertRows(
            positionStandards,
            rows.map((r) => ({ positionId, ...r })),
          ),
        ]
      : []),
  ];
}

export async function putStandards({
  ctx,
  input,
}: Call<TenantContext, { positionId: string; expectedVersion: number; standards: StandardsInput }>) {
  const { positionId, expectedVersion } = input;
  const list = input.standards.standards;
  // One round trip for every read: the position and its version, the competencies its standard
  // names now (a retired one may keep its line, not be added), and the competencies asked for.
  // With the write and the answer, a PUT costs three.
  const [found, current, refRows] = await ctx.db.batch([
    ctx.db
      .select({ version: standardSets.version })
      .from(positions)
      .leftJoin(standardSets, and(eq(standardSets.tenantId, positions.tenantId), eq(standardSets.positionId, positions.id)))
      .where(eq(positions.id, positionId))
      .limit(1),
    ctx.db.select({ id: positionStandards.competencyId }).from(positionStandards).where(eq(positionStandards.positionId, positionId)),
    competencyRefsQuery(
      ctx,
      list.map((s) => s.competency),
    ),
  ]);
  const [position] = found;
  if (!position) throw notFound('position');
  // Without a stored list only "v0" can match; once one exists, the guard in the batch decides.
  if (position.version === null && expectedVersion !== 0) throw staleWrite();

  const refs = competencyRefs(refRows);
  const kept = new Set(current.map((r) => r.id));
  const errors: FieldError[] = [];
  const rows: StandardRow[] = [];
  const seen = new Set<string>();
  list.forEach((s, i) => {
    const ref = refs.get(s.competency);
    if (!ref) errors.push({ path: `body.standards.${i}.competency`, message: 'no such competency in this tenant' });
    else if (seen.has(ref.id)) errors.push({ path: `body.standards.${i}.competency`, message: 'listed twice' });
    else {
      seen.add(ref.id);
      errors.push(...retiredReferences([{ ...ref, path: `body.standards.${i}.competency` }], kept));
      rows.push({ competencyTenantId: ref.tenantId, competencyId: ref.id, requiredLevel: s.requiredLevel, weight: s.weight });
    }
  });
  if (errors.length > 0) throw new DomainError('unprocessable', `${errors.length} standard(s) cannot be applied.`, errors);

  const statements = [
    ...standardStatements(ctx, positionId, rows, { expectedVersion }),
    auditEntry(ctx, 'position.standards.replace', 'position', positionId),
    markChanged(ctx, 'needs'),
  ];
  await withConstraints(() => ctx.db.write(statements), {
    foreignKey: () => new DomainError('conflict', 'The position or a competency was removed meanwhile; read again and retry.'),
  });
  return getStandards({ ctx, input: { positionId } });
}
