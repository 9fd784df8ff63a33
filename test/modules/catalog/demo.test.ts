/** The demo catalog loader, run against the Worker itself: it loads, and a second run changes nothing. */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { catalogLoader } from '../../../scripts/demo/catalog';
import worker from '../../../src/index';
import { api } from '../../support/api';
import { createTenant } from '../../support/factories';
import { employees } from './helpers';

afterEach(() => vi.unstubAllGlobals());

describe('demo catalog', () => {
  it('loads providers, programs, offerings and enrollments, credits JP, and is safe to run again', { timeout: 120_000 }, async () => {
    const t = await createTenant();
    await employees(t, 40);
    vi.stubGlobal('fetch', async (input: URL | string, init?: RequestInit) => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(new Request(input, init) as Parameters<typeof worker.fetch>[0], env, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    });
    const demo = { url: 'https://bangkom.test', slug: t.slug, adminToken: t.adminToken, nationalToken: t.nationalToken };
    const first = await catalogLoader.load(demo);
    expect(first).toMatch(/15 programs visible, 6 offerings, \d+ enrollments, \d+ completed/);
    const count = () =>
      env.DB.prepare(
        'select (select count(*) from enrollments where tenant_id = ?1) as e, (select count(*) from jp_entries where tenant_id = ?1) as jp, (select count(*) from programs where tenant_id = ?1) as p',
      )
        .bind(t.id)
        .first();
    const before = await count();
    expect(before).toMatchObject({ p: 11 });
    expect((before as { jp: number }).jp).toBeGreaterThan(0);
    expect(await catalogLoader.load(demo)).toBe('15 programs visible, offerings already present');
    expect(await count()).toEqual(before);
    vi.unstubAllGlobals();
    const completed = await api('GET', `/api/v1/tenants/${t.slug}/offerings?status=completed`, { token: t.adminToken });
    expect(completed.body.items).toHaveLength(3);
  });
});
