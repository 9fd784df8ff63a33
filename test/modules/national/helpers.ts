/** National summary test data: small tenants with people, standards, assessments and JP, all through the API. */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import worker from '../../../src/index';
import { readStored, type StoredFigures } from '../../../src/modules/national/compute';
import { summaryProviders } from '../../../src/modules/national/providers';
import type { RefreshResult } from '../../../src/modules/national/refresh';
import type { ManifestInput } from '../../../src/modules/tenants/manifest';
import { type ApiResponse, api, type Query } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { followJob, jobAnswer } from '../../support/jobs';
import { putStandards } from '../competencies/helpers';
import { createEmployee, orgIds } from '../employees/helpers';

export interface Person {
  unit: string;
  /** Competency code → current level. */
  levels?: Record<string, number>;
  /** JP credits: [jp, ISO instant]. */
  jp?: [number, string][];
}

export interface Seeded {
  t: TestTenant;
  people: { id: string; nip: string; name: string }[];
}

export async function seedTenant(
  overrides: Partial<ManifestInput>,
  standard: { competency: string; requiredLevel: number }[],
  people: Person[],
): Promise<Seeded> {
  const t = await createTenant(overrides);
  const ids = await orgIds(t);
  if (standard.some((s) => s.competency.startsWith('TEK-'))) {
    for (const code of new Set(standard.filter((s) => s.competency.startsWith('TEK-')).map((s) => s.competency))) {
      const res = await api('POST', `/api/v1/tenants/${t.slug}/competencies`, {
        token: t.adminToken,
        body: {
          code,
          name: `Kompetensi ${code}`,
          description: 'Kompetensi teknis',
          levels: ['1', '2', '3', '4', '5'].map((l) => `Tingkat ${l}`),
        },
      });
      expect(res.status, res.text).toBe(201);
    }
  }
  expect((await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, standard)).status).toBe(200);
  const made: Seeded['people'] = [];
  for (const [i, p] of people.entries()) {
    const res = await createEmployee(t, { name: `Wulan Kusumawati ${t.slug} ${i}`, unitId: ids[p.unit] });
    expect(res.status, res.text).toBe(201);
    made.push({ id: res.body.id, nip: res.body.nip, name: res.body.name });
  }
  const items = people.flatMap((p, i) =>
    Object.entries(p.levels ?? {}).map(([competency, level]) => ({
      employeeId: made[i]?.id,
      competency,
      level,
      source: 'supervisor',
      date: '2026-02-10',
    })),
  );
  if (items.length > 0) {
    const res = await api('POST', `/api/v1/tenants/${t.slug}/assessments/bulk`, { token: t.adminToken, body: { items } });
    expect(res.status, res.text).toBe(201);
  }
  for (const [i, p] of people.entries()) {
    for (const [jp, occurredAt] of p.jp ?? []) {
      const res = await api('POST', `/api/v1/tenants/${t.slug}/jp`, {
        token: t.adminToken,
        body: { employeeId: made[i]?.id, jp, source: 'program', occurredAt },
      });
      expect(res.status, res.text).toBe(201);
    }
  }
  return { t, people: made };
}

/**
 * A refresh runs as a national job (202): this follows it and answers the way the request did when
 * it refreshed in place — 200 with the refresh's result, or the job's problem. Other answers (400,
 * 403, 404 at once) are returned as they are.
 */
export async function refresh(token: string, query: Query = ''): Promise<ApiResponse<RefreshResult>> {
  const res = await api('POST', `/api/v1/national/summary/refresh${query}`, { token });
  if (res.status !== 202) return { ...res, body: res.body as unknown as RefreshResult };
  const job = await followJob<RefreshResult>(res, token);
  return jobAnswer(res, job, 200);
}
export const nationalSummary = (token: string, year = 2026) => api('GET', `/api/v1/national/summary?year=${year}`, { token });
export const byUnit = (token: string, slug: string, year = 2026) =>
  api('GET', `/api/v1/national/tenants/${slug}/summary?year=${year}`, { token });

/** Runs the Worker's cron handler the way the runtime does. */
export async function runScheduled(at = Date.now()): Promise<void> {
  const controller = { scheduledTime: at, cron: '23 * * * *', noRetry: () => undefined } as ScheduledController;
  await worker.scheduled(controller, env as never);
}

/** Asserts none of these people's names, NIPs or ids appear anywhere in `text`. */
export function expectNothingPersonal(text: string, seeded: Seeded[]): void {
  for (const s of seeded) {
    for (const p of s.people) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.nip);
      expect(text).not.toContain(p.id);
    }
  }
}

/** A tenant's stored summary rows for a year (what the refresh computed, before disclosure control), by scope. */
export async function storedRows(tenantId: string, year = 2026): Promise<Map<string, { employees: number; figures: StoredFigures }>> {
  const { results } = await env.DB.prepare('select scope, employees, figures from tenant_summaries where tenant_id = ? and year = ?')
    .bind(tenantId, year)
    .all<{ scope: string; employees: number; figures: string }>();
  return new Map(results.map((r) => [r.scope, { employees: r.employees, figures: readStored(r.figures) as StoredFigures }]));
}

/** The true figures of stored parts, rounded as published, null from fewer than 5 people: what the hand computations check. */
export function exactFigures(stored: StoredFigures): Record<string, { value: number | null; people: number }> {
  return Object.fromEntries(
    summaryProviders.map((p) => {
      const [sum, count, people] = stored[p.name] ?? [0, 0, 0];
      const places = p.kind === 'share' ? 4 : 2;
      const value = people < 5 ? null : p.kind === 'total' ? sum : Math.round((sum / count) * 10 ** places) / 10 ** places;
      return [p.name, { value, people }];
    }),
  );
}
