/**
 * The needs report's cost belongs to its own tenant: rows read (from Server-Timing) do not grow
 * with another tenant's employees, standards and assessments.
 */
import { describe, expect, it } from 'vitest';
import { type ApiResponse, api } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { createEmployee, csvOf, importCsv, orgIds, people } from '../employees/helpers';
import { putStandards } from './helpers';

const standards = [
  { competency: 'INTEGRITAS', requiredLevel: 3, weight: 2 },
  { competency: 'KOMUNIKASI', requiredLevel: 4, weight: 1 },
];

async function assessAll(t: TestTenant, ids: string[]): Promise<void> {
  const items = ids.flatMap((employeeId, i) => [
    { employeeId, competency: 'INTEGRITAS', level: 1 + (i % 5), source: 'supervisor', date: '2026-03-01' },
    { employeeId, competency: 'KOMUNIKASI', level: 1 + ((i + 2) % 5), source: 'self', date: '2026-03-02' },
  ]);
  for (let i = 0; i < items.length; i += 1000) {
    const res = await api('POST', `/api/v1/tenants/${t.slug}/assessments/bulk`, {
      token: t.adminToken,
      body: { items: items.slice(i, i + 1000) },
    });
    expect(res.status, res.text).toBe(201);
  }
}

/** Each call asks a question not asked before (`priorities`), so the report is computed, not served from its snapshot. */
const costs = async (t: TestTenant, priorities: number) => {
  // The directory entry is cached for 30 s; a slow run could cross that between the two
  // measurements. Reading the tenant first makes both measure the report alone.
  await api('GET', `/api/v1/tenants/${t.slug}`, { token: t.adminToken });
  const out: Record<string, ApiResponse['cost']> = {};
  for (const groupBy of ['unit', 'position', 'competency', 'type']) {
    const res = await api('GET', `/api/v1/tenants/${t.slug}/needs?groupBy=${groupBy}&priorities=${priorities}`, { token: t.adminToken });
    expect(res.status, res.text).toBe(200);
    out[groupBy] = res.cost;
  }
  return out;
};

describe('needs report cost', () => {
  it('does not change when another tenant grows', async () => {
    const small = await createTenant();
    const smallIds = await orgIds(small);
    expect((await putStandards(small, smallIds['ANALIS-KEBIJAKAN'] as string, standards)).status).toBe(200);
    const mine = [(await createEmployee(small)).body.id, (await createEmployee(small)).body.id, (await createEmployee(small)).body.id];
    await assessAll(small, mine);
    const big = await createTenant();
    const bigIds = await orgIds(big);
    expect((await putStandards(big, bigIds['ANALIS-KEBIJAKAN'] as string, standards)).status).toBe(200);
    const before = await costs(small, 10);

    expect((await importCsv(big, csvOf(people(400)))).body.created).toBe(400);
    const list = await api('GET', `/api/v1/tenants/${big.slug}/employees?limit=500`, { token: big.adminToken });
    await assessAll(
      big,
      list.body.items.map((e) => e.id),
    );

    const after = await costs(small, 11);
    // A range scan on an index starting with tenant_id reads one entry past its end, which may
    // now be the other tenant's (ids are random): at most one row per range, whatever that tenant
    // holds. Its 400 employees and 800 assessments must not show up.
    for (const [groupBy, cost] of Object.entries(before)) {
      expect(after[groupBy]?.queries).toBe(cost.queries);
      expect((after[groupBy]?.rowsRead ?? Infinity) - cost.rowsRead, groupBy).toBeLessThanOrEqual(10);
    }
    for (const cost of Object.values(before)) expect(cost.queries).toBe(3); // snapshot check, groups and priorities in one batch, snapshot stored
    console.info(
      `needs report on 3 employees: ${before.unit?.rowsRead} rows read; the other tenant holds 400 employees and 800 assessments`,
    );
  });
});
