import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../../src/db/schema';
import { creditJp } from '../../../src/modules/jp';
import { contextFor } from '../../support/context';
import { createTenant } from '../../support/factories';
import { createEmployee } from '../employees/helpers';
import { ledger } from './helpers';

describe('creditJp (for other modules)', () => {
  it("goes into the caller's own batch with the caller's writes, and a repeated reference credits once", async () => {
    const t = await createTenant();
    const ctx = await contextFor({ id: t.id }, { subject: 'enrollment-module' });
    const employeeId = (await createEmployee(t)).body.id;
    const completion = { employeeId, jp: 24, source: 'program', occurredAt: '2026-08-17T10:00:00+07:00', reference: 'enr_42' } as const;
    const callerWrite = () =>
      ctx.db.insert(auditLog).values({
        id: crypto.randomUUID(),
        at: new Date().toISOString(),
        actor: 'x',
        actorRoles: 'tenant_admin',
        action: 'enrollment.complete',
        entity: 'enrollment',
        entityId: 'enr_42',
        requestId: 'req-credit',
      });
    await ctx.db.batch([callerWrite(), ...creditJp(ctx, completion)]);
    await ctx.db.batch([callerWrite(), ...creditJp(ctx, completion)]);
    const l = await ledger(t, employeeId, 2026);
    expect(l.body).toMatchObject({ total: 24, reached: true });
    expect(l.body.entries).toHaveLength(1);
    const audits = await env.DB.prepare("select count(*) as n from audit_log where tenant_id = ? and action = 'jp.credit'")
      .bind(t.id)
      .first();
    expect(audits).toEqual({ n: 1 });
  });
});
