/**
 * Every human-readable text field of every write route refuses control characters, line and
 * paragraph separators and direction overrides with a 400 naming the field; names and titles also
 * refuse line breaks, free text (descriptions, notes, comments) keeps them. Leading and trailing
 * whitespace is trimmed. One shared rule (src/platform/http/text.ts); this table walks it across
 * the routes, each bad character in each field, and checks that the field is the only problem.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectProblem } from '../support/api';
import { createTenant, manifestFor, type TestTenant, uniqueSlug } from '../support/factories';
import { tokenFor } from '../support/tokens';

type Caller = 'admin' | 'employee' | 'national';
type Kind = 'line' | 'text';

interface Field {
  route: string;
  caller: Caller;
  body: () => Record<string, unknown>;
  /** Dotted paths into the body, each a text field of the given kind. */
  fields: Partial<Record<Kind, string[]>>;
  headers?: Record<string, string>;
}

/** A fresh list each time: the cases write into the bodies they are given. */
const levels = () => ['Tingkat 1', 'Tingkat 2', 'Tingkat 3', 'Tingkat 4', 'Tingkat 5'];
const ifMatch = { 'if-match': '"v1"' };
const uid = () => crypto.randomUUID().slice(0, 8).toUpperCase();
const official = () => ({ name: 'Dr. Hendra Wijaya', nip: '197204101998031004', title: 'Kepala BKPSDM' });

const table: Field[] = [
  {
    route: 'POST /api/v1/tenants',
    caller: 'national',
    body: () => ({
      ...manifestFor(uniqueSlug('txt'), {
        competencies: [{ code: `TEK-${uid()}`, name: 'Kompetensi Teknis', description: 'Uraian', levels: levels() }],
      }),
    }),
    fields: {
      line: ['name', 'units.0.name', 'units.0.children.0.name', 'positions.0.name', 'competencies.0.name'],
      text: ['competencies.0.description', 'competencies.0.levels.0'],
    },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/units',
    caller: 'admin',
    body: () => ({ code: `U-${uid()}`, name: 'Bagian Baru', kind: 'bagian' }),
    fields: { line: ['name'] },
  },
  {
    route: 'PATCH /api/v1/tenants/{tenant}/units/{id}',
    caller: 'admin',
    body: () => ({ name: 'Bagian' }),
    fields: { line: ['name'] },
    headers: ifMatch,
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/positions',
    caller: 'admin',
    body: () => ({ code: `P-${uid()}`, name: 'Jabatan Baru', category: 'pelaksana' }),
    fields: { line: ['name'] },
  },
  {
    route: 'PATCH /api/v1/tenants/{tenant}/positions/{id}',
    caller: 'admin',
    body: () => ({ name: 'Jabatan' }),
    fields: { line: ['name'] },
    headers: ifMatch,
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/employees',
    caller: 'admin',
    body: () => ({
      nip: '199001012015011001',
      name: 'Pegawai',
      unitId: 'unt_x',
      positionId: 'pos_x',
      grade: 'II/c',
      employmentType: 'pns',
    }),
    fields: { line: ['name'] },
  },
  {
    route: 'PATCH /api/v1/tenants/{tenant}/employees/{id}',
    caller: 'admin',
    body: () => ({ name: 'Pegawai' }),
    fields: { line: ['name'] },
    headers: ifMatch,
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/competencies',
    caller: 'admin',
    body: () => ({ code: `TEK-${uid()}`, name: 'Kompetensi', description: 'Uraian', levels: levels() }),
    fields: { line: ['name'], text: ['description', 'levels.2'] },
  },
  {
    route: 'PATCH /api/v1/tenants/{tenant}/competencies/{id}',
    caller: 'admin',
    body: () => ({ name: 'Kompetensi', description: 'Uraian' }),
    fields: { line: ['name'], text: ['description'] },
    headers: ifMatch,
  },
  {
    route: 'PUT /api/v1/national/competencies/{code}',
    caller: 'national',
    body: () => ({ name: 'Kompetensi Nasional', type: 'manajerial', description: 'Uraian', levels: levels() }),
    fields: { line: ['name'], text: ['description', 'levels.4'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/providers',
    caller: 'admin',
    body: () => ({ name: 'Penyelenggara', kind: 'university', contact: 'diklat@example.go.id' }),
    fields: { line: ['name', 'contact'] },
  },
  {
    route: 'PATCH /api/v1/tenants/{tenant}/providers/{id}',
    caller: 'admin',
    body: () => ({ name: 'Penyelenggara' }),
    fields: { line: ['name'] },
    headers: ifMatch,
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/programs',
    caller: 'admin',
    body: () => ({
      code: `PRG-${uid()}`,
      title: 'Program',
      description: 'Uraian',
      method: 'workshop',
      jp: 6,
      costPerParticipant: 0,
      targets: [{ competency: 'INTEGRITAS', expectedGain: 1 }],
    }),
    fields: { line: ['title'], text: ['description'] },
  },
  {
    route: 'PATCH /api/v1/tenants/{tenant}/programs/{id}',
    caller: 'admin',
    body: () => ({ title: 'Program', description: 'Uraian' }),
    fields: { line: ['title'], text: ['description'] },
    headers: ifMatch,
  },
  {
    route: 'PUT /api/v1/national/programs/{code}',
    caller: 'national',
    body: () => ({
      title: 'Program Nasional',
      description: 'Uraian',
      method: 'e_learning',
      jp: 10,
      costPerParticipant: 0,
      targets: [{ competency: 'INTEGRITAS', expectedGain: 1 }],
    }),
    fields: { line: ['title'], text: ['description'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/offerings',
    caller: 'admin',
    body: () => ({ programId: 'prg_x', startDate: '2099-04-01', endDate: '2099-04-03', capacity: 5, location: 'Aula BKPSDM' }),
    fields: { line: ['location'] },
  },
  {
    route: 'PATCH /api/v1/tenants/{tenant}/offerings/{id}',
    caller: 'admin',
    body: () => ({ location: 'Aula' }),
    fields: { line: ['location'] },
    headers: ifMatch,
  },
  {
    route: 'PUT /api/v1/tenants/{tenant}/certificate-settings',
    caller: 'admin',
    body: () => ({ numberPattern: '{seq}/{code}/{unit}/{year}', issuerUnit: 'BKPSDM', issuedPlace: 'Kalianda', official: official() }),
    fields: { line: ['issuedPlace', 'official.name', 'official.title'] },
    headers: { 'if-match': '"v0"' },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/offerings/{id}/certificates',
    caller: 'admin',
    body: () => ({ enrollmentId: 'enr_x', official: official() }),
    fields: { line: ['official.name', 'official.title'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/offerings/{id}/certificates/batch',
    caller: 'admin',
    body: () => ({ official: official() }),
    fields: { line: ['official.name', 'official.title'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/certificates/{id}/revoke',
    caller: 'admin',
    body: () => ({ reason: 'Data peserta keliru' }),
    fields: { line: ['reason'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/assessments',
    caller: 'admin',
    body: () => ({
      employeeId: 'emp_x',
      competency: 'INTEGRITAS',
      level: 3,
      source: 'supervisor',
      date: '2026-01-15',
      assessor: 'Atasan',
      note: 'Catatan',
    }),
    fields: { line: ['assessor'], text: ['note'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/assessments/bulk',
    caller: 'admin',
    body: () => ({
      items: [{ employeeId: 'emp_x', competency: 'INTEGRITAS', level: 3, source: 'self', date: '2026-01-15', assessor: 'A' }],
    }),
    fields: { line: ['items.0.assessor'] },
  },
  {
    route: 'POST /api/v1/me/assessments',
    caller: 'employee',
    body: () => ({ competency: 'INTEGRITAS', level: 2, date: '2026-02-01', note: 'Catatan' }),
    fields: { text: ['note'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/jp',
    caller: 'admin',
    body: () => ({
      employeeId: 'emp_x',
      jp: 2,
      source: 'other',
      occurredAt: '2026-03-01T09:00:00+07:00',
      reference: 'ref',
      note: 'Catatan',
    }),
    fields: { line: ['reference'], text: ['note'] },
  },
  {
    route: 'POST /api/v1/me/learning-reports',
    caller: 'employee',
    body: () => ({
      title: 'Seminar',
      method: 'seminar',
      organiser: 'Universitas Lampung',
      startDate: '2025-04-01',
      endDate: '2025-04-01',
      certificateNumber: 'SERT/1',
    }),
    fields: { line: ['title', 'organiser', 'certificateNumber'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/learning-reports/{id}/reject',
    caller: 'admin',
    body: () => ({ reason: 'Tidak terbaca' }),
    fields: { text: ['reason'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/surveys/ikm/responses',
    caller: 'admin',
    body: () => ({
      responses: [
        { unitId: 'unt_x', period: '2026-S1', answers: [3, 3, 3, 3, 3, 3, 3, 3, 3], date: '2026-02-10', respondent: { service: 'KTP-el' } },
      ],
    }),
    fields: { line: ['responses.0.respondent.service'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/indicators',
    caller: 'admin',
    body: () => ({ unitId: 'unt_x', name: 'Waktu layanan', measure: 'hari', direction: 'lower_is_better' }),
    fields: { line: ['name', 'measure'] },
  },
  {
    route: 'PATCH /api/v1/tenants/{tenant}/indicators/{id}',
    caller: 'admin',
    body: () => ({ name: 'Indikator' }),
    fields: { line: ['name'] },
    headers: ifMatch,
  },
  {
    route: 'PUT /api/v1/tenants/{tenant}/indicators/{id}/values/{period}',
    caller: 'admin',
    body: () => ({ value: 12.5, note: 'Catatan' }),
    fields: { text: ['note'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/mentors',
    caller: 'admin',
    body: () => ({ employeeId: 'emp_x', availability: 'Selasa' }),
    fields: { text: ['availability'] },
  },
  {
    route: 'PATCH /api/v1/tenants/{tenant}/mentors/{id}',
    caller: 'admin',
    body: () => ({ availability: 'Selasa' }),
    fields: { text: ['availability'] },
    headers: ifMatch,
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/pairings',
    caller: 'admin',
    body: () => ({ kind: 'mentoring', mentorId: 'emp_a', menteeId: 'emp_b', note: 'Catatan', goals: [{ title: 'Tujuan' }] }),
    fields: { line: ['goals.0.title'], text: ['note'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/pairings/{id}/decline',
    caller: 'employee',
    body: () => ({ reason: 'Jadwal penuh' }),
    fields: { text: ['reason'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/pairings/{id}/end',
    caller: 'admin',
    body: () => ({ outcome: 'cancelled', reason: 'Dibatalkan' }),
    fields: { text: ['reason'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/pairings/{id}/sessions',
    caller: 'employee',
    body: () => ({ date: '2026-03-10', minutes: 60, notes: 'Catatan', actionItems: ['Baca pedoman'] }),
    fields: { line: ['actionItems.0'], text: ['notes'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/pairings/{id}/goals',
    caller: 'employee',
    body: () => ({ title: 'Tujuan' }),
    fields: { line: ['title'] },
  },
  {
    route: 'PATCH /api/v1/tenants/{tenant}/pairings/{id}/goals/{goalId}',
    caller: 'employee',
    body: () => ({ title: 'Tujuan' }),
    fields: { line: ['title'] },
    headers: ifMatch,
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/enrollments/{id}/reaction',
    caller: 'employee',
    body: () => ({ answers: { materi: 4, fasilitator: 5, metode: 4, sarana: 3, manfaat: 5, waktu: 4 }, comment: 'Bagus' }),
    fields: { text: ['comment'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/enrollments/{id}/behaviour',
    caller: 'employee',
    body: () => ({ rating: 4, comment: 'Baik' }),
    fields: { text: ['comment'] },
  },
  {
    route: 'POST /api/v1/tenants/{tenant}/pairings/{id}/feedback',
    caller: 'employee',
    body: () => ({ rating: 5, comment: 'Baik' }),
    fields: { text: ['comment'] },
  },
];

/** Refused in every text field. */
const alwaysBad = {
  NUL: '\u0000',
  BEL: '\u0007',
  ESC: '\u001b',
  TAB: '\t',
  DEL: '\u007f',
  NEL: '\u0085',
  CSI: '\u009b',
  'LINE SEPARATOR': '\u2028',
  'PARAGRAPH SEPARATOR': '\u2029',
  'RIGHT-TO-LEFT OVERRIDE': '\u202e',
  'LEFT-TO-RIGHT ISOLATE': '\u2066',
};
/** Refused in names and titles only. */
const lineBreaks = { LF: '\n', CR: '\r', 'CR LF': '\r\n' };

function withValue(body: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const keys = path.split('.');
  let at: Record<string, unknown> = body;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1) as string] = value;
  return body;
}

let t: TestTenant;
let tokens: Record<Caller, string>;

beforeAll(async () => {
  t = await createTenant();
  tokens = { admin: t.adminToken, employee: t.employeeToken, national: await tokenFor('national_admin') };
});

function call(entry: Field, body: Record<string, unknown>) {
  const [method, template] = entry.route.split(' ') as [string, string];
  const path = template
    .replace('{tenant}', t.slug)
    .replace('{code}', 'TXT-NASIONAL')
    .replace('{period}', '2026-Q1')
    .replace(/{\w+}/g, 'x_unknown');
  return api(method, path, { token: tokens[entry.caller], body, headers: entry.headers ?? {} });
}

describe('text fields refuse control characters, separators and direction overrides', () => {
  const cases = table.flatMap((entry) =>
    (['line', 'text'] as const).flatMap((kind) =>
      (entry.fields[kind] ?? []).flatMap((field) =>
        Object.entries(kind === 'line' ? { ...alwaysBad, ...lineBreaks } : alwaysBad).map(
          ([name, bad]) => [`${entry.route} ${field} with ${name}`, entry, field, bad] as const,
        ),
      ),
    ),
  );

  it(`answers 400 naming the field, and only that field (${cases.length} cases)`, async () => {
    for (const [what, entry, field, bad] of cases) {
      const res = await call(entry, withValue(entry.body(), field, `Nama ${bad}Baik`));
      expect(expectProblem(res, 400).errors, what).toEqual([{ path: `json.${field}`, message: expect.any(String) }]);
    }
  });

  it('lets free text keep its line breaks (CR LF and CR become LF) and refuses them in names', async () => {
    const created = await api('POST', `/api/v1/tenants/${t.slug}/competencies`, {
      token: t.adminToken,
      body: {
        code: `TEK-${uid()}`,
        name: '  Analisis Data  ',
        description: 'Baris satu\r\nBaris dua\rBaris tiga\nBaris empat',
        levels: levels(),
      },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.name).toBe('Analisis Data');
    expect(created.body.description).toBe('Baris satu\nBaris dua\nBaris tiga\nBaris empat');
  });

  it('trims names instead of refusing them, and keeps inner spaces and ordinary Unicode', async () => {
    const res = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      body: { code: `U-${uid()}`, name: ' \u00a0 Bagian  Umum — Sekretariat Daerah (Setda) 🇮🇩 \t', kind: 'bagian' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.name).toBe('Bagian  Umum — Sekretariat Daerah (Setda) 🇮🇩');
  });
});
