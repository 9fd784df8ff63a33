/**
 * Reminders from the scheduled run, at the run's instant (never the wall clock): evaluations due in
 * three days and overdue (L1 to the participant, L3 to the supervisor), a pairing proposal waiting
 * seven days (to the mentor), and in Q4 the JP shortfall of exactly the active employees under their
 * target, with the programs that would close their gaps. Each once per person and period, however
 * often and however concurrently the run goes.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { runNotifications } from '../../../src/modules/notifications';
import { nationalContext } from '../../../src/platform/context';
import { CostMeter } from '../../../src/platform/db/metered-d1';
import { api } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';
import { createProgram } from '../catalog/helpers';
import { assess, createTechnical, putStandards } from '../competencies/helpers';
import { orgIds } from '../employees/helpers';
import { cohort, react } from '../evaluations/level-helpers';
import { credited } from '../jp/helpers';
import { proposed } from '../mentoring/helpers';
import { inbox, outboxRows, person } from './helpers';

/** One scheduled run at `now`, as the Worker's `scheduled` handler starts it. */
function run(now: string) {
  const actor = { subject: 'scheduler', roles: ['national_admin' as const], scopes: ['read' as const, 'write' as const] };
  const ctx = nationalContext(env, new CostMeter(), actor, `scheduled-${now}`);
  return runNotifications({ ctx, input: { now: new Date(now) } });
}

async function remindersOf(t: TestTenant, kind: string) {
  return (await outboxRows(t.id))
    .filter((e) => e.kind === kind)
    .map((e) => ({ to: e.employee_id, key: e.dedupe_key, data: JSON.parse(e.data) as Record<string, unknown> }));
}

describe('evaluation reminders', () => {
  it('remind the participant of L1 and the supervisor of L3 three days ahead and once overdue, once each', async () => {
    const t = await createTenant();
    // Completed 2026-02-06: L1 due 2026-02-20; L3 opens 2026-03-08 (30 days), due 2026-04-07.
    const c = await cohort(t, 3, { completedOn: '2026-02-06' });
    const [answered, a, b] = c.participants as [(typeof c.participants)[0], (typeof c.participants)[0], (typeof c.participants)[0]];
    expect((await react(t, answered.enrollmentId, answered.token)).status).toBe(201);

    await run('2026-02-16T01:00:00.000Z'); // 08:00 WIB, due in 4 days: nothing yet
    expect(await remindersOf(t, 'evaluation.due')).toEqual([]);
    await Promise.all([run('2026-02-17T01:00:00.000Z'), run('2026-02-17T01:00:00.000Z')]);
    await run('2026-02-18T01:00:00.000Z');
    const due = await remindersOf(t, 'evaluation.due');
    expect(due.map((r) => r.to).sort()).toEqual([a.id, b.id].sort());
    expect(due[0]?.data).toMatchObject({ level: 'L1', dueOn: '2026-02-20', title: expect.any(String) });

    await Promise.all([run('2026-02-21T01:00:00.000Z'), run('2026-02-21T01:00:00.000Z'), run('2026-02-22T01:00:00.000Z')]);
    const overdue = await remindersOf(t, 'evaluation.overdue');
    expect(overdue.map((r) => r.to).sort()).toEqual([a.id, b.id].sort());

    await run('2026-04-04T01:00:00.000Z');
    await run('2026-04-05T01:00:00.000Z');
    const l3 = (await remindersOf(t, 'evaluation.due')).filter((r) => r.data.level === 'L3');
    expect(l3.map((r) => r.to)).toEqual([c.supervisor.id, c.supervisor.id, c.supervisor.id]);
    expect(new Set(l3.map((r) => r.key)).size).toBe(3);
    expect(l3[0]?.data).toMatchObject({ dueOn: '2026-04-07', participant: expect.any(String) });
    const page = await inbox(c.supervisor);
    expect(page.body.items).toHaveLength(3);
    expect(page.body.items[0]?.title).toMatch(/^Evaluasi L3 jatuh tempo 2026-04-07: /);
    expect(page.body.items[0]?.link).toBe('/tugas');
  });
});

describe('pairing reminders', () => {
  it('tell the mentor once when a proposal waits seven days', async () => {
    const t = await createTenant();
    const mentor = await person(t);
    const mentee = await person(t, { supervisorId: mentor.id });
    const pairing = await proposed(t, mentor.id, mentee.id, { kind: 'coaching', focus: [] });
    const created = Date.parse(pairing.createdAt as string);
    const at = (days: number) => new Date(created + days * 86_400_000).toISOString();
    await run(at(6.9));
    expect(await remindersOf(t, 'pairing.unanswered')).toEqual([]);
    await Promise.all([run(at(7)), run(at(7))]);
    await run(at(8));
    expect(await remindersOf(t, 'pairing.unanswered')).toEqual([
      {
        to: mentor.id,
        key: `pairing.unanswered:${pairing.id}`,
        data: { pairingKind: 'coaching', proposedOn: (pairing.createdAt as string).slice(0, 10) },
      },
    ]);
  });
});

describe('the JP shortfall reminder', () => {
  it('reaches in Q4 exactly the active employees under their target, with the programs that close their gaps, once a year', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    await createTechnical(t, 'TEK-ARSIP');
    const std = await putStandards(t, ids['ANALIS-KEBIJAKAN'] as string, [{ competency: 'TEK-ARSIP', requiredLevel: 3, weight: 2 }]);
    expect(std.status, std.text).toBe(200);
    const program = await createProgram(t, { title: 'Bimtek Kearsipan Digital', targets: [{ competency: 'TEK-ARSIP', expectedGain: 2 }] });
    const above = await person(t);
    const below = await person(t);
    const none = await person(t);
    const lastYear = await person(t);
    const inactive = await person(t);
    await credited(t, above.id, 24, '2026-05-04T03:00:00.000Z');
    await credited(t, below.id, 12.5, '2026-05-04T03:00:00.000Z');
    await credited(t, lastYear.id, 30, '2025-05-04T03:00:00.000Z');
    expect(
      (await assess(t, { employeeId: below.id, competency: 'TEK-ARSIP', level: 1, source: 'assessment_center', date: '2026-02-01' }))
        .status,
    ).toBe(201);
    await env.DB.prepare("update employees set status = 'inactive' where tenant_id = ? and id = ?").bind(t.id, inactive.id).run();

    await run('2026-09-30T16:59:00.000Z'); // 23:59 WIB on 30 September: Q3
    expect(await remindersOf(t, 'jp.shortfall')).toEqual([]);
    await Promise.all([run('2026-09-30T17:00:00.000Z'), run('2026-09-30T17:00:00.000Z')]); // 00:00 WIB, 1 October
    await run('2026-11-02T01:00:00.000Z');
    const told = await remindersOf(t, 'jp.shortfall');
    expect(told.map((r) => r.to).sort()).toEqual([below.id, none.id, lastYear.id].sort());
    expect(told.find((r) => r.to === below.id)).toEqual({
      to: below.id,
      key: `jp.shortfall:2026:${below.id}`,
      data: { year: 2026, earned: 12.5, target: 20, missing: 7.5, programs: 'Bimtek Kearsipan Digital', programIds: program.id },
    });
    expect(told.find((r) => r.to === none.id)?.data).toMatchObject({ earned: 0, missing: 20, programs: null });
    const [entry] = (await inbox(below)).body.items;
    expect(entry?.title).toBe('JP tahun 2026 masih kurang 7.5 JP');
    expect(entry?.link).toBe('/#jp');
    expect(entry?.body).toContain('Bimtek Kearsipan Digital');
    expect((await inbox(above)).body.items).toEqual([]);
    const tenantAdmins = await api('GET', `/api/v1/tenants/${t.slug}/jp/summary?year=2026`, { token: t.adminToken });
    expect(tenantAdmins.body.employees - tenantAdmins.body.reached).toBe(3);
  });
});
