/**
 * Two regions, A and B, with something of each kind, for the security suites. Built once per test
 * file (storage is per file); every route fixture takes its ids from here.
 */
import { env } from 'cloudflare:workers';
import { startNationalJob } from '../../src/modules/jobs';
import { nationalContext } from '../../src/platform/context';
import { CostMeter } from '../../src/platform/db/metered-d1';
import { api } from '../support/api';
import { createTenant, type TestTenant } from '../support/factories';
import { followJob } from '../support/jobs';
import { tokenFor } from '../support/tokens';

export interface Side {
  tenant: TestTenant;
  unitId: string;
  /** The code of `unitId`, whose public IKM results page is published. */
  unitCode: string;
  positionId: string;
  employeeId: string;
  /** A technical competency of this side's own. */
  competencyId: string;
  /** A unit indicator (L4) of this side's unit, with a value for 2026. */
  indicatorId: string;
  /** A second employee, mentee of `pairingId` (mentor: `employeeId`, who has `mentorId`'s profile). */
  menteeId: string;
  mentorId: string;
  pairingId: string;
  goalId: string;
  /** An employee token of the mentor of `pairingId` (`employeeId`), for routes only members may call. */
  memberToken: string;
  providerId: string;
  /** A program, an offering of it and the employee's enrollment in it, all this side's own. */
  programId: string;
  offeringId: string;
  enrollmentId: string;
  /**
   * A direct report of `employeeId` (`reportId`): a completed enrollment in `offeringId` (L1, L2,
   * and L3 by `memberToken`'s holder, the supervisor) and a completed coaching pairing with the
   * supervisor as mentor (feedback).
   */
  reportId: string;
  completedEnrollmentId: string;
  completedPairingId: string;
  /** A certificate of `employeeId` (from a past offering of `programId`), and its public verification code. */
  certificateId: string;
  verificationCode: string;
  /** A session of `completedPairingId`, recorded by the report and never confirmed. */
  sessionId: string;
  /** A draft annual plan of this side (year 2099). */
  planId: string;
  /** A job of this side (the plan's computation), and a national job (the same on both sides). */
  jobId: string;
  nationalJobId: string;
  /** A finished tenant export of this side (its job id). */
  exportId: string;
  /** A learning report of `employeeId` (`memberToken`'s holder), diajukan, with a PDF as evidence (version 2). */
  learningReportId: string;
  /** A notification of `employeeId` (`memberToken`'s holder): the pairing proposed to them as mentor. */
  notificationId: string;
  /** An admin account of this side (never activated), and a national account made for this side. */
  accountId: string;
  nationalAccountId: string;
  /** Names that must never appear in an answer given to the other side. */
  secrets: string[];
}

export interface World {
  a: Side;
  b: Side;
}

async function side(label: string, nationalJobId: string): Promise<Side> {
  const tenant = await createTenant();
  const token = tenant.adminToken;
  const unit = await api('POST', `/api/v1/tenants/${tenant.slug}/units`, {
    token,
    body: { code: `SEC-${label}`, name: `Bagian Rahasia ${label} ${tenant.slug}`, kind: 'bagian' },
  });
  const position = await api('POST', `/api/v1/tenants/${tenant.slug}/positions`, {
    token,
    body: { code: `SEC-${label}`, name: `Jabatan Rahasia ${label} ${tenant.slug}`, category: 'pelaksana' },
  });
  if (unit.status !== 201 || position.status !== 201) throw new Error(`world setup failed: ${unit.text} ${position.text}`);
  const published = await api('PUT', `/api/v1/tenants/${tenant.slug}/surveys/ikm/units/${unit.body.id}/publication`, {
    token,
    body: { resultsPublic: true },
  });
  if (published.status !== 200) throw new Error(`world setup failed: ${published.text}`);
  const employee = await api('POST', `/api/v1/tenants/${tenant.slug}/employees`, {
    token,
    body: {
      nip: label === 'A' ? '198702122010012001' : '198803152011031002',
      name: `Pegawai Rahasia ${label} ${tenant.slug}`,
      unitId: unit.body.id,
      positionId: position.body.id,
      grade: 'III/a',
      employmentType: 'pns',
    },
  });
  if (employee.status !== 201) throw new Error(`world setup failed: ${employee.text}`);
  const competency = await api('POST', `/api/v1/tenants/${tenant.slug}/competencies`, {
    token,
    body: {
      code: `SEC-${label}`,
      name: `Kompetensi Rahasia ${label} ${tenant.slug}`,
      description: 'Kompetensi teknis rahasia',
      levels: ['1', '2', '3', '4', '5'].map((l) => `Tingkat ${l}`),
    },
  });
  if (competency.status !== 201) throw new Error(`world setup failed: ${competency.text}`);
  const indicator = await api('POST', `/api/v1/tenants/${tenant.slug}/indicators`, {
    token,
    body: { unitId: unit.body.id, name: `Indikator Rahasia ${label} ${tenant.slug}`, measure: 'menit', direction: 'lower_is_better' },
  });
  const value = await api('PUT', `/api/v1/tenants/${tenant.slug}/indicators/${indicator.body.id}/values/2026`, {
    token,
    body: { value: 42 },
  });
  if (indicator.status !== 201 || value.status !== 201) throw new Error(`world setup failed: ${indicator.text} ${value.text}`);
  const mentee = await api('POST', `/api/v1/tenants/${tenant.slug}/employees`, {
    token,
    body: {
      nip: label === 'A' ? '198905202012032003' : '199106182014041004',
      name: `Mentee Rahasia ${label} ${tenant.slug}`,
      unitId: unit.body.id,
      positionId: position.body.id,
      grade: 'II/c',
      employmentType: 'pns',
    },
  });
  const mentor = await api('POST', `/api/v1/tenants/${tenant.slug}/mentors`, {
    token,
    body: { employeeId: employee.body.id, competencies: [competency.body.id], availability: `Jadwal rahasia ${label}` },
  });
  const pairing = await api('POST', `/api/v1/tenants/${tenant.slug}/pairings`, {
    token,
    body: {
      kind: 'mentoring',
      mentorId: employee.body.id,
      menteeId: mentee.body.id,
      focus: [competency.body.id],
      goals: [{ title: `Tujuan rahasia ${label}` }],
    },
  });
  if (mentee.status !== 201 || mentor.status !== 201 || pairing.status !== 201)
    throw new Error(`world setup failed: ${mentee.text} ${mentor.text} ${pairing.text}`);
  const goals = await api('GET', `/api/v1/tenants/${tenant.slug}/pairings/${pairing.body.id}/goals`, { token });
  const provider = await api('POST', `/api/v1/tenants/${tenant.slug}/providers`, {
    token,
    body: { name: `Penyelenggara Rahasia ${label} ${tenant.slug}`, kind: 'private_trainer' },
  });
  const program = await api('POST', `/api/v1/tenants/${tenant.slug}/programs`, {
    token,
    body: {
      code: `SEC-${label}`,
      title: `Program Rahasia ${label} ${tenant.slug}`,
      description: 'Program rahasia',
      method: 'kursus',
      jp: 8,
      costPerParticipant: 750_000,
      hasTests: true,
      providerId: provider.body.id,
      targets: [{ competency: competency.body.id, expectedGain: 2 }],
    },
  });
  if (program.status !== 201) throw new Error(`world setup failed: ${provider.text} ${program.text}`);
  const offering = await api('POST', `/api/v1/tenants/${tenant.slug}/offerings`, {
    token,
    body: {
      programId: program.body.id,
      startDate: '2099-02-02',
      endDate: '2099-02-04',
      capacity: 10,
      location: `Aula Rahasia ${label} ${tenant.slug}`,
    },
  });
  const enrollment = await api('POST', `/api/v1/tenants/${tenant.slug}/offerings/${offering.body.id}/enrollments`, {
    token,
    body: { employeeIds: [employee.body.id] },
  });
  if (enrollment.status !== 201) throw new Error(`world setup failed: ${offering.text} ${enrollment.text}`);
  const memberToken = await tokenFor('employee', { tenant: tenant.slug, employeeId: employee.body.id });
  const report = await api('POST', `/api/v1/tenants/${tenant.slug}/employees`, {
    token,
    body: {
      nip: label === 'A' ? '199203102015021005' : '199304112016022006',
      name: `Bawahan Rahasia ${label} ${tenant.slug}`,
      unitId: unit.body.id,
      positionId: position.body.id,
      grade: 'II/b',
      employmentType: 'pns',
      supervisorId: employee.body.id,
    },
  });
  const placed = await api('POST', `/api/v1/tenants/${tenant.slug}/offerings/${offering.body.id}/enrollments`, {
    token,
    body: { employeeIds: [report.body.id] },
  });
  const completedEnrollmentId = placed.body.items?.[0]?.id as string;
  const completion = await api('POST', `/api/v1/tenants/${tenant.slug}/enrollments/${completedEnrollmentId}/complete`, {
    token,
    body: { attendance: 100, passed: true, completedOn: '2026-01-05' },
  });
  // The certificate is the member's (`employeeId`, whose token routes under /me use), from a past offering they passed.
  const pastOffering = await api('POST', `/api/v1/tenants/${tenant.slug}/offerings`, {
    token,
    body: { programId: program.body.id, startDate: '2025-11-03', endDate: '2025-11-05', capacity: 5, location: `Aula Lama ${label}` },
  });
  const pastPlace = await api('POST', `/api/v1/tenants/${tenant.slug}/offerings/${pastOffering.body.id}/enrollments`, {
    token,
    body: { employeeIds: [employee.body.id] },
  });
  const pastEnrollmentId = pastPlace.body.items?.[0]?.id as string;
  const passed = await api('POST', `/api/v1/tenants/${tenant.slug}/enrollments/${pastEnrollmentId}/complete`, {
    token,
    body: { attendance: 100, passed: true, completedOn: '2025-11-05' },
  });
  if (passed.status !== 200) throw new Error(`world setup failed: ${pastOffering.text} ${pastPlace.text} ${passed.text}`);
  const certificate = await api('POST', `/api/v1/tenants/${tenant.slug}/offerings/${pastOffering.body.id}/certificates`, {
    token,
    body: {
      enrollmentId: pastEnrollmentId,
      issuedOn: '2025-11-10',
      official: { name: `Pejabat Rahasia ${label}`, nip: '197204101998031004', title: 'Kepala BKPSDM' },
    },
  });
  if (certificate.status !== 201) throw new Error(`world setup failed: ${certificate.text}`);
  const coaching = await api('POST', `/api/v1/tenants/${tenant.slug}/pairings`, {
    token,
    body: { kind: 'coaching', mentorId: employee.body.id, menteeId: report.body.id, focus: [competency.body.id] },
  });
  const accepted = await api('POST', `/api/v1/tenants/${tenant.slug}/pairings/${coaching.body.id}/accept`, { token: memberToken });
  const session = await api('POST', `/api/v1/tenants/${tenant.slug}/pairings/${coaching.body.id}/sessions`, {
    token: await tokenFor('employee', { tenant: tenant.slug, employeeId: report.body.id }),
    body: { date: '2026-01-20', minutes: 60, notes: `Sesi rahasia ${label}` },
  });
  const ended = await api('POST', `/api/v1/tenants/${tenant.slug}/pairings/${coaching.body.id}/end`, {
    token: memberToken,
    body: { outcome: 'completed', reason: `Coaching rahasia ${label} selesai` },
  });
  if (report.status !== 201 || completion.status !== 200 || accepted.status !== 200 || session.status !== 201 || ended.status !== 200) {
    throw new Error(
      `world setup failed: ${report.text} ${placed.text} ${completion.text} ${coaching.text} ${accepted.text} ${session.text} ${ended.text}`,
    );
  }
  const learning = await api('POST', '/api/v1/me/learning-reports', {
    token: memberToken,
    body: {
      title: `Laporan Rahasia ${label} ${tenant.slug}`,
      method: 'seminar',
      organiser: `Penyelenggara Laporan Rahasia ${label}`,
      startDate: '2025-03-10',
      endDate: '2025-03-11',
      certificateNumber: `SERT-RAHASIA-${label}`,
    },
  });
  const evidence = await api('PUT', `/api/v1/me/learning-reports/${learning.body.id}/evidence`, {
    token: memberToken,
    rawBody: evidencePdf(label),
    headers: { 'content-type': 'application/pdf', 'if-match': '"v1"' },
  });
  if (learning.status !== 201 || evidence.status !== 200) throw new Error(`world setup failed: ${learning.text} ${evidence.text}`);
  const asked = await api('POST', `/api/v1/tenants/${tenant.slug}/plans`, { token, body: { year: 2099, budget: 50_000_000 } });
  const job = await followJob<{ id: string }>(asked, token);
  if (job.status !== 'succeeded' || !job.result) throw new Error(`world setup failed: ${JSON.stringify(job)}`);
  const plan = { body: job.result };
  const account = await api('POST', `/api/v1/tenants/${tenant.slug}/accounts`, {
    token,
    body: { roles: ['tenant_admin'], email: `rahasia.${label.toLowerCase()}.${tenant.slug}@bkd.example.go.id` },
  });
  const nationalAccount = await api('POST', '/api/v1/national/accounts', {
    token: tenant.nationalToken,
    body: { email: `nasional.${label.toLowerCase()}.${tenant.slug}@example.go.id` },
  });
  if (account.status !== 201 || nationalAccount.status !== 201)
    throw new Error(`world setup failed: ${account.text} ${nationalAccount.text}`);
  const inbox = await api('GET', '/api/v1/me/notifications', { token: memberToken });
  const notificationId = inbox.body.items?.[0]?.id;
  if (!notificationId) throw new Error(`world setup failed: ${inbox.text}`);
  const exported = await followJob(await api('POST', `/api/v1/tenants/${tenant.slug}/exports`, { token }), token);
  if (exported.status !== 'succeeded') throw new Error(`world setup failed: ${JSON.stringify(exported)}`);
  return {
    jobId: job.id,
    exportId: exported.id,
    nationalJobId,
    learningReportId: learning.body.id,
    notificationId,
    tenant,
    providerId: provider.body.id,
    programId: program.body.id,
    offeringId: offering.body.id,
    enrollmentId: enrollment.body.items[0]!.id,
    planId: plan.body.id,
    accountId: account.body.id,
    nationalAccountId: nationalAccount.body.id,
    unitId: unit.body.id,
    unitCode: unit.body.code,
    positionId: position.body.id,
    employeeId: employee.body.id,
    competencyId: competency.body.id,
    indicatorId: indicator.body.id,
    menteeId: mentee.body.id,
    mentorId: mentor.body.id,
    pairingId: pairing.body.id,
    goalId: goals.body.items[0]!.id,
    memberToken,
    reportId: report.body.id,
    completedEnrollmentId,
    certificateId: certificate.body.id,
    verificationCode: certificate.body.verificationCode,
    completedPairingId: coaching.body.id,
    sessionId: session.body.id,
    secrets: [
      certificate.body.id,
      certificate.body.verificationCode,
      certificate.body.number,
      learning.body.id,
      learning.body.title,
      `SERT-RAHASIA-${label}`,
      `Bukti rahasia ${label}`,
      session.body.id,
      `Sesi rahasia ${label}`,
      report.body.id,
      report.body.name,
      report.body.nip,
      completedEnrollmentId,
      coaching.body.id,
      indicator.body.id,
      indicator.body.name,
      mentee.body.id,
      mentee.body.name,
      mentor.body.id,
      pairing.body.id,
      goals.body.items[0]!.id,
      `Tujuan rahasia ${label}`,
      `Jadwal rahasia ${label}`,
      tenant.id,
      unit.body.id,
      position.body.id,
      unit.body.name,
      employee.body.id,
      employee.body.nip,
      employee.body.name,
      competency.body.id,
      competency.body.name,
      provider.body.id,
      provider.body.name,
      program.body.id,
      program.body.title,
      offering.body.id,
      offering.body.location!,
      enrollment.body.items[0]!.id,
      plan.body.id,
      job.id,
      exported.id,
      account.body.id,
      account.body.username,
    ],
  };
}

/** A small PDF whose text is a secret of its side. */
export const evidencePdf = (label: string) => new TextEncoder().encode(`%PDF-1.4\n% Bukti rahasia ${label}\n%%EOF\n`);

export async function buildWorld(): Promise<World> {
  const actor = { subject: 'world-national', roles: ['national_admin' as const], scopes: ['read' as const, 'write' as const] };
  const national = await startNationalJob(nationalContext(env, new CostMeter(), actor, 'req-world'), { kind: 'world.sample', input: {} });
  return { a: await side('A', national.job.id), b: await side('B', national.job.id) };
}
