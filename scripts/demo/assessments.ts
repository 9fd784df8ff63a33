/**
 * Demo assessments for `npm start` (and the benchmark's large region): most employees assessed in
 * most competencies of their position's standard, levels around the required one, by supervisors,
 * assessment centres and the employees themselves. Recorded through the bulk API, 1,000 at a time.
 * Runs once per tenant: a tenant that already holds assessments is left as it is.
 */
import { readFile } from 'node:fs/promises';
import type { ManifestInput } from '../../src/modules/tenants/manifest';
import type { DemoContext } from './index';
import { hash, prng } from './random';

type Position = NonNullable<ManifestInput['positions']>[number];

export interface AssessedPerson {
  id: string;
  positionCode: string;
}

export interface DemoAssessment {
  employeeId: string;
  competency: string;
  level: number;
  source: 'self' | 'supervisor' | 'assessment_center';
  date: string;
  assessor: string;
}

/** Deterministic assessments: `share` of (employee, standard competency) pairs, levels near the requirement. */
export function demoAssessments(seed: string, positions: Position[], people: AssessedPerson[], share = 0.85): DemoAssessment[] {
  const r = prng(hash(`assessments:${seed}`));
  const standards = new Map(positions.map((p) => [p.code, p.standards ?? []]));
  const out: DemoAssessment[] = [];
  for (const person of people) {
    for (const s of standards.get(person.positionCode) ?? []) {
      if (r.next() >= share) continue;
      const delta = r.weighted<number>([
        [-2, 1],
        [-1, 3],
        [0, 4],
        [1, 2],
      ]);
      const source = r.weighted<DemoAssessment['source']>([
        ['supervisor', 6],
        ['self', 2.5],
        ['assessment_center', 1.5],
      ]);
      out.push({
        employeeId: person.id,
        competency: s.competency,
        level: Math.min(5, Math.max(1, s.requiredLevel + delta)),
        source,
        date: `2026-${String(r.int(1, 10)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
        assessor: source === 'self' ? 'self' : source === 'supervisor' ? 'Atasan langsung' : 'UPT Penilaian Kompetensi',
      });
    }
  }
  return out;
}

/**
 * One API call. A POST carries an `Idempotency-Key`, so when its connection drops before any answer
 * it is sent once more (said on the console): the API answers a repeat with the first answer.
 */
async function call<T>(ctx: DemoContext, method: string, path: string, body?: unknown): Promise<T> {
  const key: Record<string, string> = method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {};
  const send = () =>
    fetch(new URL(path, ctx.url), {
      method,
      headers: { authorization: `Bearer ${ctx.adminToken}`, 'content-type': 'application/json', accept: 'application/json', ...key },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  let res: Response;
  try {
    res = await send();
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    console.warn(`  (sending ${method} ${path} again: ${cause})`);
    res = await send();
  }
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every item of a paginated list, following `nextCursor`. */
export async function listAll<T>(ctx: DemoContext, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { items: T[]; nextCursor: string | null } = await call(
      ctx,
      'GET',
      `${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Records `items` through the bulk endpoint, 1,000 per request; returns how many were recorded. */
export async function recordBulk(ctx: DemoContext, items: DemoAssessment[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < items.length; i += 1000) {
    const res = await call<{ created: number }>(ctx, 'POST', `/api/v1/tenants/${ctx.slug}/assessments/bulk`, {
      items: items.slice(i, i + 1000),
    });
    created += res.created;
  }
  return created;
}

export const assessmentsLoader = {
  name: 'assessments',
  async load(ctx: DemoContext): Promise<string> {
    const base = `/api/v1/tenants/${ctx.slug}`;
    const needs = await call<{ items: { assessed: number }[] }>(ctx, 'GET', `${base}/needs?groupBy=type&priorities=0`);
    const already = needs.items.reduce((n, i) => n + i.assessed, 0);
    if (already > 0) return `${already} assessed pairs already recorded: left as they are`;
    const manifest = JSON.parse(await readFile(new URL(`../../tenants/${ctx.slug}.json`, import.meta.url), 'utf8')) as ManifestInput;
    const positions = await listAll<{ id: string; code: string }>(ctx, `${base}/positions`);
    const codeOf = new Map(positions.map((p) => [p.id, p.code]));
    const people = (await listAll<{ id: string; positionId: string | null }>(ctx, `${base}/employees`)).flatMap((e) => {
      const positionCode = e.positionId ? codeOf.get(e.positionId) : undefined;
      return positionCode ? [{ id: e.id, positionCode }] : [];
    });
    const created = await recordBulk(ctx, demoAssessments(ctx.slug, manifest.positions ?? [], people));
    return `${created} assessments for ${people.length} employees`;
  },
};
