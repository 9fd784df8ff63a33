/**
 * What each route needs to be called for real: path parameters, a valid body, headers. Every route
 * of the app must have an entry here; the cross-tenant suite fails on a route without one, so a
 * new endpoint cannot escape it. Which roles may call a route is not repeated here: it is read
 * from the route's own `x-roles` in the OpenAPI document.
 */

import { env } from 'cloudflare:workers';
import { defaultJpRules } from '../../src/modules/jp';
import { unsubscribeToken } from '../../src/modules/notifications/unsubscribe';
import { manifestFor, uniqueSlug } from '../support/factories';
import { evidencePdf, type Side } from './world';

export interface RouteFixture {
  /** Path parameters other than `tenant`, taken from one side of the world. */
  params?: (side: Side) => Record<string, string>;
  /** A valid body for a call by an allowed role. */
  body?: (side: Side) => unknown;
  /** A valid raw body (an uploaded file), sent as it is with the content type in `headers`. */
  rawBody?: (side: Side) => Uint8Array;
  query?: string | ((side: Side) => string);
  headers?: Record<string, string>;
  /** The route lives outside `/tenants/{tenant}` (national or caller-scoped). */
  untenanted?: boolean;
  /** The route answers about the caller only (`/me`): another region's token is simply its own view. */
  selfScoped?: boolean;
  /**
   * A public sign-in route (no token): a refusal may still write the attempt's audit row and its
   * failure count, and only these tables (the fuzz suite checks every other table is unchanged).
   */
  refusalWrites?: string[];
}

const unit = (s: Side) => ({ id: s.unitId });
const position = (s: Side) => ({ id: s.positionId });
const employee = (s: Side) => ({ id: s.employeeId });
const competency = (s: Side) => ({ id: s.competencyId });
const indicator = (s: Side) => ({ id: s.indicatorId });
const ikmResponse = (s: Side) => ({
  unitId: s.unitId,
  period: '2026-S1',
  answers: [3, 4, 3, 3, 4, 3, 3, 2, 3],
  date: '2026-02-10',
  respondent: { gender: 'perempuan', service: 'Pelayanan KTP-el' },
});
const surveyUnit = (s: Side) => ({ region: s.tenant.slug, unit: s.unitCode });
const pairing = (s: Side) => ({ id: s.pairingId });
const goal = (s: Side) => ({ id: s.pairingId, goalId: s.goalId });
const provider = (s: Side) => ({ id: s.providerId });
const program = (s: Side) => ({ id: s.programId });
const offering = (s: Side) => ({ id: s.offeringId });
const enrollment = (s: Side) => ({ id: s.enrollmentId });
const completedEnrollment = (s: Side) => ({ id: s.completedEnrollmentId });
const plan = (s: Side) => ({ id: s.planId });
const certificate = (s: Side) => ({ id: s.certificateId });
const official = { name: 'Drs. Pejabat Penandatangan', nip: '197204101998031004', title: 'Kepala BKPSDM' };
const job = (s: Side) => ({ id: s.jobId });
const learningReport = (s: Side) => ({ id: s.learningReportId });
const notification = (s: Side) => ({ id: s.notificationId });
/** The notification's e-mail delivery row: its id is derived from the notification's. */
const delivery = (s: Side) => ({ id: `dlv_${s.notificationId.slice(4)}` });
const me = { untenanted: true, selfScoped: true } as const;
const unsubscribeQuery = (s: Side) =>
  `?token=${unsubscribeToken(env, { tenant: s.tenant.slug, employeeId: s.employeeId, kind: 'jp.shortfall' })}`;
const code = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
const ifMatch = { 'if-match': '"v1"' };
const levels = ['1', '2', '3', '4', '5'].map((l) => `Tingkat ${l}: uraian`);
const assessment = (s: Side) => ({
  employeeId: s.employeeId,
  competency: s.competencyId,
  level: 3,
  source: 'supervisor',
  date: '2026-01-15',
  assessor: 'Atasan Langsung',
});
let nips = 0;
/** A valid PNS NIP not used by the world: born 1990-01-01, appointed 2015-01, sequence counting up. */
const freshNip = () => `19900101201501${1 + (Math.floor(nips / 999) % 2)}${String((nips++ % 999) + 1).padStart(3, '0')}`;

const signInRecords = ['audit_log', 'sign_in_throttle'];
const account = (s: Side) => ({ id: s.accountId });
const nationalAccount = (s: Side) => ({ id: s.nationalAccountId });

export const routeFixtures: Record<string, RouteFixture> = {
  'POST /api/v1/auth/login': {
    untenanted: true,
    refusalWrites: signInRecords,
    body: (s) => ({ tenant: s.tenant.slug, username: 'nobody@example.go.id', password: 'not-the-password' }),
  },
  'POST /api/v1/auth/activate': {
    untenanted: true,
    refusalWrites: signInRecords,
    body: (s) => ({ tenant: s.tenant.slug, username: 'nobody@example.go.id', code: 'AAAA-BBBB-CCCC', password: 'kuda-lari-di-sawah-77' }),
  },
  'POST /api/v1/auth/refresh': { untenanted: true, refusalWrites: signInRecords },
  'GET /api/v1/auth/methods': { untenanted: true, query: (s) => `?tenant=${s.tenant.slug}` },
  // Single sign-on answers browsers with redirects and needs no token: public, under the region's
  // path but tested on their own (the cross-tenant suite's public test, the fuzz suite's callback
  // test, test/modules/accounts/sso.test.ts for the whole flow against a real IdP).
  'GET /api/v1/auth/oidc/{tenant}/start': { untenanted: true, refusalWrites: ['audit_log', 'oidc_logins'] },
  'GET /api/v1/auth/oidc/{tenant}/callback': {
    untenanted: true,
    refusalWrites: ['audit_log'],
    query: '?code=not-a-code&state=not-a-state',
  },
  'POST /api/v1/auth/logout': { untenanted: true, refusalWrites: signInRecords },
  'POST /api/v1/auth/password': {
    untenanted: true,
    selfScoped: true,
    body: () => ({ currentPassword: 'kuda-lari-di-sawah-77', newPassword: 'gunung-salak-berkabut-pagi' }),
  },
  'POST /api/v1/auth/logout-everywhere': { untenanted: true, selfScoped: true },
  'POST /api/v1/auth/two-factor/setup': { untenanted: true, selfScoped: true },
  'POST /api/v1/auth/two-factor/confirm': { untenanted: true, selfScoped: true, body: () => ({ code: '123456' }) },
  'POST /api/v1/auth/two-factor/verify': { untenanted: true, selfScoped: true, body: () => ({ totp: '123456' }) },
  'GET /api/v1/tenants/{tenant}/accounts': {},
  'POST /api/v1/tenants/{tenant}/accounts': {
    body: () => ({ roles: ['tenant_admin'], email: `admin.${crypto.randomUUID().slice(0, 8)}@bkd.example.go.id` }),
  },
  'POST /api/v1/tenants/{tenant}/accounts/activation-codes': { body: (s) => ({ accountIds: [s.accountId] }) },
  'POST /api/v1/tenants/{tenant}/accounts/{id}/disable': { params: account },
  'POST /api/v1/tenants/{tenant}/accounts/{id}/enable': { params: account },
  'POST /api/v1/tenants/{tenant}/accounts/{id}/reset-two-factor': { params: account },
  'GET /api/v1/tenants/{tenant}/sign-in-settings': {},
  'PUT /api/v1/tenants/{tenant}/sign-in-settings': {
    body: () => ({ requireAdminTotp: false, sso: null }),
    headers: { 'if-match': '"v0"' },
  },
  'GET /api/v1/national/accounts': { untenanted: true },
  'POST /api/v1/national/accounts': {
    untenanted: true,
    body: () => ({ email: `analis.${crypto.randomUUID().slice(0, 8)}@example.go.id` }),
  },
  'POST /api/v1/national/accounts/activation-codes': { untenanted: true, body: (s) => ({ accountIds: [s.nationalAccountId] }) },
  'POST /api/v1/national/accounts/{id}/disable': { untenanted: true, params: nationalAccount },
  'POST /api/v1/national/accounts/{id}/enable': { untenanted: true, params: nationalAccount },
  'POST /api/v1/national/accounts/{id}/reset-two-factor': { untenanted: true, params: nationalAccount },

  'POST /api/v1/tenants': { untenanted: true, body: () => manifestFor(uniqueSlug('sec')) },
  'GET /api/v1/tenants': { untenanted: true },
  'POST /api/v1/national/onboarding/preview': { untenanted: true, body: () => manifestFor(uniqueSlug('sec')) },
  'GET /api/v1/tenants/{tenant}': {},

  'GET /api/v1/tenants/{tenant}/units': {},
  'POST /api/v1/tenants/{tenant}/units': {
    body: () => ({ code: `U-${crypto.randomUUID().slice(0, 8).toUpperCase()}`, name: 'Bagian Baru', kind: 'bagian' }),
  },
  'GET /api/v1/tenants/{tenant}/units/{id}': { params: unit },
  'PATCH /api/v1/tenants/{tenant}/units/{id}': { params: unit, body: () => ({ name: 'Bagian Diubah' }), headers: ifMatch },
  'DELETE /api/v1/tenants/{tenant}/units/{id}': { params: unit, headers: ifMatch },

  'GET /api/v1/tenants/{tenant}/positions': {},
  'POST /api/v1/tenants/{tenant}/positions': {
    body: () => ({ code: `P-${crypto.randomUUID().slice(0, 8).toUpperCase()}`, name: 'Jabatan Baru', category: 'pelaksana' }),
  },
  'GET /api/v1/tenants/{tenant}/positions/{id}': { params: position },
  'PATCH /api/v1/tenants/{tenant}/positions/{id}': { params: position, body: () => ({ name: 'Jabatan Diubah' }), headers: ifMatch },
  'DELETE /api/v1/tenants/{tenant}/positions/{id}': { params: position, headers: ifMatch },

  'GET /api/v1/tenants/{tenant}/audit': {},

  'GET /api/v1/tenants/{tenant}/employees': {},
  'POST /api/v1/tenants/{tenant}/employees': {
    body: (s) => ({
      nip: freshNip(),
      name: 'Pegawai Baru',
      unitId: s.unitId,
      positionId: s.positionId,
      grade: 'II/c',
      employmentType: 'pns',
    }),
  },
  'POST /api/v1/tenants/{tenant}/employees/import': { query: '?mode=dry-run', headers: { 'content-type': 'text/csv' } },
  'POST /api/v1/tenants/{tenant}/training-history/import': { query: '?mode=dry-run', headers: { 'content-type': 'text/csv' } },
  'GET /api/v1/tenants/{tenant}/certificate-settings': {},
  'PUT /api/v1/tenants/{tenant}/certificate-settings': {
    body: () => ({ numberPattern: '{seq}/{code}/{unit}/{year}', issuerUnit: 'BKPSDM', issuedPlace: 'Kalianda', official }),
    headers: { 'if-match': '"v0"' },
  },
  'POST /api/v1/tenants/{tenant}/offerings/{id}/certificates': {
    params: offering,
    body: (s) => ({ enrollmentId: s.completedEnrollmentId, official }),
  },
  'POST /api/v1/tenants/{tenant}/offerings/{id}/certificates/batch': { params: offering, body: () => ({ official }) },
  'GET /api/v1/tenants/{tenant}/certificates': {},
  'GET /api/v1/tenants/{tenant}/certificates/{id}': { params: certificate },
  'GET /api/v1/tenants/{tenant}/certificates/{id}/pdf': { params: certificate },
  'POST /api/v1/tenants/{tenant}/certificates/{id}/revoke': { params: certificate, body: () => ({ reason: 'Data peserta keliru' }) },
  'GET /api/v1/me/certificates': { untenanted: true, selfScoped: true },
  'GET /api/v1/me/certificates/{id}/pdf': { untenanted: true, selfScoped: true, params: certificate },
  'GET /api/v1/verifikasi/{code}': { untenanted: true, params: (s) => ({ code: s.verificationCode }) },
  'GET /api/v1/tenants/{tenant}/employees/export.csv': {},
  'GET /api/v1/tenants/{tenant}/employees/{id}': { params: employee },
  'PATCH /api/v1/tenants/{tenant}/employees/{id}': { params: employee, body: () => ({ name: 'Pegawai Diubah' }), headers: ifMatch },
  'POST /api/v1/tenants/{tenant}/employees/{id}/deactivate': { params: employee, headers: ifMatch },

  'GET /api/v1/me': { untenanted: true, selfScoped: true },
  'GET /api/v1/me/export': { untenanted: true, selfScoped: true },

  'GET /api/v1/tenants/{tenant}/competencies': {},
  'POST /api/v1/tenants/{tenant}/competencies': {
    body: () => ({
      code: `TEK-${crypto.randomUUID().slice(0, 8).toUpperCase()}`,
      name: 'Kompetensi Baru',
      description: 'Kompetensi teknis baru',
      levels,
    }),
  },
  'GET /api/v1/tenants/{tenant}/competencies/{id}': { params: competency },
  'PATCH /api/v1/tenants/{tenant}/competencies/{id}': { params: competency, body: () => ({ name: 'Kompetensi Diubah' }), headers: ifMatch },
  'GET /api/v1/national/competencies': { untenanted: true },
  'PUT /api/v1/national/competencies/{code}': {
    untenanted: true,
    params: () => ({ code: 'SEC-NASIONAL' }),
    body: () => ({ name: 'Kompetensi Nasional Uji', type: 'manajerial', description: 'Kompetensi nasional untuk uji keamanan', levels }),
  },
  'POST /api/v1/national/competencies/{code}/retire': { untenanted: true, params: () => ({ code: 'SEC-NASIONAL' }) },
  'POST /api/v1/national/competencies/{code}/reinstate': { untenanted: true, params: () => ({ code: 'SEC-NASIONAL' }) },
  'GET /api/v1/tenants/{tenant}/positions/{id}/standards': { params: position },
  'PUT /api/v1/tenants/{tenant}/positions/{id}/standards': {
    params: position,
    body: (s) => ({
      standards: [
        { competency: s.competencyId, requiredLevel: 3, weight: 2 },
        { competency: 'INTEGRITAS', requiredLevel: 2 },
      ],
    }),
    headers: { 'if-match': '"v0"' },
  },
  'POST /api/v1/tenants/{tenant}/assessments': { body: assessment },
  'POST /api/v1/tenants/{tenant}/assessments/bulk': {
    body: (s) => ({ items: [assessment(s), { ...assessment(s), competency: 'INTEGRITAS', source: 'self' }] }),
  },
  'GET /api/v1/tenants/{tenant}/employees/{id}/assessments': { params: employee },
  'GET /api/v1/tenants/{tenant}/employees/{id}/gaps': { params: employee },
  'GET /api/v1/tenants/{tenant}/needs': { query: '?groupBy=unit' },
  'GET /api/v1/tenants/{tenant}/needs/heatmap': { query: '?by=position' },
  'GET /api/v1/tenants/{tenant}/needs.csv': { query: '?groupBy=competency' },
  'GET /api/v1/tenants/{tenant}/needs.xlsx': { query: '?groupBy=unit' },
  'GET /api/v1/me/gaps': { untenanted: true, selfScoped: true },
  'POST /api/v1/me/assessments': {
    untenanted: true,
    selfScoped: true,
    body: (s) => ({ competency: s.competencyId, level: 2, date: '2026-02-01' }),
  },

  'POST /api/v1/tenants/{tenant}/jp': {
    body: (s) => ({
      employeeId: s.employeeId,
      jp: 2.5,
      source: 'other',
      occurredAt: '2026-03-01T09:00:00+07:00',
      reference: `sec-${crypto.randomUUID()}`,
    }),
  },
  'GET /api/v1/tenants/{tenant}/employees/{id}/jp': { params: employee, query: '?year=2026' },
  'GET /api/v1/tenants/{tenant}/jp/summary': { query: '?year=2026' },
  'GET /api/v1/me/jp': { untenanted: true, selfScoped: true, query: '?year=2026' },
  'GET /api/v1/tenants/{tenant}/jp-rules': {},
  'PUT /api/v1/tenants/{tenant}/jp-rules': { body: () => ({ rules: defaultJpRules }), headers: { 'if-match': '"v0"' } },
  'GET /api/v1/tenants/{tenant}/jp/recap': { query: '?year=2025' },
  'GET /api/v1/tenants/{tenant}/jp/recap.csv': { query: '?year=2025' },
  'GET /api/v1/tenants/{tenant}/jp/recap.xlsx': { query: '?year=2025' },

  'POST /api/v1/me/learning-reports': {
    ...me,
    body: () => ({
      title: 'Seminar Kebijakan Publik',
      method: 'seminar',
      organiser: 'Universitas Lampung',
      startDate: '2025-04-01',
      endDate: '2025-04-01',
      jpClaimed: 4,
    }),
  },
  'GET /api/v1/me/learning-reports': me,
  'GET /api/v1/me/learning-reports/{id}': { ...me, params: learningReport },
  'POST /api/v1/me/learning-reports/{id}/withdraw': { ...me, params: learningReport },
  'PUT /api/v1/me/learning-reports/{id}/evidence': {
    ...me,
    params: learningReport,
    rawBody: (s) => evidencePdf(s.tenant.slug),
    headers: { 'content-type': 'application/pdf', 'if-match': '"v2"' },
  },
  'GET /api/v1/me/learning-reports/{id}/evidence': { ...me, params: learningReport },
  'GET /api/v1/me/history': me,
  'GET /api/v1/me/history.csv': me,
  'GET /api/v1/me/history.xlsx': me,
  'GET /api/v1/me/notifications': { ...me, query: '?unread=true' },
  'GET /api/v1/me/notifications/unread-count': me,
  'POST /api/v1/me/notifications/read-all': me,
  'GET /api/v1/me/notifications/{id}': { ...me, params: notification },
  'POST /api/v1/me/notifications/{id}/read': { ...me, params: notification },
  'GET /api/v1/me/notification-preferences': me,
  'PUT /api/v1/me/notification-preferences': { ...me, body: () => ({ items: [{ kind: 'jp.shortfall', email: 'harian' }] }) },
  'GET /api/v1/tenants/{tenant}/notifications/deliveries': { query: '?status=dilewati&limit=10' },
  'POST /api/v1/tenants/{tenant}/notifications/deliveries/{id}/resend': { params: delivery },
  'GET /api/v1/tenants/{tenant}/learning-reports': { query: '?status=diajukan' },
  'GET /api/v1/tenants/{tenant}/learning-reports/{id}': { params: learningReport },
  'POST /api/v1/tenants/{tenant}/learning-reports/{id}/approve': { params: learningReport },
  'POST /api/v1/tenants/{tenant}/learning-reports/{id}/reject': {
    params: learningReport,
    body: () => ({ reason: 'Sertifikat tidak terbaca' }),
  },
  'GET /api/v1/tenants/{tenant}/learning-reports/{id}/evidence': { params: learningReport },
  'GET /api/v1/tenants/{tenant}/employees/{id}/history': { params: employee },
  'GET /api/v1/tenants/{tenant}/employees/{id}/history.csv': { params: employee },
  'GET /api/v1/tenants/{tenant}/employees/{id}/history.xlsx': { params: employee },
  'GET /api/v1/tenants/{tenant}/siasn/riwayat.json': {},
  'GET /api/v1/tenants/{tenant}/siasn/riwayat.csv': {},
  'POST /api/v1/tenants/{tenant}/siasn/mark-sent': { body: (s) => ({ ids: [s.learningReportId] }) },
  // The sides' regions have no SIASN account: the allowed call is the 409 "not configured" (the sync itself: test/modules/learning/siasn-sync.test.ts).
  'POST /api/v1/tenants/{tenant}/siasn/sync': { body: (s) => ({ recheck: [s.learningReportId] }) },

  'POST /api/v1/tenants/{tenant}/surveys/ikm/responses': {
    body: (s) => ({ responses: [ikmResponse(s), { ...ikmResponse(s), answers: [4, 4, 4, 4, 4, 4, 4, 4, 4] }] }),
  },
  'GET /api/v1/tenants/{tenant}/surveys/ikm': { query: '?period=2026-S1' },
  'GET /api/v1/tenants/{tenant}/surveys/ikm/units': {},
  'PUT /api/v1/tenants/{tenant}/surveys/ikm/units/{id}/publication': { params: unit, body: () => ({ resultsPublic: true }) },
  // The public survey (no token): a unit of the side's region by its code. A response writes one
  // ikm_responses row of that unit and nothing else, and a refusal writes nothing.
  'GET /api/v1/survei/{region}/{unit}': { untenanted: true, params: surveyUnit },
  'POST /api/v1/survei/{region}/{unit}': {
    untenanted: true,
    params: surveyUnit,
    body: () => ({ answers: [3, 4, 3, 3, 4, 3, 3, 2, 3], respondent: { gender: 'laki_laki', service: 'Pelayanan KTP-el' } }),
  },
  'GET /api/v1/survei/{region}/{unit}/hasil': { untenanted: true, params: surveyUnit },
  // The e-mails' signed unsubscribe link (no token): the side's member and one kind. A POST writes
  // one notification_preferences row of that person; a forged token writes nothing.
  'GET /api/v1/berhenti-langganan': { untenanted: true, query: unsubscribeQuery },
  'POST /api/v1/berhenti-langganan': { untenanted: true, query: unsubscribeQuery },
  'GET /api/v1/tenants/{tenant}/settings': {},
  'PUT /api/v1/tenants/{tenant}/settings': {
    body: () => ({ selfAssessments: 'until_other_source', jpTargets: { pns: 20, pppk: 20 } }),
    headers: { 'if-match': '"v0"' },
  },
  'GET /api/v1/tenants/{tenant}/evaluation-settings': {},
  'PUT /api/v1/tenants/{tenant}/evaluation-settings': { body: () => ({ l3WaitingDays: 45 }), headers: { 'if-match': '"v0"' } },
  'GET /api/v1/tenants/{tenant}/indicators': {},
  'POST /api/v1/tenants/{tenant}/indicators': {
    body: (s) => ({ unitId: s.unitId, name: 'Waktu layanan perizinan', measure: 'hari', direction: 'lower_is_better' }),
  },
  'GET /api/v1/tenants/{tenant}/indicators/{id}': { params: indicator, query: '?before=2025&after=2026' },
  'PATCH /api/v1/tenants/{tenant}/indicators/{id}': { params: indicator, body: () => ({ name: 'Indikator Diubah' }), headers: ifMatch },
  'PUT /api/v1/tenants/{tenant}/indicators/{id}/values/{period}': {
    params: (s) => ({ id: s.indicatorId, period: '2026-Q1' }),
    body: () => ({ value: 12.5, note: 'Rata-rata triwulan' }),
  },
  'GET /api/v1/tenants/{tenant}/mentors': {},
  'POST /api/v1/tenants/{tenant}/mentors': { body: (s) => ({ employeeId: s.menteeId, capacity: 2, competencies: [s.competencyId] }) },
  'GET /api/v1/tenants/{tenant}/mentors/{id}': { params: (s) => ({ id: s.mentorId }) },
  'PATCH /api/v1/tenants/{tenant}/mentors/{id}': { params: (s) => ({ id: s.mentorId }), body: () => ({ capacity: 4 }), headers: ifMatch },
  'GET /api/v1/tenants/{tenant}/pairings': {},
  'POST /api/v1/tenants/{tenant}/pairings': {
    body: (s) => ({ kind: 'mentoring', mentorId: s.employeeId, menteeId: s.menteeId, focus: [s.competencyId] }),
  },
  'GET /api/v1/tenants/{tenant}/pairings/suggestions': { query: (s) => `?mentee=${s.menteeId}` },
  'POST /api/v1/tenants/{tenant}/pairings/match': { body: (s) => ({ mentees: [s.menteeId], kind: 'mentoring' }) },
  'POST /api/v1/tenants/{tenant}/pairings/publish': { body: (s) => ({ pairs: [{ mentorId: s.employeeId, menteeId: s.menteeId }] }) },
  'GET /api/v1/tenants/{tenant}/pairings/{id}': { params: pairing },
  'POST /api/v1/tenants/{tenant}/pairings/{id}/accept': { params: pairing },
  'POST /api/v1/tenants/{tenant}/pairings/{id}/decline': { params: pairing, body: () => ({ reason: 'Jadwal penuh bulan ini' }) },
  'POST /api/v1/tenants/{tenant}/pairings/{id}/end': {
    params: pairing,
    body: () => ({ outcome: 'cancelled', reason: 'Dibatalkan oleh admin' }),
  },
  'GET /api/v1/tenants/{tenant}/pairings/{id}/sessions': { params: pairing },
  'POST /api/v1/tenants/{tenant}/pairings/{id}/sessions': {
    params: pairing,
    body: () => ({ date: '2026-03-10', minutes: 60, notes: 'Catatan sesi', actionItems: ['Baca pedoman'] }),
  },
  'POST /api/v1/tenants/{tenant}/pairings/{id}/sessions/{sessionId}/confirm': {
    params: (s) => ({ id: s.completedPairingId, sessionId: s.sessionId }),
  },
  'GET /api/v1/tenants/{tenant}/pairings/{id}/goals': { params: pairing },
  'POST /api/v1/tenants/{tenant}/pairings/{id}/goals': {
    params: pairing,
    body: () => ({ title: 'Menyusun rencana aksi', dueDate: '2026-06-30' }),
  },
  'GET /api/v1/tenants/{tenant}/pairings/{id}/goals/{goalId}': { params: goal },
  'PATCH /api/v1/tenants/{tenant}/pairings/{id}/goals/{goalId}': { params: goal, body: () => ({ status: 'done' }), headers: ifMatch },
  'GET /api/v1/me/pairings': { untenanted: true, selfScoped: true },
  'GET /api/v1/tenants/{tenant}/providers': {},
  'POST /api/v1/tenants/{tenant}/providers': { body: () => ({ name: `Penyelenggara ${code('P')}`, kind: 'university' }) },
  'GET /api/v1/tenants/{tenant}/providers/{id}': { params: provider },
  'PATCH /api/v1/tenants/{tenant}/providers/{id}': {
    params: provider,
    body: () => ({ contact: 'diklat@example.go.id' }),
    headers: ifMatch,
  },
  'GET /api/v1/tenants/{tenant}/programs': { query: '?method=kursus' },
  'POST /api/v1/tenants/{tenant}/programs': {
    body: (s) => ({
      code: code('PRG'),
      title: 'Program Baru',
      description: 'Program baru',
      method: 'workshop',
      jp: 6.5,
      costPerParticipant: 100_000,
      targets: [{ competency: s.competencyId, expectedGain: 1 }],
    }),
  },
  'GET /api/v1/tenants/{tenant}/programs/{id}': { params: program },
  'PATCH /api/v1/tenants/{tenant}/programs/{id}': { params: program, body: () => ({ title: 'Program Diubah' }), headers: ifMatch },
  'GET /api/v1/national/programs': { untenanted: true },
  'PUT /api/v1/national/programs/{code}': {
    untenanted: true,
    params: () => ({ code: 'SEC-NASPRG' }),
    body: () => ({
      title: 'Program Nasional Uji',
      description: 'Program nasional',
      method: 'e_learning',
      jp: 10,
      costPerParticipant: 0,
      targets: [{ competency: 'INTEGRITAS', expectedGain: 1 }],
    }),
  },
  'POST /api/v1/national/programs/{code}/retire': { untenanted: true, params: () => ({ code: 'SEC-NASPRG' }) },
  'POST /api/v1/national/programs/{code}/reinstate': { untenanted: true, params: () => ({ code: 'SEC-NASPRG' }) },
  'GET /api/v1/tenants/{tenant}/offerings': {},
  'POST /api/v1/tenants/{tenant}/offerings': {
    body: (s) => ({ programId: s.programId, startDate: '2099-04-01', endDate: '2099-04-03', capacity: 5, online: true }),
  },
  'GET /api/v1/tenants/{tenant}/offerings/{id}': { params: offering },
  'PATCH /api/v1/tenants/{tenant}/offerings/{id}': { params: offering, body: () => ({ capacity: 12 }), headers: ifMatch },
  'GET /api/v1/tenants/{tenant}/offerings/{id}/enrollments': { params: offering },
  'POST /api/v1/tenants/{tenant}/offerings/{id}/enrollments': { params: offering, body: (s) => ({ employeeIds: [s.employeeId] }) },
  'POST /api/v1/tenants/{tenant}/offerings/{id}/requests': { params: offering },
  'GET /api/v1/tenants/{tenant}/enrollments/{id}': { params: enrollment },
  'POST /api/v1/tenants/{tenant}/enrollments/{id}/approve': { params: enrollment },
  'POST /api/v1/tenants/{tenant}/enrollments/{id}/withdraw': { params: enrollment },
  'POST /api/v1/tenants/{tenant}/enrollments/{id}/complete': { params: enrollment, body: () => ({ attendance: 90, passed: true }) },
  'GET /api/v1/tenants/{tenant}/plans': { query: '?year=2099' },
  'POST /api/v1/tenants/{tenant}/plans': { body: () => ({ year: 2099, budget: 10_000_000, options: { perPersonCap: 1 } }) },
  'GET /api/v1/tenants/{tenant}/plans/compare': { query: (s) => `?a=${s.planId}&b=${s.planId}` },
  'GET /api/v1/tenants/{tenant}/plans/{id}': { params: plan },
  'GET /api/v1/tenants/{tenant}/plans/{id}/lines': { params: plan },
  'POST /api/v1/tenants/{tenant}/plans/{id}/recompute': { params: plan, body: () => ({ budget: 1_000_000 }) },
  'POST /api/v1/tenants/{tenant}/plans/{id}/approve': { params: plan, headers: ifMatch },
  'GET /api/v1/tenants/{tenant}/employees/{id}/recommendations': { params: employee },
  'GET /api/v1/tenants/{tenant}/employees/{id}/enrollments': { params: employee },
  'GET /api/v1/tenants/{tenant}/units/{id}/recommendations': { params: unit },
  'GET /api/v1/tenants/{tenant}/units/{id}/recommendations/people': { params: unit },
  'GET /api/v1/me/recommendations': { untenanted: true, selfScoped: true },
  'GET /api/v1/me/enrollments': { untenanted: true, selfScoped: true },

  'POST /api/v1/tenants/{tenant}/enrollments/{id}/reaction': {
    params: completedEnrollment,
    body: () => ({ answers: { materi: 4, fasilitator: 5, metode: 4, sarana: 3, manfaat: 5, waktu: 4 }, comment: 'Materi bermanfaat' }),
  },
  'PUT /api/v1/tenants/{tenant}/enrollments/{id}/test-scores': { params: completedEnrollment, body: () => ({ pre: 50, post: 75 }) },
  'GET /api/v1/tenants/{tenant}/offerings/{id}/test-scores': { params: offering },
  'PUT /api/v1/tenants/{tenant}/offerings/{id}/test-scores': {
    params: offering,
    body: (s) => ({ scores: [{ enrollmentId: s.completedEnrollmentId, pre: 45, post: 80 }] }),
  },
  'POST /api/v1/tenants/{tenant}/enrollments/{id}/behaviour': {
    params: completedEnrollment,
    body: (s) => ({ rating: 4, comment: 'Lebih teliti menyusun laporan', assessments: [{ competency: s.competencyId, level: 3 }] }),
  },
  'POST /api/v1/tenants/{tenant}/pairings/{id}/feedback': {
    params: (s) => ({ id: s.completedPairingId }),
    body: () => ({ rating: 5, comment: 'Sangat membantu' }),
  },
  'GET /api/v1/me/evaluations': { untenanted: true, selfScoped: true },
  'GET /api/v1/tenants/{tenant}/offerings/{id}/evaluation': { params: offering },
  'GET /api/v1/tenants/{tenant}/programs/{id}/evaluation': { params: program },
  'GET /api/v1/tenants/{tenant}/evaluations/summary': { query: '?year=2026' },
  'GET /api/v1/national/audit': { untenanted: true },
  'GET /api/v1/national/summary': { untenanted: true, query: '?year=2026' },
  'GET /api/v1/national/summary.csv': { untenanted: true, query: '?year=2026' },
  'GET /api/v1/national/tenants/{tenant}/summary': { untenanted: true, query: '?year=2026' },
  'POST /api/v1/national/summary/refresh': { untenanted: true, query: '?year=2026' },

  'GET /api/v1/tenants/{tenant}/jobs': {},
  'GET /api/v1/tenants/{tenant}/jobs/{id}': { params: job },
  'POST /api/v1/tenants/{tenant}/jobs/{id}/cancel': { params: job },
  'POST /api/v1/tenants/{tenant}/exports': {},
  'GET /api/v1/tenants/{tenant}/exports/{id}/download': { params: (s) => ({ id: s.exportId }) },
  'GET /api/v1/national/jobs': { untenanted: true },
  'GET /api/v1/national/jobs/{id}': { untenanted: true, params: (s) => ({ id: s.nationalJobId }) },
  'POST /api/v1/national/jobs/{id}/cancel': { untenanted: true, params: (s) => ({ id: s.nationalJobId }) },
};
