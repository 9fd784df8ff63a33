/**
 * How deep a manifest's unit tree may nest (12 levels, `maxUnitDepth`), and that a much deeper
 * one is a 400 naming the path where it went too deep — never a stack overflow in validation.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { type ManifestUnit, manifestSchema, maxUnitDepth } from '../../src/modules/tenants/manifest';
import { api, expectProblem } from '../support/api';
import { manifestFor, uniqueSlug } from '../support/factories';
import { tokenFor } from '../support/tokens';

/** A chain of `levels` units as JSON text, built as a string: no recursion here either. */
function chainJson(levels: number, unit: (i: number) => string = (i) => `"code":"U${i}","name":"Unit ${i}","kind":"bidang",`): string {
  const parts: string[] = [];
  for (let i = 0; i < levels; i++) parts.push(`{${unit(i)}"children":[`);
  return `${parts.join('')}${']}'.repeat(levels)}`;
}

/** A manifest with these units and no positions (the usual ones name a unit the chain lacks). */
const manifestJson = (slug: string, units: string) => {
  const { units: _units, positions: _positions, ...rest } = manifestFor(slug);
  return `${JSON.stringify(rest).slice(0, -1)},"units":[${units}]}`;
};

/** json.units.0.children.0.children… down to the children list of the unit at `maxUnitDepth`. */
const tooDeepPath = `json.units.${Array.from({ length: maxUnitDepth }, () => '0.children').join('.')}`;

const tenantRows = async (slug: string) =>
  (await env.DB.prepare('select count(*) as n from tenants where slug = ?').bind(slug).first<{ n: number }>())?.n;

async function post(body: string) {
  const token = await tokenFor('national_admin');
  return api('POST', '/api/v1/tenants', { token, rawBody: body, headers: { 'content-type': 'application/json' } });
}

describe('the depth of a manifest’s unit tree', () => {
  it(`accepts units nested ${maxUnitDepth} levels deep`, async () => {
    const slug = uniqueSlug();
    const res = await post(manifestJson(slug, chainJson(maxUnitDepth)));
    expect(res.status, res.text).toBe(201);
    expect(res.body.units.created).toBe(maxUnitDepth);
  });

  it.each([maxUnitDepth + 1, 1_000])('refuses %i levels with a 400 naming the path, and onboards nothing', async (levels) => {
    const slug = uniqueSlug();
    const res = await post(manifestJson(slug, chainJson(levels)));
    expect(expectProblem(res, 400).errors).toEqual([{ path: tooDeepPath, message: `units nest at most ${maxUnitDepth} levels deep` }]);
    expect(await tenantRows(slug)).toBe(0);
  });

  it('refuses 60,000 levels (just under the body limit) the same way', async () => {
    const slug = uniqueSlug();
    const body = manifestJson(
      slug,
      chainJson(60_000, () => ''),
    );
    expect(body.length).toBeLessThan(1024 * 1024);
    const res = await post(body);
    expect(expectProblem(res, 400).errors?.[0]).toEqual({ path: tooDeepPath, message: `units nest at most ${maxUnitDepth} levels deep` });
  });

  it('checks 100,000 levels without overflowing: over the body limit by HTTP (413), and a path from the schema itself', async () => {
    const slug = uniqueSlug();
    const body = manifestJson(slug, chainJson(100_000));
    expectProblem(await post(body), 413);
    // The same text through the schema, as `npm run onboard` and tenants/*.json are checked.
    const parsed = manifestSchema.safeParse(JSON.parse(body));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => ['json', ...i.path].join('.'))).toEqual([tooDeepPath]);
    expect(await tenantRows(slug)).toBe(0);
  });

  it('finds a too-deep branch that is not the first one', async () => {
    const deep: ManifestUnit = JSON.parse(chainJson(maxUnitDepth + 1));
    const manifest = manifestFor(uniqueSlug(), { units: [{ code: 'DINKES', name: 'Dinas Kesehatan', kind: 'dinas' }, deep] });
    const parsed = manifestSchema.safeParse(manifest);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([
      `units.1.${Array.from({ length: maxUnitDepth - 1 }, () => 'children.0').join('.')}.children`,
    ]);
  });
});
