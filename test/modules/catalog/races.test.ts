/**
 * The queue under load: 100 parallel enrollments into 20 seats, 100 parallel self-service requests
 * approved in parallel. Capacity is never exceeded; nobody is lost or placed twice; the waitlist
 * order is the order of `seq`, which has no gaps or repeats.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { api } from '../../support/api';
import { createTenant } from '../../support/factories';
import { race } from '../../support/races';
import { createOffering, createProgram, employees, employeeToken, enroll, queue } from './helpers';

describe('enrollment races', () => {
  it('100 parallel enrollments into capacity 20: exactly 20 enrolled, 80 waitlisted in a stable order', { timeout: 120_000 }, async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const offering = await createOffering(t, program.id, { capacity: 20 });
    const people = await employees(t, 100);
    const { results, tally } = await race(100, (i) => enroll(t, offering.id, [people[i] as string]));
    expect(tally).toEqual({ 201: 100 });
    const statuses = results.map((r) => r.body.items[0]!.status);
    expect(statuses.filter((s) => s === 'enrolled')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(80);

    const rows = await queue(t, offering.id);
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.employeeId)).size).toBe(100);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // Seats went to the first 20 in the queue; the waitlist is the rest, in queue order.
    expect(rows.slice(0, 20).every((r) => r.status === 'enrolled')).toBe(true);
    const waiting = rows.filter((r) => r.status === 'waitlisted');
    expect(waiting).toHaveLength(80);
    expect(await queue(t, offering.id)).toEqual(rows);

    // A withdrawal promotes exactly the head of the waitlist.
    const out = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${rows[3]?.id}/withdraw`, { token: t.adminToken });
    expect(out.status, out.text).toBe(200);
    const after = await queue(t, offering.id);
    expect(after.find((r) => r.id === waiting[0]?.id)?.status).toBe('enrolled');
    expect(after.filter((r) => r.status === 'enrolled')).toHaveLength(20);
    expect(after.filter((r) => r.status === 'waitlisted').map((r) => r.id)).toEqual(waiting.slice(1).map((r) => r.id));

    // Parallel withdrawals never overfill: 10 out, 10 promoted, still 20.
    const leaving = after.filter((r) => r.status === 'enrolled').slice(0, 10);
    await race(10, (i) => api('POST', `/api/v1/tenants/${t.slug}/enrollments/${leaving[i]?.id}/withdraw`, { token: t.adminToken }));
    const settled = await queue(t, offering.id);
    expect(settled.filter((r) => r.status === 'enrolled')).toHaveLength(20);
    expect(settled.filter((r) => r.status === 'waitlisted').map((r) => r.id)).toEqual(waiting.slice(11).map((r) => r.id));
  });

  it('the same person 20 times in parallel: one place, the others return it', async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const offering = await createOffering(t, program.id, { capacity: 5 });
    const [person] = await employees(t, 1);
    const { results } = await race(20, () => enroll(t, offering.id, [person as string]));
    expect(results.filter((r) => r.body.items?.[0]?.created === true)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.items[0]!.id)).size).toBe(1);
    const n = await env.DB.prepare('select count(*) as n from enrollments where tenant_id = ?').bind(t.id).first<{ n: number }>();
    expect(n?.n).toBe(1);
  });

  it('30 requests approved in parallel into capacity 10: 10 enrolled, 20 waitlisted', { timeout: 120_000 }, async () => {
    const t = await createTenant();
    const program = await createProgram(t);
    const offering = await createOffering(t, program.id, { capacity: 10 });
    const people = await employees(t, 30);
    const asked = await Promise.all(
      people.map(
        async (p) =>
          (await api('POST', `/api/v1/tenants/${t.slug}/offerings/${offering.id}/requests`, { token: await employeeToken(t, p) })).body
            .id as string,
      ),
    );
    const { tally } = await race(30, (i) =>
      api('POST', `/api/v1/tenants/${t.slug}/enrollments/${asked[i]}/approve`, { token: t.adminToken }),
    );
    expect(tally).toEqual({ 200: 30 });
    const rows = await queue(t, offering.id);
    expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(10);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(20);
    expect(new Set(rows.map((r) => r.seq)).size).toBe(30);
  });
});
