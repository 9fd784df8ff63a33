import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { orgIds } from '../employees/helpers';
import { createTechnical, putStandards } from './helpers';

describe('position standards', () => {
  it('starts empty at v0, is replaced whole at its version, and refuses stale or missing If-Match', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    const position = ids['ANALIS-KEBIJAKAN'] as string;
    const path = `/api/v1/tenants/${t.slug}/positions/${position}/standards` as const;
    const empty = await api('GET', path, { token: t.employeeToken });
    expect(empty.body).toEqual({ positionId: position, version: 0, standards: [] });
    expect(empty.headers.get('etag')).toBe('"v0"');
    const tek = await createTechnical(t, 'TEK-EPID');
    const first = await putStandards(t, position, [
      { competency: 'INTEGRITAS', requiredLevel: 3, weight: 2 },
      { competency: tek.id, requiredLevel: 4 },
    ]);
    expect(first.status, first.text).toBe(200);
    expect(first.headers.get('etag')).toBe('"v1"');
    expect(first.body.standards).toMatchObject([
      { code: 'INTEGRITAS', requiredLevel: 3, weight: 2, type: 'manajerial' },
      { code: 'TEK-EPID', requiredLevel: 4, weight: 1, type: 'teknis' },
    ]);
    await expectProblem(await putStandards(t, position, [], '"v0"'), 412);
    await expectProblem(await api('PUT', path, { token: t.adminToken, body: { standards: [] } }), 428);
    const second = await putStandards(t, position, [{ competency: 'KOMUNIKASI', requiredLevel: 2, weight: 1.5 }], '"v1"');
    expect(second.body).toMatchObject({ version: 2, standards: [{ code: 'KOMUNIKASI', requiredLevel: 2, weight: 1.5 }] });
    // Within the budget of a screen's request: the reads in one round trip, the write, the answer.
    expect(first.cost.queries).toBeLessThanOrEqual(3);
    expect(second.cost.queries).toBeLessThanOrEqual(3);
    // Another position is untouched, and its own list starts at v0.
    const other = await api('GET', `/api/v1/tenants/${t.slug}/positions/${ids.KADINKES}/standards`, { token: t.adminToken });
    expect(other.body.version).toBe(0);
  });

  it('rejects unknown, repeated and out-of-range entries, writing nothing', async () => {
    const t = await createTenant();
    const position = (await orgIds(t))['ANALIS-KEBIJAKAN'] as string;
    const unknown = await putStandards(t, position, [{ competency: 'TIDAK-ADA', requiredLevel: 3 }]);
    expect(expectProblem(unknown, 422).errors).toEqual([
      { path: 'body.standards.0.competency', message: 'no such competency in this tenant' },
    ]);
    await expectProblem(
      await putStandards(t, position, [
        { competency: 'INTEGRITAS', requiredLevel: 3 },
        { competency: 'natcmp_integritas', requiredLevel: 2 },
      ]),
      422,
    );
    await expectProblem(await putStandards(t, position, [{ competency: 'INTEGRITAS', requiredLevel: 6 }]), 400);
    await expectProblem(await putStandards(t, position, [{ competency: 'INTEGRITAS', requiredLevel: 3, weight: 0 }]), 400);
    const after = await api('GET', `/api/v1/tenants/${t.slug}/positions/${position}/standards`, { token: t.adminToken });
    expect(after.body.version).toBe(0);
  });

  it("cannot point at another tenant's technical competency, through the API or the database", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const secret = await createTechnical(a, 'TEK-RAHASIA');
    const bPosition = (await orgIds(b))['ANALIS-KEBIJAKAN'] as string;
    await expectProblem(await putStandards(b, bPosition, [{ competency: secret.id, requiredLevel: 3 }]), 422);
    await expectProblem(await putStandards(b, bPosition, [{ competency: 'TEK-RAHASIA', requiredLevel: 3 }]), 422);
    // A's position under B's path is a 404.
    const aPosition = (await orgIds(a))['ANALIS-KEBIJAKAN'] as string;
    await expectProblem(await api('GET', `/api/v1/tenants/${b.slug}/positions/${aPosition}/standards`, { token: b.adminToken }), 404);
    await expectProblem(await putStandards(b, aPosition, [], '"v0"'), 404);
    // Even a raw write that forgets every filter is refused by the CHECK on competency_tenant_id.
    await env.DB.prepare("insert into standard_sets (tenant_id, position_id, version, updated_at) values (?, ?, 1, 'x')")
      .bind(b.id, bPosition)
      .run();
    const raw = env.DB.prepare(
      'insert into position_standards (tenant_id, position_id, competency_tenant_id, competency_id, required_level, weight) values (?, ?, ?, ?, 3, 1)',
    )
      .bind(b.id, bPosition, a.id, secret.id)
      .run();
    await expect(raw).rejects.toThrow(/CHECK constraint failed/);
  });

  it('lets exactly one of parallel PUTs from the same version apply, leaving one whole list', async () => {
    const t = await createTenant();
    const position = (await orgIds(t))['ANALIS-KEBIJAKAN'] as string;
    const codes = ['INTEGRITAS', 'KOMUNIKASI', 'KERJA-SAMA', 'PEREKAT-BANGSA'];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        putStandards(
          t,
          position,
          codes.map((competency, k) => ({ competency, requiredLevel: ((i + k) % 5) + 1 })),
          '"v0"',
        ),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(11);
    const final = await api('GET', `/api/v1/tenants/${t.slug}/positions/${position}/standards`, { token: t.adminToken });
    const winner = results.find((r) => r.status === 200);
    expect(final.body).toEqual(winner?.body);
    expect(final.body.standards).toHaveLength(4);
  });
});
