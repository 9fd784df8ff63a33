import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { applyWrites } from '../../../src/modules/employees/import-apply';
import type { Existing, Write } from '../../../src/modules/employees/import-plan';
import { contextFor } from '../../support/context';
import { createTenant } from '../../support/factories';
import { orgIds, pnsNip } from './helpers';

describe('import chunks', () => {
  it('apply whole or not at all, and hold back rows whose new supervisor did not land', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    const ctx = await contextFor({ id: t.id }, { subject: 'chunk-test' });
    const person = (i: number, extra: Partial<Existing> = {}): Existing => ({
      id: `emp_chunk${i}`,
      nip: pnsNip(i),
      name: `Pegawai ${i}`,
      unitId: ids.DINKES!,
      positionId: ids['ANALIS-KEBIJAKAN']!,
      grade: 'III/a',
      employmentType: 'pns',
      supervisorId: null,
      gender: 'male',
      birthDate: '1970-01-01',
      email: null,
      siasnId: null,
      ...extra,
    });
    const create = (row: number, employee: Existing): Write => ({ row, kind: 'create', employee });
    const writes = [
      create(2, person(1)),
      create(3, person(2)),
      create(4, person(3)),
      create(5, person(4, { unitId: 'unt_gone' })),
      create(6, person(5, { supervisorId: 'emp_chunk3' })),
      create(7, person(6)),
    ];

    const result = await applyWrites(ctx, writes, new Date().toISOString(), { chunkSize: 2 });
    expect(result.applied.map((w) => w.row)).toEqual([2, 3, 7]);
    expect(result.failed).toEqual([
      { row: 4, reason: 'not applied: a unit, position or supervisor was removed meanwhile; import the file again' },
      { row: 5, reason: 'not applied: a unit, position or supervisor was removed meanwhile; import the file again' },
      { row: 6, reason: 'not applied: its supervisor was not applied' },
    ]);
    const stored = await env.DB.prepare('select id from employees where tenant_id = ? order by id').bind(t.id).all<{ id: string }>();
    expect(stored.results.map((r) => r.id)).toEqual(['emp_chunk1', 'emp_chunk2', 'emp_chunk6']);
    const audited = await env.DB.prepare("select entity_id from audit_log where tenant_id = ? and entity = 'employee' order by entity_id")
      .bind(t.id)
      .all<{ entity_id: string }>();
    expect(audited.results.map((r) => r.entity_id)).toEqual(['emp_chunk1', 'emp_chunk2', 'emp_chunk6']);
  });
});
