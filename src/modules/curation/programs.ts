/**
 * National curation of the catalog, the way the national dictionary is curated: national programs
 * live in every database (`tenant_id = ''`, id derived from the code, so the same everywhere) and
 * a PUT writes each database with an idempotent upsert that bumps the version only when the
 * content changes; a retry converges every database. National programs target national
 * competencies only and name no tenant's provider. Never touches a tenant's own rows.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { competencies, nationalTenant, programs, providers } from '../../db/schema';
import { nationalAuditIfChanged } from '../../platform/audit/audit';
import type { Call, NationalContext } from '../../platform/context';
import { staleWrite } from '../../platform/http/etag';
import { after, page } from '../../platform/http/pagination';
import { nowIso } from '../../platform/ids';
import {
  keysOf,
  linkedKeys,
  linkRows,
  type NationalProgram,
  type ProgramRow,
  programColumns,
  replaceLinks,
  shapePrograms,
  withProvider,
} from '../catalog';
import type { CompetencyRef, RetireFilter } from '../competencies';
import { toCenti } from '../jp';
import { databases, primary, refuseTenantCode } from './databases';

export const nationalProgramId = (code: string) => `natprg_${code.toLowerCase()}`;

async function readNational(ctx: NationalContext, where: ReturnType<typeof and>, limit: number, cursor?: [string, string]) {
  const rows = await primary(ctx)
    .select(programColumns)
    .from(programs)
    .leftJoin(providers, withProvider)
    .where(and(eq(programs.tenantId, nationalTenant), where, after([programs.code, programs.id], cursor)))
    .orderBy(asc(programs.code), asc(programs.id))
    .limit(limit);
  return rows as ProgramRow[];
}

export async function listNationalPrograms({
  ctx,
  input: q,
}: Call<NationalContext, { limit: number; cursor?: [string, string]; status: RetireFilter }>) {
  const rows = await readNational(ctx, q.status === 'all' ? undefined : eq(programs.status, q.status), q.limit + 1, q.cursor);
  const { items, nextCursor } = page(rows, q.limit, (p) => [p.code, p.id]);
  return { items: await shapePrograms(primary(ctx), nationalTenant, items), nextCursor };
}

/** Creates or replaces the national program `code` in every database. */
export async function putNationalProgram({
  ctx,
  input: { code, program: input, expectedVersion },
}: Call<NationalContext, { code: string; program: NationalProgram; expectedVersion?: number | undefined }>) {
  const id = nationalProgramId(code);
  const [existing] = await readNational(ctx, eq(programs.id, id), 1);
  if (expectedVersion !== undefined && (existing?.version ?? 0) !== expectedVersion) throw staleWrite();
  await refuseTenantCode(ctx, programs, code, 'A tenant already uses this code for a program of its own.');
  const keys = [...new Set(keysOf(input))];
  const found = await primary(ctx)
    .select({ id: competencies.id, code: competencies.code, retiredAt: competencies.retiredAt })
    .from(competencies)
    .where(
      and(
        eq(competencies.tenantId, nationalTenant),
        sql`(${competencies.id} in (select value from json_each(${JSON.stringify(keys)})) or ${competencies.code} in (select value from json_each(${JSON.stringify(keys)})))`,
      ),
    );
  const refs = new Map<string, CompetencyRef>();
  for (const c of found) {
    const ref = { tenantId: nationalTenant, id: c.id, retired: c.retiredAt !== null };
    refs.set(c.id, ref);
    refs.set(c.code, ref);
  }
  // A retired competency may stay a target or prerequisite the program already has, never become a new one.
  const links = linkRows(nationalTenant, id, input, refs, existing ? await linkedKeys(primary(ctx), nationalTenant, id) : undefined);
  const now = nowIso();
  const content = {
    title: input.title,
    description: input.description,
    method: input.method,
    jpCenti: toCenti(input.jp),
    costPerParticipant: input.costPerParticipant,
    hasTests: input.hasTests,
  };
  // The version moves when the row or its competency links change; a repeat of the same PUT changes nothing.
  const linkKey = (items: (string | number)[][]) => JSON.stringify(items.map((i) => i.join(':')).sort());
  const [stored] = existing ? await shapePrograms(primary(ctx), nationalTenant, [existing]) : [];
  const sameLinks =
    stored !== undefined &&
    linkKey([
      ...stored.targets.map((t) => ['target', t.competencyId, t.expectedGain]),
      ...stored.prerequisites.map((r) => ['prerequisite', r.competencyId, r.minimumLevel]),
    ]) === linkKey(links.map((l) => [l.role, l.competencyId, l.level]));
  // The retire state is not content: a PUT keeps it (retire and reinstate are their own routes).
  const differs = sql`(${programs.title}, ${programs.description}, ${programs.method}, ${programs.jpCenti}, ${programs.costPerParticipant}, ${programs.hasTests}) is not (excluded.title, excluded.description, excluded.method, excluded.jp_centi, excluded.cost_per_participant, excluded.has_tests)`;
  for (const db of databases(ctx)) {
    const upsert = db
      .insert(programs)
      .values({
        tenantId: nationalTenant,
        id,
        code,
        ...content,
        status: 'active',
        retiredAt: null,
        providerId: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [programs.tenantId, programs.id],
        set: { ...content, version: sql`${programs.version} + 1`, updatedAt: now },
        setWhere: sameLinks ? differs : sql`true`,
      });
    const audit = nationalAuditIfChanged(db, ctx, existing ? 'program.national.update' : 'program.national.create', 'program', id);
    await db.batch([upsert, audit, ...replaceLinks(db, nationalTenant, id, ['target', 'prerequisite'], links, sql`true`)]);
  }
  const [row] = await readNational(ctx, eq(programs.id, id), 1);
  if (!row) throw new Error('the national program vanished after it was written');
  const [program] = await shapePrograms(primary(ctx), nationalTenant, [row]);
  return { program: program as NonNullable<typeof program>, created: !existing };
}
