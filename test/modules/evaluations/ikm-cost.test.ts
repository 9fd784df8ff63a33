/** The IKM report's D1 cost: the period's responses of this tenant and its units, nothing else. */
import { describe, expect, it } from 'vitest';
import { createTenant } from '../../support/factories';
import { orgIds } from '../employees/helpers';
import { ikmReport, recorded, responsesWithTotal } from './helpers';

describe('IKM report cost', () => {
  it('reads about one row per response of the period, whatever other periods and tenants hold', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    await recorded(t, [...responsesWithTotal(ids.DINKES as string, 120, 3240), ...responsesWithTotal(ids.DISDUKCAPIL as string, 80, 2160)]);
    const first = await ikmReport(t, '?period=2026-S1');
    expect(first.body.tenant?.responses).toBe(200);
    console.info(`IKM report over 200 responses: ${first.cost.rowsRead} rows read in ${first.cost.queries} query`);
    expect(first.cost.queries).toBe(1);
    // The responses, plus about one index step past each period inside 2026-S1 (nine of them).
    expect(first.cost.rowsRead).toBeLessThanOrEqual(200 + 20);

    // Another period of this tenant and another tenant grow (800 responses); this report barely moves.
    await recorded(t, responsesWithTotal(ids.DINKES as string, 300, 8100, '2026-S2', '2026-08-01'));
    const other = await createTenant();
    await recorded(other, responsesWithTotal((await orgIds(other)).DINKES as string, 500, 13500));
    const again = await ikmReport(t, '?period=2026-S1');
    // At most the index's step past the range's end: never the 800 rows added elsewhere.
    expect(again.cost.rowsRead - first.cost.rowsRead).toBeLessThanOrEqual(5);
  });
});
