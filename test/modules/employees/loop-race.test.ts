import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { updateEmployee } from '../../../src/modules/employees/service';
import { DomainError } from '../../../src/platform/errors';
import { contextFor } from '../../support/context';
import { createTenant } from '../../support/factories';
import { createEmployee } from './helpers';

describe('supervisor loops under parallel edits', () => {
  it('two edits that each pass the loop check cannot both land (A→B and B→A at once)', async () => {
    const t = await createTenant();
    const ctx = await contextFor({ id: t.id }, { subject: 'race-test' });
    const a = (await createEmployee(t)).body;
    const b = (await createEmployee(t)).body;
    // Called together, both read (and pass the loop check) before either writes.
    const outcomes = await Promise.allSettled([
      updateEmployee({ ctx, input: { id: a.id, expectedVersion: 1, changes: { supervisorId: b.id } } }),
      updateEmployee({ ctx, input: { id: b.id, expectedVersion: 1, changes: { supervisorId: a.id } } }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect((refused.reason as DomainError).code).toBe('precondition_failed');

    const rows = await env.DB.prepare('select id, supervisor_id, version from employees where tenant_id = ? order by id').bind(t.id).all();
    const supervisorOf = new Map(rows.results.map((r) => [r.id, r.supervisor_id]));
    expect(supervisorOf.get(a.id) === b.id && supervisorOf.get(b.id) === a.id).toBe(false);
    const audits = await env.DB.prepare("select count(*) as n from audit_log where tenant_id = ? and action = 'employee.update'")
      .bind(t.id)
      .first();
    expect(audits).toEqual({ n: 1 });
  });
});
