/**
 * What each route needs to be called for real: path parameters, a valid body, headers. Every route
 * of the app must have an entry here; the cross-tenant suite fails on a route without one, so a
 * new endpoint cannot escape it. Which roles may call a route is not repeated here: it is read
 * from the route's own `x-roles` in the OpenAPI document.
 */
import { uniqueSlug, manifestFor } from '../support/factories';
import type { Side } from './world';

export interface RouteFixture {
  /** Path parameters other than `tenant`, taken from one side of the world. */
  params?: (side: Side) => Record<string, string>;
  /** A valid body for a call by an allowed role. */
  body?: (side: Side) => unknown;
  query?: string;
  headers?: Record<string, string>;
  /** The route lives outside `/tenants/{tenant}` (national or caller-scoped). */
  untenanted?: boolean;
  /** The route answers about the caller only (`/me`): another region's token is simply its own view. */
  selfScoped?: boolean;
}

const unit = (s: Side) => ({ id: s.unitId });
const position = (s: Side) => ({ id: s.positionId });
const employee = (s: Side) => ({ id: s.employeeId });
const competency = (s: Side) => ({ id: s.competencyId });
const ifMatch = { 'if-match': '"v1"' };
const levels = ['1', '2', '3', '4', '5'].map((l) => `Tingkat ${l}: uraian`);
const assessment = (s: Side) => ({ employeeId: s.employeeId, competency: s.competencyId, level: 3, source: 'supervisor', date: '2026-01-15', assessor: 'Atasan Langsung' });
let nips = 0;
/** A valid PNS NIP not used by the world: born 1990-01-01, appointed 2015-01, sequence counting up. */
const freshNip = () => `19900101201501${1 + (Math.floor(nips / 999) % 2)}${String((nips++ % 999) + 1).padStart(3, '0')}`;

export const routeFixtures: Record<string, RouteFixture> = {
  'POST /api/v1/tenants': { untenanted: true, body: () => manifestFor(uniqueSlug('sec')) },
  'GET /api/v1/tenants': { untenanted: true },
  'GET /api/v1/tenants/{tenant}': {},

  'GET /api/v1/tenants/{tenant}/units': {},
  'POST /api/v1/tenants/{tenant}/units': { body: () => ({ code: `U-${crypto.randomUUID().slice(0, 8).toUpperCase()}`, name: 'Bagian Baru', kind: 'bagian' }) },
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
    body: (s) => ({ nip: freshNip(), name: 'Pegawai Baru', unitId: s.unitId, positionId: s.positionId, grade: 'II/c', employmentType: 'pns' }),
  },
  'POST /api/v1/tenants/{tenant}/employees/import': { query: '?mode=dry-run', headers: { 'content-type': 'text/csv' } },
  'GET /api/v1/tenants/{tenant}/employees/export.csv': {},
  'GET /api/v1/tenants/{tenant}/employees/{id}': { params: employee },
  'PATCH /api/v1/tenants/{tenant}/employees/{id}': { params: employee, body: () => ({ name: 'Pegawai Diubah' }), headers: ifMatch },
  'POST /api/v1/tenants/{tenant}/employees/{id}/deactivate': { params: employee, headers: ifMatch },

  'GET /api/v1/me': { untenanted: true, selfScoped: true },

  'GET /api/v1/tenants/{tenant}/competencies': {},
  'POST /api/v1/tenants/{tenant}/competencies': {
    body: () => ({ code: `TEK-${crypto.randomUUID().slice(0, 8).toUpperCase()}`, name: 'Kompetensi Baru', description: 'Kompetensi teknis baru', levels }),
  },
  'GET /api/v1/tenants/{tenant}/competencies/{id}': { params: competency },
  'PATCH /api/v1/tenants/{tenant}/competencies/{id}': { params: competency, body: () => ({ name: 'Kompetensi Diubah' }), headers: ifMatch },
  'GET /api/v1/national/competencies': { untenanted: true },
  'PUT /api/v1/national/competencies/{code}': {
    untenanted: true,
    params: () => ({ code: 'SEC-NASIONAL' }),
    body: () => ({ name: 'Kompetensi Nasional Uji', type: 'manajerial', description: 'Kompetensi nasional untuk uji keamanan', levels }),
  },
  'GET /api/v1/tenants/{tenant}/positions/{id}/standards': { params: position },
  'PUT /api/v1/tenants/{tenant}/positions/{id}/standards': {
    params: position,
    body: (s) => ({ standards: [{ competency: s.competencyId, requiredLevel: 3, weight: 2 }, { competency: 'INTEGRITAS', requiredLevel: 2 }] }),
    headers: { 'if-match': '"v0"' },
  },
  'POST /api/v1/tenants/{tenant}/assessments': { body: assessment },
  'POST /api/v1/tenants/{tenant}/assessments/bulk': { body: (s) => ({ items: [assessment(s), { ...assessment(s), competency: 'INTEGRITAS', source: 'self' }] }) },
  'GET /api/v1/tenants/{tenant}/employees/{id}/assessments': { params: employee },
  'GET /api/v1/tenants/{tenant}/employees/{id}/gaps': { params: employee },
  'GET /api/v1/tenants/{tenant}/needs': { query: '?groupBy=unit' },
  'GET /api/v1/tenants/{tenant}/needs.csv': { query: '?groupBy=competency' },
  'GET /api/v1/me/gaps': { untenanted: true, selfScoped: true },
  'POST /api/v1/me/assessments': { untenanted: true, selfScoped: true, body: (s) => ({ competency: s.competencyId, level: 2, date: '2026-02-01' }) },

  'POST /api/v1/tenants/{tenant}/jp': {
    body: (s) => ({ employeeId: s.employeeId, jp: 2.5, source: 'other', occurredAt: '2026-03-01T09:00:00+07:00', reference: `sec-${crypto.randomUUID()}` }),
  },
  'GET /api/v1/tenants/{tenant}/employees/{id}/jp': { params: employee, query: '?year=2026' },
  'GET /api/v1/tenants/{tenant}/jp/summary': { query: '?year=2026' },
  'GET /api/v1/me/jp': { untenanted: true, selfScoped: true, query: '?year=2026' },

  'GET /api/v1/national/summary': { untenanted: true, query: '?year=2026' },
  'GET /api/v1/national/summary.csv': { untenanted: true, query: '?year=2026' },
  'GET /api/v1/national/tenants/{tenant}/summary': { untenanted: true, query: '?year=2026' },
  'POST /api/v1/national/summary/refresh': { untenanted: true, query: '?year=2026' },
};
