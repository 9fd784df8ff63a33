/** Answers shaped like the API's (the generated types check them), for the component tests. */
import type { components } from '../lib/api/schema';

type S = components['schemas'];

export const me: S['Me'] = {
  subject: 'dev-employee',
  roles: ['employee'],
  tenant: { id: 'ten_1', slug: 'kalianda', name: 'Pemerintah Kabupaten Lampung Selatan' },
  employee: {
    id: 'emp_me',
    nip: '197905122002101431',
    name: 'Adi Kurniawan, S.IP., M.AP.',
    grade: 'IV/a',
    employmentType: 'pns',
    status: 'active',
    email: null,
    gender: 'male',
    birthDate: '1979-05-12',
    unit: { id: 'unt_1', code: 'DINKES', name: 'Dinas Kesehatan' },
    position: { id: 'pos_1', code: 'KABID', name: 'Kepala Bidang Kesehatan Masyarakat', category: 'administrator' },
    supervisor: { id: 'emp_boss', name: 'Desi Oktavia, S.H., M.H.' },
  },
};

export const tenant: S['Tenant'] = {
  id: 'ten_1',
  slug: 'kalianda',
  name: 'Pemerintah Kabupaten Lampung Selatan',
  kind: 'kabupaten',
  regionCode: '18.01',
  timeZone: 'Asia/Jakarta',
  jpTarget: 20,
  database: 'DB',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const gapItem = (code: string, name: string, required: number, current: number | null) => ({
  competencyId: `natcmp_${code.toLowerCase()}`,
  code,
  name,
  type: 'manajerial' as const,
  required,
  current,
  assessedOn: current === null ? null : '2026-02-11',
  gap: current === null ? null : Math.max(0, required - current),
  weight: 1,
  weightedGap: current === null ? null : Math.max(0, required - current),
});

export const gaps: S['EmployeeGaps'] = {
  employeeId: 'emp_me',
  positionId: 'pos_1',
  items: [
    gapItem('INTEGRITAS', 'Integritas', 3, 2),
    gapItem('KERJA-SAMA', 'Kerja Sama', 3, 3),
    gapItem('KOMUNIKASI', 'Komunikasi', 4, null),
  ],
  summary: { competencies: 3, assessed: 2, unassessed: 1, withGap: 1, weightedGap: 1 },
};

export const jp: S['JpLedger'] = {
  employeeId: 'emp_me',
  year: 2026,
  employmentType: 'pns',
  entries: [
    {
      id: 'jp_1',
      employeeId: 'emp_me',
      jp: 12.5,
      source: 'program',
      occurredAt: '2026-02-12T20:00:00.000Z',
      year: 2026,
      reference: 'enrollment:enr_1',
      note: null,
      createdAt: '2026-02-12T20:00:00.000Z',
    },
  ],
  total: 12.5,
  target: 20,
  remaining: 7.5,
  reached: false,
};

export const recommendations: S['Recommendations'] = {
  subject: { kind: 'employee', id: 'emp_me' },
  items: [
    {
      score: 3,
      program: {
        id: 'natprg_pkp',
        scope: 'national',
        code: 'PKP',
        title: 'Pelatihan Kepemimpinan Pengawas',
        method: 'pelatihan_kepemimpinan',
        classical: true,
        jp: 90,
        costPerParticipant: 1_500_000,
      },
      offerings: [
        {
          id: 'off_1',
          startDate: '2027-03-01',
          endDate: '2027-04-30',
          capacity: 5,
          location: 'Aula BKPSDM',
          online: false,
          status: 'open',
        },
      ],
      reasons: [
        { competencyId: 'natcmp_integritas', code: 'INTEGRITAS', name: 'Integritas', from: 2, to: 3, weight: 1, closes: 1, people: 1 },
      ],
    },
  ],
};

export const enrollment = (id: string, offeringId: string, status: S['Enrollment']['status']): S['Enrollment'] => ({
  id,
  offeringId,
  employeeId: 'emp_me',
  status,
  seq: 1,
  requestedBy: 'dev-employee',
  attendance: null,
  passed: null,
  completedAt: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
});

/** A place as the person's own list answers it: with its offering's program and dates. */
export const personEnrollment = (
  id: string,
  offeringId: string,
  status: S['Enrollment']['status'],
  offering: S['PersonEnrollment']['offering'] = {
    programTitle: 'Pelatihan Kepemimpinan Pengawas',
    startDate: '2026-07-06',
    endDate: '2026-07-09',
  },
): S['PersonEnrollment'] => ({ ...enrollment(id, offeringId, status), offering });

export const learningReport = (
  id: string,
  status: S['LearningReport']['status'],
  more: Partial<S['LearningReport']> = {},
): S['LearningReport'] => ({
  id,
  employeeId: 'emp_1',
  employeeName: 'Adi Kurniawan, S.Kom.',
  employeeNip: '197905122002101431',
  unitId: 'unit_1',
  title: `Pelatihan ${id}`,
  method: 'pelatihan_teknis',
  organiser: 'BPSDM Provinsi Lampung',
  startDate: '2026-02-10',
  endDate: '2026-02-12',
  days: null,
  sessions: null,
  hours: null,
  semesters: null,
  jpClaimed: 10,
  certificateNumber: null,
  certificateDate: null,
  status,
  evidence: { contentType: 'application/pdf', bytes: 2048 },
  jp: null,
  jpReason: null,
  rulesVersion: null,
  decidedAt: null,
  rejectReason: null,
  siasnSentAt: null,
  siasnRiwayatId: null,
  siasnDocumentAt: null,
  version: 2,
  createdAt: '2026-03-01T02:00:00Z',
  updatedAt: '2026-03-01T02:00:00Z',
  ...more,
});

export const noLearning: [readonly unknown[], unknown][] = [
  [['me', 'learning-reports'], { items: [], nextCursor: null }],
  [['me', 'certificates'], { items: [], nextCursor: null }],
  [['me', 'history'], { employeeId: 'emp_1', items: [], jpByYear: [] }],
];

/** A proposed mentoring pairing with its members' names (`NamedPairing`); `more` overrides any field. */
export const namedPairing = (
  mentor: { id: string; name: string },
  mentee: { id: string; name: string },
  more: Partial<S['NamedPairing']> = {},
): S['NamedPairing'] => ({
  id: `pair_${mentee.id}`,
  kind: 'mentoring',
  mentorId: mentor.id,
  menteeId: mentee.id,
  mentorName: mentor.name,
  menteeName: mentee.name,
  status: 'proposed',
  focus: [],
  note: null,
  proposedBy: 'admin',
  acceptedAt: null,
  endedAt: null,
  endedBy: null,
  endReason: null,
  completedAt: null,
  jp: null,
  version: 1,
  createdAt: '2026-11-30T01:00:00.000Z',
  updatedAt: '2026-11-30T01:00:00.000Z',
  ...more,
});
