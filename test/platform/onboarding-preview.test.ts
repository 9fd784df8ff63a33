import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../support/api';
import { manifestFor, uniqueSlug } from '../support/factories';
import { tokenFor } from '../support/tokens';

const preview = '/api/v1/national/onboarding/preview';

const tenantRows = async (slug: string) =>
  (await env.DB.prepare('select count(*) as n from tenants where slug = ?').bind(slug).first<{ n: number }>())?.n;

describe('the onboarding preview (a dry run of POST /tenants)', () => {
  it('tells what a new manifest would create, and writes nothing', async () => {
    const national = await tokenFor('national_admin');
    const slug = uniqueSlug();
    const manifest = manifestFor(slug, {
      competencies: [
        {
          code: 'TEK-UJI',
          name: 'Teknis Uji',
          description: 'Kompetensi uji',
          levels: ['Level satu', 'Level dua', 'Level tiga', 'Level empat', 'Level lima'],
        },
      ],
      positions: [
        {
          code: 'KADINKES',
          name: 'Kepala Dinas Kesehatan',
          category: 'jpt_pratama',
          unit: 'DINKES',
          standards: [{ competency: 'TEK-UJI', requiredLevel: 3, weight: 1 }],
        },
      ],
    });
    const res = await api('POST', preview, { token: national, body: manifest });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      slug,
      exists: false,
      changed: true,
      directoryChanges: [],
      units: { created: 3, updated: 0, unchanged: 0 },
      positions: { created: 1, updated: 0, unchanged: 0 },
      competencies: { created: 1, updated: 0, unchanged: 0 },
      standards: { created: 1, updated: 0, unchanged: 0 },
    });
    expect(res.cost.rowsWritten).toBe(0);
    expect(await tenantRows(slug)).toBe(0);
    // Applying it then does what the preview said.
    const applied = await api('POST', '/api/v1/tenants', { token: national, body: manifest });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ units: res.body.units, positions: res.body.positions, competencies: res.body.competencies });
  });

  it('tells the difference a changed manifest would make, and nothing for one already applied', async () => {
    const national = await tokenFor('national_admin');
    const manifest = manifestFor(uniqueSlug());
    await api('POST', '/api/v1/tenants', { token: national, body: manifest });
    const same = await api('POST', preview, { token: national, body: manifest });
    expect(same.body).toMatchObject({ exists: true, changed: false, units: { created: 0, updated: 0, unchanged: 0 } });
    const changed = {
      ...manifest,
      jpTarget: 24,
      units: [
        { ...manifest.units![0]!, name: 'Dinas Kesehatan Kabupaten' },
        manifest.units![1]!,
        { code: 'BKPSDM', name: 'BKPSDM', kind: 'badan' as const },
      ],
    };
    const res = await api('POST', preview, { token: national, body: changed });
    expect(res.body).toMatchObject({
      exists: true,
      changed: true,
      directoryChanges: ['jpTarget'],
      units: { created: 1, updated: 1, unchanged: 2 },
      positions: { created: 0, updated: 0, unchanged: 2 },
    });
    expect(res.cost.rowsWritten).toBe(0);
    const tenant = await api('GET', `/api/v1/tenants/${manifest.slug}`, { token: national });
    expect(tenant.body.jpTarget).toBe(20);
  });

  it('refuses what onboarding refuses, with the same paths', async () => {
    const national = await tokenFor('national_admin');
    const bad = manifestFor(uniqueSlug(), {
      units: [
        { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' },
        { code: 'DINKES', name: 'Dinas Kesehatan Lagi', kind: 'dinas' },
      ],
      positions: [
        { code: 'KASI', name: 'Kepala Seksi', category: 'pengawas', unit: 'NOWHERE' },
        { code: 'STAF', name: 'Staf', category: 'pelaksana', standards: [{ competency: 'NO-SUCH', requiredLevel: 2, weight: 1 }] },
      ],
    });
    const res = await api('POST', preview, { token: national, body: bad });
    expect(expectProblem(res, 400).errors?.map((e) => e.path)).toEqual(['body.units.1.code', 'body.positions.0.unit']);
    const unknownCompetency = manifestFor(uniqueSlug(), {
      positions: [
        { code: 'STAF', name: 'Staf', category: 'pelaksana', standards: [{ competency: 'NO-SUCH', requiredLevel: 2, weight: 1 }] },
      ],
    });
    const refused = await api('POST', preview, { token: national, body: unknownCompetency });
    expect(expectProblem(refused, 400).errors?.map((e) => e.path)).toEqual(['body.positions.0.standards.0.competency']);
    const shape = await api('POST', preview, { token: national, body: { ...manifestFor(uniqueSlug()), timeZone: 'Europe/Paris' } });
    expect(expectProblem(shape, 400).errors?.map((e) => e.path)).toEqual(['json.timeZone']);
    const moved = manifestFor(uniqueSlug());
    await api('POST', '/api/v1/tenants', { token: national, body: moved });
    expectProblem(await api('POST', preview, { token: national, body: { ...moved, database: 'DB_DEDICATED' } }), 409);
  });

  it('is for the national admin only', async () => {
    const slug = uniqueSlug();
    const national = await tokenFor('national_admin');
    await api('POST', '/api/v1/tenants', { token: national, body: manifestFor(slug) });
    const admin = await tokenFor('tenant_admin', { tenant: slug });
    expectProblem(await api('POST', preview, { token: admin, body: manifestFor(slug, { jpTarget: 99 }) }), 403);
  });
});
