/** One tenant that cannot be computed (its database binding gone from the configuration) does not stop the others. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { defaultYear } from '../../../src/modules/national/summary';
import { createTenant, uniqueSlug } from '../../support/factories';
import { nationalSummary, refresh, runScheduled } from './helpers';

describe('refresh with a broken tenant', () => {
  it('computes the others and keeps the broken one due', async () => {
    const year = defaultYear();
    const t = await createTenant();
    const gone = uniqueSlug('gone');
    await env.DB.prepare(
      `insert into tenants (id, slug, name, kind, region_code, time_zone, jp_target, database, manifest_hash, version, created_at, updated_at)
       values (?, ?, 'Kabupaten Hilang', 'kabupaten', '99.99', 'Asia/Jakarta', 20, 'DB_GONE', 'x', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`,
    )
      .bind(`ten_${gone}`, gone)
      .run();

    await runScheduled();
    const res = await refresh(t.nationalToken, `?year=${year}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ refreshed: [], failed: [gone], remaining: 1 });
    const summary = await nationalSummary(t.nationalToken, year);
    const status = Object.fromEntries(summary.body.tenants.map((x) => [x.slug, x.status]));
    expect(status).toEqual({ [t.slug]: 'computed', [gone]: 'not_computed' });
  });
});
