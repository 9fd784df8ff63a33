/** The demo plan loader, run against the Worker itself: a draft for kalianda, once. */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { plansLoader } from '../../../scripts/demo/plans';
import worker from '../../../src/index';
import { api } from '../../support/api';
import { createTenant } from '../../support/factories';

afterEach(() => vi.unstubAllGlobals());

describe('demo plan', () => {
  it('makes one draft plan for kalianda and keeps it on the next start', async () => {
    const t = await createTenant({ slug: 'kalianda' });
    vi.stubGlobal('fetch', async (input: URL | string, init?: RequestInit) => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(new Request(input, init) as Parameters<typeof worker.fetch>[0], env, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    });
    const demo = { url: 'https://bangkom.test', slug: t.slug, adminToken: t.adminToken, nationalToken: t.nationalToken };
    expect(await plansLoader.load(demo)).toMatch(/^draft plan 2027: \d+ lines, Rp [\d.]+ of Rp 150\.000\.000/);
    expect(await plansLoader.load(demo)).toBe('draft plan 2027 already present');
    expect(await plansLoader.load({ ...demo, slug: 'jambi' })).toBe('no demo plan for this tenant');
    vi.unstubAllGlobals();
    const list = await api('GET', `/api/v1/tenants/${t.slug}/plans`, { token: t.adminToken });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ year: 2027, status: 'draft' });
  });
});
