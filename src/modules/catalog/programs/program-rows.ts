/**
 * Reading programs back as the API shows them: the row, its provider, its targeted competencies
 * and prerequisites, `classical` and `methodKind` derived from the method. Also the statements that (re)write a
 * program's competency rows. Reads only the national rows and the caller's tenant's. A tenant's
 * services go through the scoped handle (`shapeVisiblePrograms`, `replaceOwnLinks`); national
 * curation, which writes every database with its own handle, uses `shapePrograms` and `replaceLinks`.
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { classicalMethods, competencies, methodKindOf, nationalTenant, programCompetencies, programs, providers } from '../../../db/schema';
import type { TenantContext } from '../../../platform/context';
import { jsonRows } from '../../../platform/db/json-rows';
import type { FieldError } from '../../../platform/errors';
import { DomainError } from '../../../platform/errors';
import type { Orm, Statement, Unstamped } from '../../../platform/tenancy/scoped-db';
import { type CompetencyRef, retiredReferences } from '../../competencies';
import type { Program } from '../schemas';

type Row = typeof programs.$inferSelect;
type CompetencyRow = typeof programCompetencies.$inferInsert;

const classical = new Set<string>(classicalMethods);
export const isClassical = (method: string) => classical.has(method);

export const programColumns = {
  tenantId: programs.tenantId,
  id: programs.id,
  code: programs.code,
  title: programs.title,
  description: programs.description,
  method: programs.method,
  jpCenti: programs.jpCenti,
  costPerParticipant: programs.costPerParticipant,
  providerId: programs.providerId,
  hasTests: programs.hasTests,
  status: programs.status,
  retiredAt: programs.retiredAt,
  version: programs.version,
  createdAt: programs.createdAt,
  updatedAt: programs.updatedAt,
  providerName: sql<string | null>`${providers.name}`.as('provider_name'),
  providerKind: sql<(typeof providers.$inferSelect)['kind'] | null>`${providers.kind}`.as('provider_kind'),
};

export const withProvider = and(eq(providers.tenantId, programs.tenantId), eq(providers.id, programs.providerId));

export type ProgramRow = Row & { providerName: string | null; providerKind: (typeof providers.$inferSelect)['kind'] | null };

const pc = programCompetencies;
const linkFields = {
  programId: pc.programId,
  role: pc.role,
  level: pc.level,
  competencyId: pc.competencyId,
  code: competencies.code,
  name: competencies.name,
};
const linkedCompetency = and(eq(competencies.tenantId, pc.competencyTenantId), eq(competencies.id, pc.competencyId));
const ofPrograms = (rows: ProgramRow[]) => sql`${pc.programId} in (select value from json_each(${JSON.stringify(rows.map((r) => r.id))}))`;
type Link = { programId: string; role: CompetencyRow['role']; level: number; competencyId: string; code: string; name: string };

/** The API shape of `rows`, with their competencies read in one query (national curation: `orm` is one database). */
export async function shapePrograms(orm: Orm, tenantId: string, rows: ProgramRow[]): Promise<Program[]> {
  if (rows.length === 0) return [];
  const links = await orm
    .select(linkFields)
    .from(pc)
    .innerJoin(competencies, linkedCompetency)
    .where(and(inArray(pc.tenantId, [nationalTenant, tenantId]), ofPrograms(rows)))
    .orderBy(asc(competencies.code));
  return shape(rows, links);
}

/** The API shape of programs a tenant sees (national and its own), their links read through the scoped handle. */
export async function shapeVisiblePrograms(ctx: TenantContext, rows: ProgramRow[]): Promise<Program[]> {
  if (rows.length === 0) return [];
  const links = await ctx.db
    .visible(linkFields)
    .from(pc)
    .innerJoin(competencies, linkedCompetency)
    .where(ofPrograms(rows))
    .orderBy(asc(competencies.code));
  return shape(rows, links);
}

function shape(rows: ProgramRow[], links: Link[]): Program[] {
  return rows.map((r) => {
    const mine = links.filter((l) => l.programId === r.id);
    return {
      id: r.id,
      scope: r.tenantId === nationalTenant ? 'national' : 'tenant',
      code: r.code,
      title: r.title,
      description: r.description,
      method: r.method,
      classical: isClassical(r.method),
      methodKind: methodKindOf(r.method),
      jp: r.jpCenti / 100,
      costPerParticipant: r.costPerParticipant,
      provider: r.providerId && r.providerName && r.providerKind ? { id: r.providerId, name: r.providerName, kind: r.providerKind } : null,
      hasTests: r.hasTests,
      status: r.status,
      retiredAt: r.retiredAt,
      targets: mine
        .filter((l) => l.role === 'target')
        .map((l) => ({ competencyId: l.competencyId, code: l.code, name: l.name, expectedGain: l.level })),
      prerequisites: mine
        .filter((l) => l.role === 'prerequisite')
        .map((l) => ({ competencyId: l.competencyId, code: l.code, name: l.name, minimumLevel: l.level })),
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

export interface CompetencyLinks {
  targets?: { competency: string; expectedGain: number }[] | undefined;
  prerequisites?: { competency: string; minimumLevel: number }[] | undefined;
}

/**
 * Competency rows of a program; every key must resolve (422 listing the ones that do not), and a
 * retired competency only where the program already links it (`kept`: `<role>:<competency id>`).
 */
export function linkRows(
  tenantId: string,
  programId: string,
  input: CompetencyLinks,
  refs: Map<string, CompetencyRef>,
  kept: ReadonlySet<string> = new Set(),
): CompetencyRow[] {
  const errors: FieldError[] = [];
  const rows: CompetencyRow[] = [];
  const add = (role: CompetencyRow['role'], items: { competency: string; level: number }[], path: string) =>
    items.forEach((item, i) => {
      const ref = refs.get(item.competency);
      const at = `body.${path}.${i}.competency`;
      if (!ref) errors.push({ path: at, message: 'no such competency visible to this program' });
      else {
        errors.push(...retiredReferences([{ id: `${role}:${ref.id}`, retired: ref.retired, path: at }], kept));
        rows.push({ tenantId, programId, role, competencyTenantId: ref.tenantId, competencyId: ref.id, level: item.level });
      }
    });
  add(
    'target',
    (input.targets ?? []).map((t) => ({ competency: t.competency, level: t.expectedGain })),
    'targets',
  );
  add(
    'prerequisite',
    (input.prerequisites ?? []).map((p) => ({ competency: p.competency, level: p.minimumLevel })),
    'prerequisites',
  );
  if (errors.length > 0)
    throw new DomainError('unprocessable', `${errors.length} competenc(ies) unknown or retired: nothing was written.`, errors);
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.role}:${r.competencyId}`;
    if (seen.has(key))
      throw new DomainError('unprocessable', 'A competency is named twice (by id and by code).', [
        { path: `body.${r.role}s`, message: 'duplicate competency' },
      ]);
    seen.add(key);
  }
  return rows;
}

/**
 * Replaces the given roles' rows of a program, only when `guard` holds at that moment (an SQL
 * condition, such as "the program is still at the version the caller read").
 */
export function replaceLinks(
  orm: Orm,
  tenantId: string,
  programId: string,
  roles: CompetencyRow['role'][],
  rows: CompetencyRow[],
  guard: SQL,
): Statement[] {
  if (roles.length === 0) return [];
  const statements: Statement[] = [
    orm.delete(pc).where(and(eq(pc.tenantId, tenantId), eq(pc.programId, programId), inArray(pc.role, roles), guard)),
  ];
  if (rows.length > 0) statements.push(orm.insert(pc).select(sql`${jsonRows(pc, rows)} and ${guard}`));
  return statements;
}

/** `replaceLinks` for the caller's tenant's own program: the delete through the scoped handle. */
export function replaceOwnLinks(
  ctx: TenantContext,
  programId: string,
  roles: CompetencyRow['role'][],
  rows: Unstamped<typeof pc>[],
  guard: SQL,
): Statement[] {
  if (roles.length === 0) return [];
  const statements: Statement[] = [ctx.db.delete(pc).where(and(eq(pc.programId, programId), inArray(pc.role, roles), guard))];
  if (rows.length > 0) {
    const stamped = rows.map((r) => ({ ...r, tenantId: ctx.tenant.id }));
    // insertRows cannot carry the guard: this insert … select adds it to the JSON rows' select.
    const orm = ctx.db.unscoped('insert … select of the JSON rows, written only while the guard holds; every row carries this tenant');
    statements.push(orm.insert(pc).select(sql`${jsonRows(pc, stamped)} and ${guard}`));
  }
  return statements;
}

/** The `<role>:<competency id>` keys a program links now, for `linkRows`'s `kept`. */
export async function linkedKeys(orm: Pick<Orm, 'select'>, tenantId: string, programId: string): Promise<Set<string>> {
  const rows = await orm
    .select({ role: pc.role, competencyId: pc.competencyId })
    .from(pc)
    .where(and(eq(pc.tenantId, tenantId), eq(pc.programId, programId)));
  return new Set(rows.map((r) => `${r.role}:${r.competencyId}`));
}

export const keysOf = (input: CompetencyLinks) => [...(input.targets ?? []), ...(input.prerequisites ?? [])].map((i) => i.competency);
