/**
 * Retiring and reinstating national competencies and programs: the row takes no new use and leaves
 * the default lists, or comes back (modules/competencies dictionary/retire.ts says what that
 * means). Written to every database like any national change: one update per database that moves
 * the version and the date only where the state changes, its national audit row in the same batch,
 * so a repeat or a retry after a partial failure converges and audits nothing twice. `If-Match` is
 * optional, as for the PUT. Never touches a tenant's rows, nor what already uses the national one.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { competencies, nationalTenant, programs, providers } from '../../db/schema';
import { nationalAuditIfChanged } from '../../platform/audit/audit';
import type { Call, NationalContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { staleWrite } from '../../platform/http/etag';
import { nowIso } from '../../platform/ids';
import { type ProgramRow, programColumns, shapePrograms, withProvider } from '../catalog';
import { publicCompetency } from '../competencies';
import { databases, primary } from './databases';
import { nationalId } from './dictionary';
import { nationalProgramId } from './programs';

export interface RetireInput {
  code: string;
  /** true retires, false reinstates. */
  retire: boolean;
  expectedVersion?: number | undefined;
}

async function nationalCompetency(ctx: NationalContext, id: string) {
  const [row] = await primary(ctx)
    .select()
    .from(competencies)
    .where(and(eq(competencies.tenantId, nationalTenant), eq(competencies.id, id)))
    .limit(1);
  return row;
}

export async function setCompetencyRetired({ ctx, input: { code, retire, expectedVersion } }: Call<NationalContext, RetireInput>) {
  const id = nationalId(code);
  const existing = await nationalCompetency(ctx, id);
  if (!existing) throw notFound('national competency');
  if (expectedVersion !== undefined && existing.version !== expectedVersion) throw staleWrite();
  const now = nowIso();
  const action = retire ? 'competency.national.retire' : 'competency.national.reinstate';
  for (const db of databases(ctx)) {
    const change = db
      .update(competencies)
      .set({ retiredAt: retire ? now : null, version: sql`${competencies.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(competencies.tenantId, nationalTenant),
          eq(competencies.id, id),
          retire ? isNull(competencies.retiredAt) : isNotNull(competencies.retiredAt),
        ),
      );
    await db.batch([change, nationalAuditIfChanged(db, ctx, action, 'competency', id)]);
  }
  const row = await nationalCompetency(ctx, id);
  if (!row) throw new Error('the national competency vanished after it was written');
  return publicCompetency(row);
}

async function nationalProgram(ctx: NationalContext, id: string) {
  const rows = await primary(ctx)
    .select(programColumns)
    .from(programs)
    .leftJoin(providers, withProvider)
    .where(and(eq(programs.tenantId, nationalTenant), eq(programs.id, id)))
    .limit(1);
  const [program] = await shapePrograms(primary(ctx), nationalTenant, rows as ProgramRow[]);
  return program;
}

export async function setProgramRetired({ ctx, input: { code, retire, expectedVersion } }: Call<NationalContext, RetireInput>) {
  const id = nationalProgramId(code);
  const existing = await nationalProgram(ctx, id);
  if (!existing) throw notFound('national program');
  if (expectedVersion !== undefined && existing.version !== expectedVersion) throw staleWrite();
  const now = nowIso();
  const action = retire ? 'program.national.retire' : 'program.national.reinstate';
  for (const db of databases(ctx)) {
    const change = db
      .update(programs)
      .set({
        status: retire ? 'retired' : 'active',
        retiredAt: retire ? now : null,
        version: sql`${programs.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(programs.tenantId, nationalTenant), eq(programs.id, id), eq(programs.status, retire ? 'active' : 'retired')));
    await db.batch([change, nationalAuditIfChanged(db, ctx, action, 'program', id)]);
  }
  const program = await nationalProgram(ctx, id);
  if (!program) throw new Error('the national program vanished after it was written');
  return program;
}
