/**
 * The needs report is served from a snapshot while nothing it shows has changed. Every kind of
 * write that can change it must raise the tenant's counter: each is tried here, one by one, and
 * the next report must be computed again and show the change.
 */
import { describe, expect, it } from 'vitest';
import { api } from '../../support/api';
import { createTenant, manifestFor, type TestTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';
import { createEmployee, csvOf, importCsv, orgIds, people } from '../employees/helpers';
import { createTechnical, putStandards } from './helpers';

interface World {
  t: TestTenant;
  ids: Record<string, string>;
  e1: string;
  technical: string;
}

async function world(): Promise<World> {
  const t = await createTenant();
  const ids = await orgIds(t);
  const technical = (await createTechnical(t, 'TEK-PROMKES')).id;
  expect(
    (
      await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [
        { competency: 'INTEGRITAS', requiredLevel: 3, weight: 2 },
        { competency: 'TEK-PROMKES', requiredLevel: 2, weight: 1 },
      ])
    ).status,
  ).toBe(200);
  const e1 = (await createEmployee(t)).body.id;
  return { t, ids, e1, technical };
}

const needs = (t: TestTenant, groupBy = 'competency') =>
  api('GET', `/api/v1/tenants/${t.slug}/needs?groupBy=${groupBy}`, { token: t.adminToken });
const assessment = (employeeId: string, level: number) => ({
  employeeId,
  competency: 'INTEGRITAS',
  level,
  source: 'supervisor',
  date: '2026-03-01',
});
const etagOf = async (t: TestTenant, path: string) =>
  (await api('GET', `/api/v1/tenants/${t.slug}/${path}`, { token: t.adminToken })).headers.get('etag') ?? '';

/** Each writer, and what the report must show after it (in the grouping it names). */
const writers: {
  name: string;
  groupBy?: string;
  write: (w: World) => Promise<unknown>;
  shows: (body: { items: Record<string, unknown>[] }, w: World) => void;
}[] = [
  {
    name: 'an assessment',
    write: ({ t, e1 }) => api('POST', `/api/v1/tenants/${t.slug}/assessments`, { token: t.adminToken, body: assessment(e1, 1) }),
    shows: (b) => expect(b.items.find((i) => i.code === 'INTEGRITAS')).toMatchObject({ assessed: 1, weightedGap: 4 }),
  },
  {
    name: 'a bulk of assessments',
    write: ({ t, e1 }) =>
      api('POST', `/api/v1/tenants/${t.slug}/assessments/bulk`, { token: t.adminToken, body: { items: [assessment(e1, 2)] } }),
    shows: (b) => expect(b.items.find((i) => i.code === 'INTEGRITAS')).toMatchObject({ assessed: 1, weightedGap: 2 }),
  },
  {
    name: 'a self-assessment',
    write: async ({ t, e1 }) =>
      api('POST', '/api/v1/me/assessments', {
        token: await tokenFor('employee', { tenant: t.slug, employeeId: e1 }),
        body: { competency: 'TEK-PROMKES', level: 1, date: '2026-03-01' },
      }),
    shows: (b) => expect(b.items.find((i) => i.code === 'TEK-PROMKES')).toMatchObject({ assessed: 1, weightedGap: 1 }),
  },
  {
    name: 'a new employee',
    write: ({ t }) => createEmployee(t),
    shows: (b) => expect(b.items.find((i) => i.code === 'INTEGRITAS')).toMatchObject({ employees: 2 }),
  },
  {
    name: "an employee's move to another unit",
    groupBy: 'unit',
    write: async ({ t, ids, e1 }) =>
      api('PATCH', `/api/v1/tenants/${t.slug}/employees/${e1}`, {
        token: t.adminToken,
        headers: { 'if-match': await etagOf(t, `employees/${e1}`) },
        body: { unitId: ids.DISDUKCAPIL },
      }),
    shows: (b) => expect(b.items.map((i) => i.code)).toEqual(['DISDUKCAPIL']),
  },
  {
    name: 'a deactivation',
    write: async ({ t, e1 }) =>
      api('POST', `/api/v1/tenants/${t.slug}/employees/${e1}/deactivate`, {
        token: t.adminToken,
        headers: { 'if-match': await etagOf(t, `employees/${e1}`) },
      }),
    shows: (b) => expect(b.items).toEqual([]),
  },
  {
    name: 'an import',
    write: ({ t }) => importCsv(t, csvOf(people(3, 900))),
    shows: (b) => expect(b.items.find((i) => i.code === 'INTEGRITAS')).toMatchObject({ employees: 4 }),
  },
  {
    name: 'a new standard',
    write: ({ t, ids }) => putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [{ competency: 'KOMUNIKASI', requiredLevel: 2 }]),
    shows: (b) => expect(b.items.map((i) => i.code)).toEqual(['KOMUNIKASI']),
  },
  {
    name: "a unit's new name",
    groupBy: 'unit',
    write: async ({ t, ids }) =>
      api('PATCH', `/api/v1/tenants/${t.slug}/units/${ids.DINKES}`, {
        token: t.adminToken,
        headers: { 'if-match': await etagOf(t, `units/${ids.DINKES}`) },
        body: { name: 'Dinas Kesehatan Daerah' },
      }),
    shows: (b) => expect(b.items[0]).toMatchObject({ name: 'Dinas Kesehatan Daerah' }),
  },
  {
    name: "a position's new name",
    groupBy: 'position',
    write: async ({ t, ids }) => {
      const id = ids['ANALIS-KEBIJAKAN'] as string;
      return api('PATCH', `/api/v1/tenants/${t.slug}/positions/${id}`, {
        token: t.adminToken,
        headers: { 'if-match': await etagOf(t, `positions/${id}`) },
        body: { name: 'Analis Kebijakan Ahli Madya' },
      });
    },
    shows: (b) => expect(b.items[0]).toMatchObject({ name: 'Analis Kebijakan Ahli Madya' }),
  },
  {
    name: "a technical competency's new name",
    write: async ({ t, technical }) =>
      api('PATCH', `/api/v1/tenants/${t.slug}/competencies/${technical}`, {
        token: t.adminToken,
        headers: { 'if-match': await etagOf(t, `competencies/${technical}`) },
        body: { name: 'Promosi Kesehatan Masyarakat' },
      }),
    shows: (b) => expect(b.items.find((i) => i.code === 'TEK-PROMKES')).toMatchObject({ name: 'Promosi Kesehatan Masyarakat' }),
  },
  {
    name: 'a manifest with a new standard',
    write: async ({ t }) => {
      const base = manifestFor(t.slug);
      const positions = base.positions!.map((p) =>
        p.code === 'ANALIS-KEBIJAKAN' ? { ...p, standards: [{ competency: 'PEREKAT-BANGSA', requiredLevel: 2 }] } : p,
      );
      return api('POST', '/api/v1/tenants', { token: await tokenFor('national_admin'), body: { ...base, positions } });
    },
    shows: (b) => expect(b.items.map((i) => i.code)).toEqual(['PEREKAT-BANGSA']),
  },
];

describe('needs report snapshots', () => {
  it.each(writers)('are recomputed after $name', async (writer) => {
    const w = await world();
    const first = await needs(w.t, writer.groupBy);
    expect(first.status, first.text).toBe(200);
    expect((await needs(w.t, writer.groupBy)).cost.queries).toBe(1); // served from the snapshot
    const write = (await writer.write(w)) as { status: number; text: string };
    expect(write.status, write.text).toBeLessThan(300);
    const after = await needs(w.t, writer.groupBy);
    expect(after.cost.queries, 'computed again').toBe(3);
    writer.shows(after.body, w);
    expect(after.body.computedAt >= first.body.computedAt).toBe(true);
  });

  it('are recomputed after the national admin renames a national competency, in every tenant', async () => {
    const w = await world();
    await needs(w.t);
    const national = await tokenFor('national_admin');
    const current = await api('GET', '/api/v1/national/competencies?limit=50', { token: national });
    const integritas = current.body.items.find((c) => c.code === 'INTEGRITAS')!;
    const put = await api('PUT', '/api/v1/national/competencies/INTEGRITAS', {
      token: national,
      body: { name: 'Integritas dan Etika', type: integritas.type, description: integritas.description, levels: integritas.levels },
    });
    expect(put.status, put.text).toBeLessThan(300);
    const after = await needs(w.t);
    expect(after.cost.queries).toBe(3);
    expect(after.body.items.find((i) => i.code === 'INTEGRITAS')).toMatchObject({ name: 'Integritas dan Etika' });
  });

  it('are kept when another tenant writes', async () => {
    const w = await world();
    const other = await world();
    await needs(w.t);
    await api('POST', `/api/v1/tenants/${other.t.slug}/assessments`, { token: other.t.adminToken, body: assessment(other.e1, 1) });
    expect((await needs(w.t)).cost.queries).toBe(1);
  });
});
