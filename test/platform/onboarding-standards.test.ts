import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../support/api';
import { manifestFor, uniqueSlug } from '../support/factories';
import { tokenFor } from '../support/tokens';

const levels = [1, 2, 3, 4, 5].map((l) => `Level ${l}: mampu menerapkan pada situasi tingkat ${l}`);
const gis = { code: 'TEK-GIS', name: 'Sistem Informasi Geografis', description: 'Mengolah dan menyajikan data spasial', levels };

/** A manifest whose KADINKES position carries a standard of two national and one technical competency. */
const withStandards = (slug: string) => {
  const base = manifestFor(slug);
  return {
    ...base,
    competencies: [gis],
    positions: base.positions!.map((p) =>
      p.code === 'KADINKES'
        ? {
            ...p,
            standards: [
              { competency: 'INTEGRITAS', requiredLevel: 4, weight: 2 },
              { competency: 'KERJA-SAMA', requiredLevel: 3 },
              { competency: 'TEK-GIS', requiredLevel: 2, weight: 1.5 },
            ],
          }
        : p,
    ),
  };
};

async function standardsOf(slug: string, positionCode: string) {
  const admin = await tokenFor('tenant_admin', { tenant: slug });
  const positions = await api('GET', `/api/v1/tenants/${slug}/positions`, { token: admin });
  const position = positions.body.items.find((p) => p.code === positionCode)!;
  return api('GET', `/api/v1/tenants/${slug}/positions/${position.id}/standards`, { token: admin });
}

describe('onboarding: technical competencies and position standards from the manifest', () => {
  it('creates the technical competency and the standard, naming national codes and its own', async () => {
    const national = await tokenFor('national_admin');
    const slug = uniqueSlug();
    const res = await api('POST', '/api/v1/tenants', { token: national, body: withStandards(slug) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ competencies: { created: 1 }, standards: { created: 1, updated: 0, unchanged: 0 } });
    const standards = await standardsOf(slug, 'KADINKES');
    expect(standards.headers.get('etag')).toBe('"v1"');
    expect(standards.body.standards.map((s) => [s.code, s.requiredLevel, s.weight, s.type])).toEqual([
      ['INTEGRITAS', 4, 2, 'manajerial'],
      ['KERJA-SAMA', 3, 1, 'manajerial'],
      ['TEK-GIS', 2, 1.5, 'teknis'],
    ]);
  });

  it('applies a changed standard as a new version and leaves unlisted positions and equal standards alone', async () => {
    const national = await tokenFor('national_admin');
    const slug = uniqueSlug();
    const manifest = withStandards(slug);
    await api('POST', '/api/v1/tenants', { token: national, body: manifest });
    const changed = {
      ...manifest,
      jpTarget: 25,
      competencies: [{ ...gis, name: 'Sistem Informasi Geografis Terapan' }],
      positions: manifest.positions.map((p) =>
        p.code === 'KADINKES' ? { ...p, standards: [{ competency: 'INTEGRITAS', requiredLevel: 5, weight: 2 }] } : p,
      ),
    };
    const res = await api('POST', '/api/v1/tenants', { token: national, body: changed });
    expect(res.body).toMatchObject({ changed: true, competencies: { updated: 1 }, standards: { updated: 1 } });
    const standards = await standardsOf(slug, 'KADINKES');
    expect(standards.headers.get('etag')).toBe('"v2"');
    expect(standards.body.standards).toHaveLength(1);
    expect(standards.body.standards[0]).toMatchObject({ code: 'INTEGRITAS', requiredLevel: 5 });

    // Only the JP target changes: the standard is compared and kept, its version stays.
    const again = await api('POST', '/api/v1/tenants', { token: national, body: { ...changed, jpTarget: 26 } });
    expect(again.body).toMatchObject({ changed: true, competencies: { unchanged: 1 }, standards: { unchanged: 1, updated: 0 } });
    expect((await standardsOf(slug, 'KADINKES')).headers.get('etag')).toBe('"v2"');
  });

  it('refuses unknown and shadowing codes with paths, and writes nothing', async () => {
    const national = await tokenFor('national_admin');
    const slug = uniqueSlug();
    const manifest = withStandards(slug);
    const bad = {
      ...manifest,
      competencies: [{ ...gis, code: 'INTEGRITAS' }],
      positions: manifest.positions.map((p) =>
        p.code === 'KADINKES'
          ? {
              ...p,
              standards: [
                { competency: 'NOPE', requiredLevel: 2 },
                { competency: 'KERJA-SAMA', requiredLevel: 2 },
                { competency: 'KERJA-SAMA', requiredLevel: 3 },
              ],
            }
          : p,
      ),
    };
    const res = await api('POST', '/api/v1/tenants', { token: national, body: bad });
    const problem = expectProblem(res, 400);
    const i = manifest.positions.findIndex((p) => p.code === 'KADINKES');
    expect(problem.errors?.map((e) => e.path)).toEqual([
      'body.competencies.0.code',
      `body.positions.${i}.standards.0.competency`,
      `body.positions.${i}.standards.2.competency`,
    ]);
    const found = await env.DB.prepare('select count(*) as n from tenants where slug = ?').bind(slug).first<{ n: number }>();
    expect(found?.n).toBe(0);
  });
});
