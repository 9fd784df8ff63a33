/**
 * The running totals the database keeps for the needs report (triggers, migration
 * needs_triggers) must give exactly the report computed from the pairs themselves — after every
 * kind of write that changes pairs: registry import, assessments up and down, moves, deactivation,
 * standards added, reweighted and removed, a national competency changing type.
 */

import { describe, expect, it } from 'vitest';
import { prng } from '../../../scripts/demo/random';
import { needsFromPairs } from '../../../src/modules/competencies/needs/pairs';
import { groupings, type NeedsFilters } from '../../../src/modules/competencies/needs/shared';
import { needsFromTotals } from '../../../src/modules/competencies/needs/totals';
import type { TenantContext } from '../../../src/platform/context';
import { api } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant, type TestTenant } from '../../support/factories';
import { csvOf, importCsv, orgIds, people } from '../employees/helpers';
import { levels as levelTexts, putStandards } from './helpers';

const units = [
  {
    code: 'DINKES',
    name: 'Dinas Kesehatan',
    kind: 'dinas' as const,
    children: [{ code: 'DINKES-YANKES', name: 'Bidang Pelayanan Kesehatan', kind: 'bidang' as const }],
  },
  { code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'dinas' as const },
  { code: 'BAPPEDA', name: 'Badan Perencanaan Pembangunan Daerah', kind: 'badan' as const },
];
const positions = [
  {
    code: 'KABID',
    name: 'Kepala Bidang',
    category: 'administrator' as const,
    standards: [
      { competency: 'INTEGRITAS', requiredLevel: 4, weight: 2 },
      { competency: 'KERJA-SAMA', requiredLevel: 3 },
      { competency: 'PEREKAT-BANGSA', requiredLevel: 3, weight: 1.5 },
      { competency: 'TEK-GIS', requiredLevel: 4, weight: 3 },
    ],
  },
  {
    code: 'ANALIS',
    name: 'Analis Kebijakan',
    category: 'fungsional' as const,
    standards: [
      { competency: 'INTEGRITAS', requiredLevel: 3 },
      { competency: 'KOMUNIKASI', requiredLevel: 3, weight: 0.3 },
      { competency: 'TEK-ARSIP', requiredLevel: 3, weight: 1.1 },
    ],
  },
  {
    code: 'PELAKSANA',
    name: 'Pengadministrasi Umum',
    category: 'pelaksana' as const,
    standards: [{ competency: 'KOMUNIKASI', requiredLevel: 2 }],
  },
  { code: 'STAF-BARU', name: 'Staf Tanpa Standar', category: 'pelaksana' as const },
];
const technical = ['TEK-GIS', 'TEK-ARSIP'].map((code) => ({
  code,
  name: `Kompetensi ${code}`,
  description: `Kompetensi teknis ${code}`,
  levels: levelTexts,
}));
const standardCodes: Record<string, string[]> = Object.fromEntries(
  positions.map((p) => [p.code, (p.standards ?? []).map((s) => s.competency)]),
);

const contextOf = (t: TestTenant) => contextFor(t, { subject: 'test' });

/** Every grouping × every type filter (and none): totals and pairs give the same answer. */
async function expectSameReports(ctx: TenantContext, stage: string) {
  let groups = 0;
  for (const groupBy of groupings) {
    for (const competencyType of [undefined, 'manajerial', 'sosial_kultural', 'teknis']) {
      const filters: NeedsFilters = { groupBy, competencyType, priorities: 7 };
      const fromTotals = await needsFromTotals(ctx, filters, 3);
      const fromPairs = await needsFromPairs(ctx, filters, 3);
      expect(fromTotals, `${stage}: groupBy=${groupBy} type=${competencyType ?? 'all'}`).toEqual(fromPairs);
      groups += fromTotals.items.length;
    }
  }
  expect(groups, `${stage}: the report has groups to compare`).toBeGreaterThan(0);
}

interface Person {
  id: string;
  positionId: string;
  version: number;
}

describe('needs report from the running totals', () => {
  it('equals the report from the pairs after imports, assessments, moves, deactivations, standard and type changes', async () => {
    const t = await createTenant({ units, positions, competencies: technical });
    const ctx = await contextOf(t);
    const ids = await orgIds(t);
    const random = prng(20261123);
    const unitCodes = ['DINKES', 'DINKES-YANKES', 'DISDIK', 'BAPPEDA'];
    const rows = people(36, 7000).map((r, i) => ({ ...r, unit_code: unitCodes[i % 4], position_code: positions[i % 4]?.code }));
    expect((await importCsv(t, csvOf(rows))).status).toBe(200);
    const list = await api('GET', `/api/v1/tenants/${t.slug}/employees?limit=100`, { token: t.adminToken });
    const staff: Person[] = list.body.items;
    expect(staff).toHaveLength(36);
    await expectSameReports(ctx, 'after the import (nothing assessed)');

    const codeOfPosition = Object.fromEntries(positions.map((p) => [ids[p.code], p.code]));
    const assessSome = async (share: number, date: string, levels: [number, number]) => {
      const items = staff.flatMap((e) =>
        (standardCodes[codeOfPosition[e.positionId] ?? ''] ?? [])
          .filter(() => random.next() < share)
          .map((competency) => ({ employeeId: e.id, competency, level: random.int(...levels), source: 'supervisor', date })),
      );
      const res = await api('POST', `/api/v1/tenants/${t.slug}/assessments/bulk`, { token: t.adminToken, body: { items } });
      expect(res.status, res.text).toBe(201);
    };
    await assessSome(0.8, '2026-02-01', [1, 5]);
    await expectSameReports(ctx, 'after the first assessments');
    // Later assessments move levels both ways: a largest gap that closes must be found again.
    await assessSome(0.5, '2026-06-01', [1, 5]);
    await expectSameReports(ctx, 'after reassessment');

    const patch = async (e: Person, body: Record<string, unknown>, action: '' | '/deactivate' = '') => {
      const res = await api(action ? 'POST' : 'PATCH', `/api/v1/tenants/${t.slug}/employees/${e.id}${action}`, {
        token: t.adminToken,
        headers: { 'if-match': `"v${e.version}"` },
        ...(action ? {} : { body }),
      });
      expect(res.status, res.text).toBe(200);
      Object.assign(e, { version: res.body.version, positionId: res.body.positionId });
    };
    await patch(staff[0] as Person, { unitId: ids.DISDIK });
    await patch(staff[1] as Person, { positionId: ids.KABID });
    await patch(staff[2] as Person, { positionId: ids['STAF-BARU'], unitId: ids.BAPPEDA });
    await patch(staff[3] as Person, { positionId: ids.ANALIS });
    await patch(staff[4] as Person, {}, '/deactivate');
    await patch(staff[5] as Person, {}, '/deactivate');
    await expectSameReports(ctx, 'after moves and deactivations');

    expect(
      (
        await putStandards(t, ids.ANALIS as string, [
          { competency: 'INTEGRITAS', requiredLevel: 5, weight: 0.7 },
          { competency: 'PENGAMBILAN-KEPUTUSAN', requiredLevel: 3, weight: 2 },
          { competency: 'TEK-ARSIP', requiredLevel: 2, weight: 1.1 },
        ])
      ).status,
    ).toBe(200);
    expect((await putStandards(t, ids.PELAKSANA as string, [])).status).toBe(200);
    expect((await putStandards(t, ids['STAF-BARU'] as string, [{ competency: 'TEK-GIS', requiredLevel: 2, weight: 1 }])).status).toBe(200);
    await expectSameReports(ctx, 'after standards changed, emptied and added');

    // The national dictionary moves KERJA-SAMA to another type: every tenant's totals follow.
    const current = await api('GET', `/api/v1/tenants/${t.slug}/competencies/natcmp_kerja-sama`, { token: t.adminToken });
    const { name, description, levels } = current.body;
    const retyped = await api('PUT', '/api/v1/national/competencies/KERJA-SAMA', {
      token: t.nationalToken,
      headers: { 'if-match': current.headers.get('etag') ?? '' },
      body: { name, description, levels, type: 'sosial_kultural' },
    });
    expect(retyped.status, retyped.text).toBe(200);
    await expectSameReports(ctx, 'after a competency changed type');
  });

  it('filters by a unit and everything under it', async () => {
    const t = await createTenant({ units, positions, competencies: technical });
    const rows = people(6, 7100).map((r, i) => ({ ...r, unit_code: ['DINKES', 'DINKES-YANKES', 'DISDIK'][i % 3], position_code: 'KABID' }));
    expect((await importCsv(t, csvOf(rows))).status).toBe(200);
    const ids = await orgIds(t);
    const report = await api('GET', `/api/v1/tenants/${t.slug}/needs?groupBy=unit&unit=${ids.DINKES}`, { token: t.adminToken });
    expect(report.status, report.text).toBe(200);
    const byCode = Object.fromEntries(report.body.items.map((i) => [String(i.code), i.employees]));
    expect(byCode).toEqual({ DINKES: 2, 'DINKES-YANKES': 2 });
  });
});
