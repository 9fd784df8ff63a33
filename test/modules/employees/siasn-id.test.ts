/** The SIASN person id in the registry: set by the API and by the import's `siasn_id` column, kept when a file has no such column. */
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { importCsv, pnsNip } from './helpers';

describe('siasnId', () => {
  it('comes in with the import, is kept by a file without the column, refused when malformed, cleared by an empty cell', async () => {
    const t = await createTenant();
    const header = 'nip,name,unit_code,position_code,grade,employment_type,siasn_id';
    const line = (siasn: string) => `${pnsNip(7)},Budi Santoso,DINKES,KADINKES,IV/c,pns,${siasn}`;
    const first = await importCsv(t, `${header}\n${line('A8ACA7D4E7A83912E040640A040269BB')}\n`);
    expect(first.body).toMatchObject({ created: 1, rejected: 0 });
    const list = async () => (await api('GET', `/api/v1/tenants/${t.slug}/employees`, { token: t.adminToken })).body.items[0];
    expect(await list()).toMatchObject({ siasnId: 'A8ACA7D4E7A83912E040640A040269BB' });
    // A file without the column changes nothing about it.
    const without = await importCsv(
      t,
      `nip,name,unit_code,position_code,grade,employment_type\n${pnsNip(7)},Budi Santoso,DINKES,KADINKES,IV/c,pns\n`,
    );
    expect(without.body).toMatchObject({ unchanged: 1 });
    expect(await list()).toMatchObject({ siasnId: 'A8ACA7D4E7A83912E040640A040269BB' });
    const bad = await importCsv(t, `${header}\n${line('bukan id!')}\n`, 'dry-run');
    expect(bad.body.errors).toEqual([{ row: 2, column: 'siasn_id', reason: expect.stringMatching(/not a SIASN id/) }]);
    const cleared = await importCsv(t, `${header}\n${line('')}\n`);
    expect(cleared.body).toMatchObject({ updated: 1 });
    expect(await list()).toMatchObject({ siasnId: null });
    const e = (await list()) as { id: string; version: number };
    expectProblem(
      await api('PATCH', `/api/v1/tenants/${t.slug}/employees/${e.id}`, {
        token: t.adminToken,
        body: { siasnId: 'x y' },
        headers: { 'if-match': `"v${e.version}"` },
      }),
      400,
    );
  });
});
