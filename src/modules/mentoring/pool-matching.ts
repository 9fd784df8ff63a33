/**
 * Whole-pool matching as a service: builds the score table for the mentees against the active
 * mentor pool (the same scores as the suggestions; pairs from the mentee's reporting line or
 * without a free slot are not allowed), runs the pure assignment in `assignment.ts`, and returns the
 * proposals. With `publish: true` it also records them as proposed pairings, in one batch; a pair
 * that already has an open pairing is skipped there (the partial unique index decides). Coaching
 * has nothing to optimise: each mentee is proposed to their own supervisor.
 */
import { and, eq, sql } from 'drizzle-orm';
import { employees, pairings } from '../../db/schema';
import { auditIfChanged } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { matchPool } from './assignment';
import { proposedRow } from './pairings';
import type { MatchRequest } from './schemas';
import type { ScoreParts } from './scoring';
import { eligibleScore, loadPool, menteeView } from './suggestions';

const scale = 10_000;

interface Proposal {
  menteeId: string;
  mentorId: string;
  score: number;
  parts: { fit: number; capacity: number; unit: number } | null;
}

async function mentoringProposals(ctx: TenantContext, menteeIds: string[], input: MatchRequest): Promise<Proposal[]> {
  const views = [];
  for (const id of menteeIds) views.push(await menteeView(ctx, id));
  const pool = await loadPool(
    ctx,
    views.flatMap((v) => v.gaps.map((g) => g.competencyId)),
  );
  const table: (ScoreParts | null)[][] = views.map((v) => pool.candidates.map((c) => eligibleScore(v, c, input.unitPreference)));
  const result = matchPool({
    mentees: menteeIds,
    mentors: pool.candidates.map((c) => ({ id: c.employeeId, slots: Math.max(0, c.capacity - c.open) })),
    score: (i, j) => {
      const parts = table[i]?.[j];
      return parts ? Math.round(parts.score * scale) : null;
    },
  });
  return result.pairs.map((p) => {
    const i = menteeIds.indexOf(p.mentee);
    const j = pool.candidates.findIndex((c) => c.employeeId === p.mentor);
    const parts = table[i]?.[j] as ScoreParts;
    return {
      menteeId: p.mentee,
      mentorId: p.mentor,
      score: p.score / scale,
      parts: { fit: parts.fit, capacity: parts.capacity, unit: parts.unit },
    };
  });
}

async function coachingProposals(ctx: TenantContext, menteeIds: string[]): Promise<Proposal[]> {
  const rows = await ctx.db
    .select({ id: employees.id, supervisorId: employees.supervisorId })
    .from(employees)
    .where(and(eq(employees.status, 'active'), sql`${employees.id} in (select value from json_each(${JSON.stringify(menteeIds)}))`));
  return rows.flatMap((r) => (r.supervisorId ? [{ menteeId: r.id, mentorId: r.supervisorId, score: 0, parts: null }] : []));
}

export async function matchMentees({ ctx, input }: Call<TenantContext, MatchRequest>) {
  const menteeIds = [...new Set(input.mentees)];
  const known = await ctx.db
    .select({ id: employees.id })
    .from(employees)
    .where(and(eq(employees.status, 'active'), sql`${employees.id} in (select value from json_each(${JSON.stringify(menteeIds)}))`));
  const present = new Set(known.map((k) => k.id));
  const missing = input.mentees.flatMap((id, i) =>
    present.has(id) ? [] : [{ path: `body.mentees.${i}`, message: 'no such active employee in this tenant' }],
  );
  if (missing.length > 0) throw new DomainError('unprocessable', 'Unknown mentees.', missing);

  const proposals = input.kind === 'coaching' ? await coachingProposals(ctx, menteeIds) : await mentoringProposals(ctx, menteeIds, input);
  const ids = new Map<string, string>();
  if (input.publish && proposals.length > 0) {
    const now = nowIso();
    const statements: Statement[] = [];
    const rows = proposals.map((p) => proposedRow(ctx, { kind: input.kind, mentorId: p.mentorId, menteeId: p.menteeId, focus: [] }, now));
    for (const row of rows) {
      statements.push(ctx.db.insert(pairings).values(row).onConflictDoNothing());
      statements.push(auditIfInserted(ctx, row.id));
    }
    await ctx.db.write(statements);
    const stored = await ctx.db
      .select({ id: pairings.id })
      .from(pairings)
      .where(sql`${pairings.id} in (select value from json_each(${JSON.stringify(rows.map((r) => r.id))}))`);
    const made = new Set(stored.map((s) => s.id));
    for (const row of rows) if (made.has(row.id)) ids.set(row.menteeId, row.id);
  }
  const matched = new Set(proposals.map((p) => p.menteeId));
  return {
    kind: input.kind,
    totalScore: Math.round(proposals.reduce((sum, p) => sum + p.score * scale, 0)) / scale,
    proposals: proposals.map((p) => ({ ...p, pairingId: ids.get(p.menteeId) ?? null })),
    unmatched: menteeIds.filter((id) => !matched.has(id)),
    published: input.publish,
  };
}

const auditIfInserted = (ctx: TenantContext, id: string) => auditIfChanged(ctx, 'pairing.propose', 'pairing', id);
