/**
 * Demo Kirkpatrick evaluations for `npm start`: for the completed offerings the catalog loader
 * made, most participants answer L1, the admin records pre/post tests where the program has tests,
 * supervisors rate L3 once it is open; members of completed pairings give feedback, some mentees
 * with a self-assessment. Deterministic (picks by position) and through the API with each
 * person's own token; safe on every start, since every answer is given once (409 is "already
 * there") and scores are upserts.
 */
import { mintToken } from '../lib/dev-keys';
import type { DemoContext } from './index';

type Json = Record<string, unknown>;

async function call<T = Json>(
  ctx: DemoContext,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(new URL(`/api/v1/tenants/${ctx.slug}${path}`, ctx.url), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const parsed = (await res.json()) as T;
  // 409: given before (or L3 not open yet) — the loader runs on every start.
  if (res.status >= 400 && res.status !== 409)
    throw new Error(`demo evaluations ${method} ${path}: ${res.status} ${JSON.stringify(parsed)}`);
  return { status: res.status, body: parsed };
}

const comments = [
  'Materi sangat relevan dengan tugas sehari-hari.',
  'Fasilitator menguasai materi, waktu praktik kurang.',
  'Sarana kelas perlu diperbaiki.',
  null,
  'Bermanfaat untuk pelayanan di loket.',
];
const behaviourNotes = [
  'Lebih tertib menyusun laporan bulanan.',
  'Mulai menerapkan standar pelayanan di unit.',
  'Belum terlihat perubahan berarti.',
  'Aktif berbagi hasil pelatihan ke rekan kerja.',
];
const likert = (k: number, shift: number) => Math.min(5, Math.max(1, 3 + ((k * 7 + shift * 3) % 3)));

export const evaluationLevelsLoader = {
  name: 'evaluation-levels',
  async load(ctx: DemoContext): Promise<string> {
    const admin = ctx.adminToken;
    const tokens = new Map<string, string>();
    const tokenOf = async (id: string) => {
      if (!tokens.has(id)) tokens.set(id, await mintToken({ role: 'employee', tenant: ctx.slug, employeeId: id, ttl: '1h' }));
      return tokens.get(id) as string;
    };
    const offerings = (
      await call<{ items: { id: string; programId: string }[] }>(ctx, admin, 'GET', '/offerings?status=completed&limit=500')
    ).body.items;
    let l1 = 0;
    let l2 = 0;
    let l3 = 0;
    for (const offering of offerings) {
      const program = (await call<{ hasTests: boolean }>(ctx, admin, 'GET', `/programs/${offering.programId}`)).body;
      const done = (
        await call<{ items: { id: string; employeeId: string }[] }>(
          ctx,
          admin,
          'GET',
          `/offerings/${offering.id}/enrollments?status=completed&limit=500`,
        )
      ).body.items;
      for (const [k, e] of done.entries()) {
        if (k % 5 === 3) continue; // not everyone answers
        const answers = {
          materi: likert(k, 0),
          fasilitator: likert(k, 1),
          metode: likert(k, 2),
          sarana: Math.max(1, likert(k, 3) - (k % 2)),
          manfaat: likert(k, 4),
          waktu: likert(k, 5),
        };
        const res = await call(ctx, await tokenOf(e.employeeId), 'POST', `/enrollments/${e.id}/reaction`, {
          answers,
          comment: comments[k % comments.length],
        });
        if (res.status === 201) l1++;
      }
      if (program.hasTests && done.length > 0) {
        const scores = done.map((e, k) => {
          const pre = 35 + ((k * 13) % 40);
          return { enrollmentId: e.id, pre, post: Math.min(100, pre + 10 + ((k * 7) % 25)) };
        });
        await call(ctx, admin, 'PUT', `/offerings/${offering.id}/test-scores`, { scores });
        l2 += scores.length;
      }
      for (const [k, e] of done.entries()) {
        if (k % 2 === 1) continue;
        const person = (await call<{ supervisorId: string | null }>(ctx, admin, 'GET', `/employees/${e.employeeId}`)).body;
        if (!person.supervisorId) continue;
        const res = await call(ctx, await tokenOf(person.supervisorId), 'POST', `/enrollments/${e.id}/behaviour`, {
          rating: 3 + (k % 3),
          comment: behaviourNotes[k % behaviourNotes.length],
        });
        if (res.status === 201) l3++;
      }
    }
    const pairings = (
      await call<{ items: { id: string; mentorId: string; menteeId: string; focus: string[] }[] }>(
        ctx,
        admin,
        'GET',
        '/pairings?status=completed&limit=500',
      )
    ).body.items;
    let feedback = 0;
    for (const [k, p] of pairings.entries()) {
      const mentor = await call(ctx, await tokenOf(p.mentorId), 'POST', `/pairings/${p.id}/feedback`, {
        rating: 4 + (k % 2),
        comment: 'Mentee aktif dan menyelesaikan rencana aksi.',
      });
      const self = k % 3 === 0 && p.focus[0] ? [{ competency: p.focus[0], level: 3 }] : [];
      const mentee = await call(ctx, await tokenOf(p.menteeId), 'POST', `/pairings/${p.id}/feedback`, {
        rating: 5 - (k % 2),
        comment: 'Sesi mentoring membantu memahami tugas.',
        assessments: self,
      });
      feedback += Number(mentor.status === 201) + Number(mentee.status === 201);
    }
    return `${l1} L1 answers, ${l2} L2 scores, ${l3} L3 ratings over ${offerings.length} completed offerings; ${feedback} mentoring feedback`;
  },
};
