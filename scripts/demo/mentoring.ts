/**
 * Demo mentoring and coaching for `npm start`, through the API: mentor profiles, pairings in every
 * state (proposed, active, completed, cancelled — declined and ended), coaching with supervisors,
 * sessions with notes and action items (confirmed by the other member, but for the last one of an
 * active pairing), and goals. Deterministic: people are chosen by NIP order
 * from the imported registry, mentors by the suggestions endpoint. Runs once per tenant: when the
 * tenant already has pairings it leaves them as they are.
 */
import { mintToken } from '../lib/dev-keys';
import type { DemoContext, DemoLoader } from './index';

interface Employee {
  id: string;
  nip: string;
  unitId: string;
  supervisorId: string | null;
  status: string;
}

const offered = [
  ['natcmp_integritas', 'natcmp_pelayanan-publik'],
  ['natcmp_komunikasi', 'natcmp_kerja-sama'],
  ['natcmp_pengambilan-keputusan', 'natcmp_mengelola-perubahan'],
  ['natcmp_orientasi-hasil', 'natcmp_pengembangan-diri'],
];
const availability = ['Selasa dan Kamis, 13.00–15.00', 'Senin pagi, 08.00–10.00', 'Rabu sore, daring lewat Zoom', 'Jumat, 09.00–11.00'];
const goals = [
  'Menyusun SOP pelayanan yang baru',
  'Memimpin rapat koordinasi bidang',
  'Menyelesaikan laporan kinerja triwulan',
  'Membuat rencana pengembangan diri',
];
const notes = [
  'Membahas tantangan pelayanan di loket dan cara menangani keluhan masyarakat.',
  'Latihan menyusun telaahan staf; mentee membawa draf untuk ditinjau.',
  'Diskusi pembagian tugas tim dan komunikasi dengan unit lain.',
];

async function call<T>(
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
  return { status: res.status, body: (await res.json()) as T };
}

async function must<T>(ctx: DemoContext, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await call<T>(ctx, token, method, path, body);
  if (res.status >= 300) throw new Error(`demo mentoring ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function employeesOf(ctx: DemoContext): Promise<Employee[]> {
  const all: Employee[] = [];
  let cursor: string | null = null;
  do {
    const q: string = cursor ? `&cursor=${cursor}` : '';
    const page: { items: Employee[]; nextCursor: string | null } = await must(
      ctx,
      ctx.adminToken,
      'GET',
      `/employees?status=active&limit=500${q}`,
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all.sort((a, b) => a.nip.localeCompare(b.nip));
}

export const mentoringLoader: DemoLoader = {
  name: 'mentoring',
  async load(ctx) {
    const existing = await must<{ items: unknown[] }>(ctx, ctx.adminToken, 'GET', '/pairings?limit=1');
    if (existing.items.length > 0) return 'already loaded';
    const people = await employeesOf(ctx);
    if (people.length < 40) return 'skipped: too few employees';
    const tokens = new Map<string, string>();
    const tokenOf = async (id: string) => {
      if (!tokens.has(id)) tokens.set(id, await mintToken({ role: 'employee', tenant: ctx.slug, employeeId: id, ttl: '1h' }));
      return tokens.get(id) as string;
    };
    const admin = ctx.adminToken;

    // Mentors: every 20th employee with a supervisor (seasoned staff, not the very top).
    const mentors = people.filter((e, i) => e.supervisorId && i % 20 === 7).slice(0, 12);
    for (const [k, m] of mentors.entries()) {
      await must(ctx, admin, 'POST', '/mentors', {
        employeeId: m.id,
        capacity: 2 + (k % 3),
        competencies: offered[k % offered.length],
        availability: availability[k % availability.length],
        status: k === 11 ? 'paused' : 'active',
      });
    }
    const mentorIds = new Set(mentors.map((m) => m.id));
    const mentees = people.filter((e, i) => !mentorIds.has(e.id) && e.supervisorId && i % 20 === 13).slice(0, 10);

    // The lifecycle each mentee's pairing goes through, in order.
    const plan = [
      'proposed',
      'active',
      'completed',
      'declined',
      'cancelled',
      'active',
      'completed',
      'proposed',
      'active',
      'completed',
    ] as const;
    const tally: Record<string, number> = {};
    for (const [k, mentee] of mentees.entries()) {
      const suggestions = await must<{ items: { mentorId: string }[] }>(
        ctx,
        admin,
        'GET',
        `/pairings/suggestions?mentee=${mentee.id}&limit=1`,
      );
      const mentorId = suggestions.items[0]?.mentorId;
      if (!mentorId) continue;
      const pairing = await must<{ id: string }>(ctx, admin, 'POST', '/pairings', {
        kind: 'mentoring',
        mentorId,
        menteeId: mentee.id,
        focus: offered[k % offered.length]?.slice(0, 1),
        goals: [{ title: goals[k % goals.length], dueDate: '2026-12-15' }],
      });
      const fate = plan[k] ?? 'proposed';
      const mentorToken = await tokenOf(mentorId);
      const menteeToken = await tokenOf(mentee.id);
      if (fate === 'declined')
        await must(ctx, mentorToken, 'POST', `/pairings/${pairing.id}/decline`, {
          reason: 'Sedang menyelesaikan tugas belajar semester ini',
        });
      if (fate === 'active' || fate === 'completed' || fate === 'cancelled') {
        await must(ctx, mentorToken, 'POST', `/pairings/${pairing.id}/accept`);
        const count = 1 + (k % 3);
        for (let s = 0; s < count; s++) {
          const [recorder, other] = s % 2 ? [menteeToken, mentorToken] : [mentorToken, menteeToken];
          const session = await must<{ id: string }>(ctx, recorder, 'POST', `/pairings/${pairing.id}/sessions`, {
            date: `2026-0${3 + s}-1${k % 10}`,
            minutes: 60 + 30 * ((k + s) % 3),
            notes: notes[(k + s) % notes.length],
            actionItems: ['Menyusun draf', 'Konsultasi dengan atasan'].slice(0, 1 + (s % 2)),
          });
          // The other member confirms; an active pairing's last session still waits for it.
          if (fate !== 'active' || s < count - 1) await must(ctx, other, 'POST', `/pairings/${pairing.id}/sessions/${session.id}/confirm`);
        }
        await must(ctx, menteeToken, 'POST', `/pairings/${pairing.id}/goals`, {
          title: 'Berbagi hasil belajar di rapat bidang',
          dueDate: '2026-11-30',
        });
      }
      if (fate === 'completed')
        await must(ctx, menteeToken, 'POST', `/pairings/${pairing.id}/end`, { outcome: 'completed', reason: 'Tujuan mentoring tercapai' });
      if (fate === 'cancelled')
        await must(ctx, admin, 'POST', `/pairings/${pairing.id}/end`, { outcome: 'cancelled', reason: 'Mentee dimutasi ke OPD lain' });
      tally[fate] = (tally[fate] ?? 0) + 1;
    }

    // Coaching: three staff with their own supervisors, one already under way.
    const coached = people.filter((e, i) => e.supervisorId && !mentorIds.has(e.id) && i % 20 === 3).slice(0, 3);
    for (const [k, e] of coached.entries()) {
      const pairing = await must<{ id: string }>(ctx, admin, 'POST', '/pairings', {
        kind: 'coaching',
        mentorId: e.supervisorId,
        menteeId: e.id,
        goals: [{ title: 'Meningkatkan kualitas laporan harian' }],
      });
      if (k === 0) {
        await must(ctx, await tokenOf(e.supervisorId as string), 'POST', `/pairings/${pairing.id}/accept`);
        await must(ctx, await tokenOf(e.id), 'POST', `/pairings/${pairing.id}/sessions`, {
          date: '2026-04-02',
          minutes: 45,
          notes: 'Umpan balik atas laporan bulan Maret.',
          actionItems: ['Perbaiki format tabel'],
        });
      }
    }
    const states = Object.entries(tally)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    return `${mentors.length} mentor profiles, mentoring pairings: ${states}; ${coached.length} coaching pairings`;
  },
};
