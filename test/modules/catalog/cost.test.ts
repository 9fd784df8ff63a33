/**
 * Catalog reads cost their own tenant's rows (and the national ones): the program list and an
 * employee's recommendations read no more when another tenant adds programs, offerings and people.
 */
import { describe, expect, it } from 'vitest';
import { type ApiResponse, api } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { createOffering, createProgram, employees, enroll } from './helpers';

async function costs(t: TestTenant, employeeId: string): Promise<ApiResponse['cost'][]> {
  await api('GET', `/api/v1/tenants/${t.slug}`, { token: t.adminToken });
  const out: ApiResponse['cost'][] = [];
  for (const path of ['programs?limit=50', `employees/${employeeId}/recommendations`, 'offerings']) {
    const res = await api('GET', `/api/v1/tenants/${t.slug}/${path}`, { token: t.adminToken });
    expect(res.status, res.text).toBe(200);
    out.push(res.cost);
  }
  return out;
}

describe('catalog cost', () => {
  it('does not grow with another tenant’s catalog', { timeout: 120_000 }, async () => {
    const small = await createTenant();
    await createProgram(small, { targets: [{ competency: 'INTEGRITAS', expectedGain: 1 }] });
    const [person] = await employees(small, 1);
    const big = await createTenant();
    const before = await costs(small, person as string);
    const people = await employees(big, 10);
    for (let i = 0; i < 30; i++) {
      const p = await createProgram(big, {
        targets: [
          { competency: 'INTEGRITAS', expectedGain: 1 },
          { competency: 'KOMUNIKASI', expectedGain: 2 },
        ],
      });
      if (i % 3 === 0) await enroll(big, (await createOffering(big, p.id)).id, people);
    }
    const after = await costs(small, person as string);
    before.forEach((cost, i) => {
      expect(after[i]?.queries).toBe(cost.queries);
      // One index entry past the end of a range may belong to the other tenant (ids are random).
      expect((after[i]?.rowsRead ?? Infinity) - cost.rowsRead).toBeLessThanOrEqual(6);
    });
    console.info(
      `catalog reads of a small tenant: ${before.map((c) => c.rowsRead).join(', ')} rows; the other holds 30 programs, 10 offerings, 100 enrollments`,
    );
  });
});
