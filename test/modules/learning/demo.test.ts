/** The demo learning loader, run against the Worker itself: reports in every state, one sent to SIASN; a second run changes nothing. */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { learningLoader } from '../../../scripts/demo/learning';
import worker from '../../../src/index';
import { api } from '../../support/api';
import { createTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';
import { employees } from '../catalog/helpers';

// The loader mints employee tokens with the local dev keys (Node files); here the test keys do.
vi.mock('../../../scripts/lib/dev-keys', () => ({
  mintToken: ({ tenant, employeeId }: { tenant: string; employeeId: string }) => tokenFor('employee', { tenant, employeeId }),
}));

afterEach(() => vi.unstubAllGlobals());

describe('demo learning records', () => {
  it('loads reports in each state with evidence, approves by the rules, marks one sent, and is safe to run again', {
    timeout: 120_000,
  }, async () => {
    const t = await createTenant();
    await employees(t, 30);
    vi.stubGlobal('fetch', async (input: URL | string, init?: RequestInit) => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(new Request(input, init) as Parameters<typeof worker.fetch>[0], env, ctx);
      await waitOnExecutionContext(ctx);
      return res;
    });
    const demo = { url: 'https://bangkom.test', slug: t.slug, adminToken: t.adminToken, nationalToken: t.nationalToken };
    expect(await learningLoader.load(demo)).toMatch(
      /^\d+ diajukan, \d+ disetujui, \d+ ditolak, \d+ ditarik reports; 1 marked sent to SIASN$/,
    );
    const states = await env.DB.prepare(
      'select status, count(*) as n from learning_reports where tenant_id = ? group by status order by status',
    )
      .bind(t.id)
      .all<{ status: string; n: number }>();
    expect(states.results.map((r) => r.status)).toEqual(['diajukan', 'disetujui', 'ditarik', 'ditolak']);
    expect(await learningLoader.load(demo)).toBe('already loaded');
    vi.unstubAllGlobals();
    const siasn = await api('GET', `/api/v1/tenants/${t.slug}/siasn/riwayat.json`, { token: t.adminToken });
    expect(siasn.body.items.length).toBeGreaterThan(0);
    expect(siasn.body.unmapped.length).toBeGreaterThan(0);
    const recap = await api('GET', `/api/v1/tenants/${t.slug}/jp/recap?year=2025`, { token: t.adminToken });
    expect(recap.body.total.totalJp).toBeGreaterThan(0);
  });
});
