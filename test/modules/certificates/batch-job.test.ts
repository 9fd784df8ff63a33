/**
 * Certificates for every passed participant, as a job: 202 and the job, numbers in the
 * participants' name order with no gap, the failed and those already certified skipped; a step
 * run again after its result was lost (a restart) and the whole job run again number nobody
 * twice; another tenant's offering is a 404 and a missing official a 422 before any job starts.
 */
import { env, type WorkflowStep } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { jobs } from '../../../src/db/schema';
import { certificateIssueJob } from '../../../src/modules/certificates';
import { JobSteps } from '../../../src/modules/jobs/steps';
import { api, expectProblem } from '../../support/api';
import { contextFor } from '../../support/context';
import { createTenant, type TestTenant } from '../../support/factories';
import { followJob } from '../../support/jobs';
import { type Cohort, cohort, issue, official } from './helpers';

const batch = (t: TestTenant, offeringId: string, body: Record<string, unknown> = { issuedOn: '2025-03-10', official }) =>
  api('POST', `/api/v1/tenants/${t.slug}/offerings/${offeringId}/certificates/batch`, { token: t.adminToken, body });

async function certificatesOf(t: TestTenant, c: Cohort) {
  const res = await api('GET', `/api/v1/tenants/${t.slug}/certificates?offeringId=${c.offeringId}&limit=500`, { token: t.adminToken });
  return res.body.items.map((x) => ({ seq: x.seq, name: x.participant.name, enrollmentId: x.enrollmentId })).sort((a, b) => a.seq - b.seq);
}

describe('the certificate batch job', () => {
  it("issues every passed participant's certificate in name order, skipping the failed and those already issued", async () => {
    const t = await createTenant();
    const names = Array.from({ length: 60 }, (_, i) => `Peserta ${String(59 - i).padStart(2, '0')}`);
    const c = await cohort(t, names, { failed: [3, 10] });
    // One was issued by hand before the batch: number 1.
    expect((await issue(t, c, 0)).status).toBe(201);
    const job = await followJob<{ offeringId: string; planned: number; issued: number }>(await batch(t, c.offeringId), t.adminToken);
    expect(job.status).toBe('succeeded');
    expect(job.result).toEqual({ offeringId: c.offeringId, planned: 57, issued: 57 });
    expect(job.progress).toEqual({ done: 57, total: 57 });
    const issued = await certificatesOf(t, c);
    expect(issued.map((x) => x.seq)).toEqual(Array.from({ length: 58 }, (_, i) => i + 1));
    const expected = names.filter((_, i) => i !== 0 && i !== 3 && i !== 10).sort();
    expect(issued.slice(1).map((x) => x.name)).toEqual(expected);
    // Run again: nothing left to issue, nothing numbered.
    const again = await followJob<{ planned: number }>(await batch(t, c.offeringId), t.adminToken);
    expect(again.result).toMatchObject({ planned: 0, issued: 0 });
    expect((await certificatesOf(t, c)).length).toBe(58);
  });

  it('numbers nobody twice when each issuing step runs again after its result was lost (a restart)', async () => {
    const t = await createTenant();
    const c = await cohort(
      t,
      Array.from({ length: 30 }, (_, i) => `Orang ${i}`),
    );
    const ctx = await contextFor(t);
    const id = `job_resume${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const now = new Date().toISOString();
    const terms = {
      issuedOn: '2025-03-10',
      official,
      numberPattern: '{seq}/{code}/{unit}/{year}',
      issuerUnit: 'BKPSDM',
      issuedPlace: 'Kalianda',
      region: 'Kabupaten Uji',
    };
    const input = { offeringId: c.offeringId, terms };
    await ctx.db.insert(jobs).values({
      id,
      kind: 'certificates.issue',
      status: 'running',
      input: JSON.stringify(input),
      createdBy: ctx.actor.subject,
      createdByRoles: 'tenant_admin',
      requestId: ctx.requestId,
      createdAt: now,
      updatedAt: now,
    });
    // An engine that keeps step results, except that every `issue` step runs twice.
    const kept = new Map<string, unknown>();
    let reruns = 0;
    const step = {
      do: async (name: string, _config: unknown, work: () => Promise<unknown>) => {
        if (!kept.has(name)) {
          if (name.startsWith('issue')) {
            await work();
            reruns++;
          }
          kept.set(name, await work());
        }
        return kept.get(name);
      },
    } as unknown as WorkflowStep;
    const result = await certificateIssueJob.run({ id, input }, new JobSteps(step, id, async () => ({ db: ctx.db, ctx })));
    expect(reruns).toBe(2);
    expect(result).toEqual({ offeringId: c.offeringId, planned: 30, issued: 30 });
    const issued = await certificatesOf(t, c);
    expect(issued.map((x) => x.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(issued.map((x) => x.enrollmentId)).size).toBe(30);
    const audits = await env.DB.prepare("select count(*) as n from audit_log where tenant_id = ? and action = 'certificate.issue'")
      .bind(t.id)
      .first<{ n: number }>();
    expect(audits?.n).toBe(30);

    // The whole job again from its first step (an instance replayed without its results): still 30.
    const fresh = { do: async (_n: string, _c: unknown, work: () => Promise<unknown>) => work() } as unknown as WorkflowStep;
    await certificateIssueJob.run({ id, input }, new JobSteps(fresh, id, async () => ({ db: ctx.db, ctx })));
    expect((await certificatesOf(t, c)).length).toBe(30);
  });

  it('answers 404 for an offering of another tenant and 422 without an official, starting no job', async () => {
    const t = await createTenant();
    const c = await cohort(t, ['Satu']);
    const other = await createTenant();
    expectProblem(await batch(other, c.offeringId), 404);
    expectProblem(await batch(t, c.offeringId, { issuedOn: '2025-03-10' }), 422);
    const list = await api('GET', `/api/v1/tenants/${t.slug}/jobs`, { token: t.adminToken });
    expect(list.body.items).toEqual([]);
  });
});
