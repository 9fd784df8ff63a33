/**
 * The national summary's cost grows with tenants, never with employees: rows read (Server-Timing)
 * stay the same when a tenant gains 200 employees.
 */
import { describe, expect, it } from 'vitest';
import { defaultYear } from '../../../src/modules/national/summary';
import { createTenant } from '../../support/factories';
import { csvOf, importCsv, people } from '../employees/helpers';
import { byUnit, nationalSummary, refresh } from './helpers';

describe('national summary cost', () => {
  it('reads the same rows after a tenant gains 200 employees', async () => {
    const year = defaultYear();
    const big = await createTenant();
    const other = await createTenant({ database: 'DB_DEDICATED' });
    expect((await importCsv(big, csvOf(people(3)))).body.created).toBe(3);
    expect((await refresh(big.nationalToken, `?year=${year}`)).body.remaining).toBe(0);
    const before = await nationalSummary(big.nationalToken, year);
    const unitsBefore = await byUnit(big.nationalToken, big.slug, year);
    expect(before.body.tenants.find((t) => t.slug === big.slug)?.employees).toBe(3);

    expect((await importCsv(big, csvOf(people(200, 3)))).body.created).toBe(200);
    const refreshed = await refresh(big.nationalToken, `?year=${year}`);
    expect(refreshed.body.refreshed.map((r) => r.tenant)).toEqual([big.slug]);
    const after = await nationalSummary(big.nationalToken, year);
    const unitsAfter = await byUnit(big.nationalToken, big.slug, year);
    expect(after.body.tenants.find((t) => t.slug === big.slug)?.employees).toBe(203);
    expect(after.body.tenants.find((t) => t.slug === other.slug)?.status).toBe('computed');

    expect(after.cost.rowsRead).toBe(before.cost.rowsRead);
    expect(after.cost.queries).toBe(1);
    // One directory row and one summary row per tenant.
    expect(after.cost.rowsRead).toBeLessThanOrEqual(2 * 2 + 2);
    expect(unitsAfter.cost.rowsRead).toBe(unitsBefore.cost.rowsRead);
    console.info(`national summary over 2 tenants: ${after.cost.rowsRead} rows read, before and after one gained 200 employees`);
  });
});
