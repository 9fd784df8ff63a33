/**
 * The catalog as a tenant sees it: national programs (`tenant_id = ''`) and its own. The tenant
 * admin writes only its own; a national program is changed only through national curation. A
 * program of another tenant is never listed and answers 404.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { classicalMethods, nationalTenant, programCompetencies, programs, providers } from '../../../db/schema';
import { auditEntry, auditIfChanged } from '../../../platform/audit/audit';
import type { Call, TenantContext } from '../../../platform/context';
import { withConstraints } from '../../../platform/db/constraints';
import { DomainError, notFound } from '../../../platform/errors';
import { staleWrite } from '../../../platform/http/etag';
import { after, page } from '../../../platform/http/pagination';
import { newId, nowIso } from '../../../platform/ids';
import { resolveCompetencies } from '../../competencies';
import { toCenti } from '../../jp';
import type { NewProgram, ProgramChanges, ProgramQuery } from '../schemas';
import {
  keysOf,
  linkedKeys,
  linkRows,
  type ProgramRow,
  programColumns,
  replaceOwnLinks,
  shapeVisiblePrograms,
  withProvider,
} from './program-rows';

const codeTaken = () => new DomainError('conflict', 'Another program of this tenant already has this code.');
const noProvider = () =>
  new DomainError('unprocessable', 'providerId does not name a provider of this tenant.', [
    { path: 'body.providerId', message: 'no such provider' },
  ]);

export async function listPrograms({ ctx, input: q }: Call<TenantContext, Omit<ProgramQuery, 'cursor'> & { cursor?: [string, string] }>) {
  let competencyId: string | undefined;
  if (q.competency) {
    const ref = (await resolveCompetencies(ctx, [q.competency])).get(q.competency);
    if (!ref) return { items: [], nextCursor: null };
    competencyId = ref.id;
  }
  const pc = programCompetencies;
  // The scoped read sees national and own programs; `scope` narrows it to one of the two.
  const owner =
    q.scope === 'national'
      ? eq(programs.tenantId, nationalTenant)
      : q.scope === 'tenant'
        ? eq(programs.tenantId, ctx.tenant.id)
        : undefined;
  const rows = await ctx.db
    .visible(programColumns)
    .from(programs)
    .leftJoin(providers, withProvider)
    .where(
      and(
        owner,
        q.method ? eq(programs.method, q.method) : undefined,
        q.classical === undefined
          ? undefined
          : q.classical
            ? inArray(programs.method, [...classicalMethods])
            : sql`${programs.method} not in (${sql.join(
                classicalMethods.map((m) => sql`${m}`),
                sql`, `,
              )})`,
        q.provider ? eq(programs.providerId, q.provider) : undefined,
        q.maxCost === undefined ? undefined : sql`${programs.costPerParticipant} <= ${q.maxCost}`,
        q.minJp === undefined ? undefined : sql`${programs.jpCenti} >= ${toCenti(q.minJp)}`,
        q.maxJp === undefined ? undefined : sql`${programs.jpCenti} <= ${toCenti(q.maxJp)}`,
        q.q ? sql`instr(lower(${programs.title}), lower(${q.q})) > 0` : undefined,
        q.status === 'all' ? undefined : eq(programs.status, q.status),
        competencyId
          ? sql`exists (select 1 from ${pc} where ${pc.tenantId} = ${programs.tenantId} and ${pc.programId} = ${programs.id} and ${pc.role} = 'target' and ${pc.competencyId} = ${competencyId})`
          : undefined,
        after([programs.title, programs.id], q.cursor),
      ),
    )
    .orderBy(asc(programs.title), asc(programs.id))
    .limit(q.limit + 1);
  const { items, nextCursor } = page(rows as ProgramRow[], q.limit, (p) => [p.title, p.id]);
  return { items: await shapeVisiblePrograms(ctx, items), nextCursor };
}

export async function getProgram({ ctx, input: id }: Call<TenantContext, string>) {
  const rows = await ctx.db.visible(programColumns).from(programs).leftJoin(providers, withProvider).where(eq(programs.id, id)).limit(1);
  const [program] = await shapeVisiblePrograms(ctx, rows as ProgramRow[]);
  if (!program) throw notFound('program');
  return program;
}

export async function createProgram({ ctx, input }: Call<TenantContext, NewProgram>) {
  const refs = await resolveCompetencies(ctx, keysOf(input));
  const now = nowIso();
  const id = newId('prg');
  const links = linkRows(ctx.tenant.id, id, input, refs);
  const row = {
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
    retiredAt: input.status === 'retired' ? now : null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await withConstraints(
    () =>
      ctx.db.batch([
        // A national program's code is every tenant's: a tenant program may not take it (curation checks the other way).
        ctx.db.guard(
          sql`not exists (select 1 from ${programs} n where n.tenant_id = ${nationalTenant} and n.code = ${input.code})`,
          'conflict',
          'A national program already has this code.',
        ),
        ctx.db.insert(programs).values(row),
        ...replaceOwnLinks(ctx, id, ['target', 'prerequisite'], links, sql`true`),
        auditEntry(ctx, 'program.create', 'program', id),
      ]),
    { unique: codeTaken, foreignKey: noProvider },
  );
  return getProgram({ ctx, input: id });
}

/**
 * Applies `changes` when the program is still at `expectedVersion`: a guard on that version opens
 * the batch, then the competency rows are replaced and the row's version moves on, so a stale
 * write changes nothing at all. A failed guard is told apart by reading again (absent, national,
 * or changed meanwhile).
 */
export async function updateProgram({
  ctx,
  input: { id, expectedVersion, changes },
}: Call<TenantContext, { id: string; expectedVersion: number; changes: ProgramChanges }>) {
  const { targets, prerequisites, jp, ...rest } = changes;
  const refs = await resolveCompetencies(ctx, keysOf(changes));
  const relinks = targets !== undefined || prerequisites !== undefined;
  const links = linkRows(
    ctx.tenant.id,
    id,
    { targets, prerequisites },
    refs,
    relinks ? await linkedKeys(ctx.db, ctx.tenant.id, id) : undefined,
  );
  const now = nowIso();
  // The date of retirement moves with the status: set when it is retired (kept if it was already), cleared when reinstated.
  const retiredAt =
    rest.status === undefined ? {} : { retiredAt: rest.status === 'retired' ? sql`coalesce(${programs.retiredAt}, ${now})` : null };
  const roles = [...(targets ? (['target'] as const) : []), ...(prerequisites ? (['prerequisite'] as const) : [])];
  const current = sql`exists (select 1 from ${programs} where ${ctx.db.owned(programs, eq(programs.id, id), eq(programs.version, expectedVersion))})`;
  const write = ctx.db
    .update(programs)
    .set({
      ...rest,
      ...retiredAt,
      ...(jp === undefined ? {} : { jpCenti: toCenti(jp) }),
      version: sql`${programs.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(programs.id, id), eq(programs.version, expectedVersion)));
  const statements = [
    ctx.db.guard(current, 'precondition_failed', 'The program was changed since you read it.'),
    ...replaceOwnLinks(ctx, id, [...roles], links, sql`true`),
    write,
    auditIfChanged(ctx, 'program.update', 'program', id),
  ];
  try {
    await withConstraints(() => ctx.db.write(statements), { foreignKey: noProvider });
  } catch (err) {
    if (!(err instanceof DomainError) || err.code !== 'precondition_failed') throw err;
    const [existing] = await ctx.db.visible({ tenantId: programs.tenantId }).from(programs).where(eq(programs.id, id)).limit(1);
    if (!existing) throw notFound('program');
    if (existing.tenantId === nationalTenant) throw new DomainError('forbidden', 'National programs are curated nationally.');
    throw staleWrite();
  }
  return getProgram({ ctx, input: id });
}
