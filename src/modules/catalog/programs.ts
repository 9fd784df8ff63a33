/**
 * The catalog as a tenant sees it: national programs (`tenant_id = ''`) and its own. The tenant
 * admin writes only its own; a national program is changed only through national curation. A
 * program of another tenant is never listed and answers 404.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { auditIfChanged, auditEntry, auditRow } from '../../platform/audit/audit';
import { nationalTenant, programCompetencies, programs, providers } from '../../db/schema';
import type { ServiceContext } from '../../platform/context';
import { withConstraints } from '../../platform/db/constraints';
import { staleWrite } from '../../platform/http/etag';
import { after, page } from '../../platform/http/pagination';
import { DomainError, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { toCenti } from '../jp/ledger';
import { resolveCompetencies } from '../competencies/dictionary';
import { keysOf, linkRows, programColumns, replaceLinks, shapePrograms, visiblePrograms, withProvider, type ProgramRow } from './program-rows';
import { classicalMethods } from '../../db/schema';
import type { NewProgram, ProgramChanges, ProgramQuery } from './schemas';

const codeTaken = () => new DomainError('conflict', 'Another program of this tenant already has this code.');
const noProvider = () => new DomainError('unprocessable', 'providerId does not name a provider of this tenant.', [{ path: 'body.providerId', message: 'no such provider' }]);

export async function listPrograms(ctx: ServiceContext, q: Omit<ProgramQuery, 'cursor'> & { cursor?: [string, string] }) {
  let competencyId: string | undefined;
  if (q.competency) {
    const ref = (await resolveCompetencies(ctx, [q.competency])).get(q.competency);
    if (!ref) return { items: [], nextCursor: null };
    competencyId = ref.id;
  }
  const pc = programCompetencies;
  const owner = q.scope === 'national' ? eq(programs.tenantId, nationalTenant) : q.scope === 'tenant' ? eq(programs.tenantId, ctx.tenant.id) : visiblePrograms(ctx.tenant.id);
  const rows = await ctx.db.orm
    .select(programColumns)
    .from(programs)
    .leftJoin(providers, withProvider)
    .where(
      and(
        owner,
        q.method ? eq(programs.method, q.method) : undefined,
        q.classical === undefined ? undefined : q.classical ? inArray(programs.method, [...classicalMethods]) : sql`${programs.method} not in (${sql.join(classicalMethods.map((m) => sql`${m}`), sql`, `)})`,
        q.provider ? eq(programs.providerId, q.provider) : undefined,
        q.maxCost === undefined ? undefined : sql`${programs.costPerParticipant} <= ${q.maxCost}`,
        q.minJp === undefined ? undefined : sql`${programs.jpCenti} >= ${toCenti(q.minJp)}`,
        q.maxJp === undefined ? undefined : sql`${programs.jpCenti} <= ${toCenti(q.maxJp)}`,
        q.q ? sql`instr(lower(${programs.title}), lower(${q.q})) > 0` : undefined,
        q.status ? eq(programs.status, q.status) : undefined,
        competencyId
          ? sql`exists (select 1 from ${pc} where ${pc.tenantId} = ${programs.tenantId} and ${pc.programId} = ${programs.id} and ${pc.role} = 'target' and ${pc.competencyId} = ${competencyId})`
          : undefined,
        after([programs.title, programs.id], q.cursor),
      ),
    )
    .orderBy(asc(programs.title), asc(programs.id))
    .limit(q.limit + 1);
  const { items, nextCursor } = page(rows as ProgramRow[], q.limit, (p) => [p.title, p.id]);
  return { items: await shapePrograms(ctx.db.orm, ctx.tenant.id, items), nextCursor };
}

export async function getProgram(ctx: ServiceContext, id: string) {
  const rows = await ctx.db.orm
    .select(programColumns)
    .from(programs)
    .leftJoin(providers, withProvider)
    .where(and(visiblePrograms(ctx.tenant.id), eq(programs.id, id)))
    .limit(1);
  const [program] = await shapePrograms(ctx.db.orm, ctx.tenant.id, rows as ProgramRow[]);
  if (!program) throw notFound('program');
  return program;
}

export async function createProgram(ctx: ServiceContext, input: NewProgram) {
  const refs = await resolveCompetencies(ctx, keysOf(input));
  const now = nowIso();
  const id = newId('prg');
  const links = linkRows(ctx.tenant.id, id, input, refs);
  const row: typeof programs.$inferInsert = {
    tenantId: ctx.tenant.id,
    id,
    code: input.code,
    title: input.title,
    description: input.description,
    method: input.method,
    jpCenti: toCenti(input.jp),
    costPerParticipant: input.costPerParticipant,
    providerId: input.providerId ?? null,
    hasTests: input.hasTests,
    status: input.status,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await withConstraints(
    () =>
      ctx.db.batch([
        ctx.db.orm.insert(programs).values(row),
        ...replaceLinks(ctx.db.orm, ctx.tenant.id, id, ['target', 'prerequisite'], links, sql`true`),
        auditEntry(ctx, 'program.create', 'program', id),
      ]),
    { unique: codeTaken, foreignKey: noProvider },
  );
  return getProgram(ctx, id);
}

/**
 * Applies `changes` when the program is still at `expectedVersion`. The competency rows are
 * replaced first, each statement guarded by that version, then the row's version moves on: in
 * one batch, so a stale write changes nothing at all.
 */
export async function updateProgram(ctx: ServiceContext, id: string, expectedVersion: number, changes: ProgramChanges) {
  const { targets, prerequisites, jp, ...rest } = changes;
  const refs = await resolveCompetencies(ctx, keysOf(changes));
  const links = linkRows(ctx.tenant.id, id, { targets, prerequisites }, refs);
  const roles = [...(targets ? (['target'] as const) : []), ...(prerequisites ? (['prerequisite'] as const) : [])];
  const current = sql`exists (select 1 from ${programs} where ${programs.tenantId} = ${ctx.tenant.id} and ${programs.id} = ${id} and ${programs.version} = ${expectedVersion})`;
  const write = ctx.db.orm
    .update(programs)
    .set({ ...rest, ...(jp === undefined ? {} : { jpCenti: toCenti(jp) }), version: sql`${programs.version} + 1`, updatedAt: nowIso() })
    .where(ctx.db.owned(programs, eq(programs.id, id), eq(programs.version, expectedVersion)))
    .returning({ id: programs.id });
  const statements = [...replaceLinks(ctx.db.orm, ctx.tenant.id, id, [...roles], links, current), write, auditIfChanged(ctx, 'program.update', 'program', id)];
  const results = (await withConstraints(() => ctx.db.orm.batch(statements as [typeof write, ...(typeof write)[]]), { foreignKey: noProvider })) as unknown[];
  const updated = results[statements.length - 2] as { id: string }[];
  if (updated.length === 0) {
    const [existing] = await ctx.db.orm.select({ tenantId: programs.tenantId }).from(programs).where(and(visiblePrograms(ctx.tenant.id), eq(programs.id, id))).limit(1);
    if (!existing) throw notFound('program');
    if (existing.tenantId === nationalTenant) throw new DomainError('forbidden', 'National programs are curated nationally.');
    throw staleWrite();
  }
  return getProgram(ctx, id);
}
