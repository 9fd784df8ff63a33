/**
 * Examples for the OpenAPI document, in one place: the request and response shapes a reader of
 * the API reference most needs to see filled in. Most responses are real answers of the local
 * server with its demo data (`npm start`), cut to two items per list; the rest are written to
 * match them. `withExamples` adds them to the generated document where the schema has no example
 * of its own, so an example given later next to a schema (`.openapi({ example })`) wins.
 * test/node/openapi-examples.test.ts checks every one against its schema, so a schema that
 * changes without its example fails there.
 */

/** A plan job as `POST …/plans` answers it (202) before it has run. */
const queuedPlanJob = {
  id: 'job_1jd3k5m7n000abcdefgh',
  kind: 'plans.compute',
  status: 'queued',
  progress: { done: 0, total: 0 },
  result: null,
  error: null,
  createdAt: '2026-11-30T02:00:00.000Z',
  updatedAt: '2026-11-30T02:00:00.000Z',
};

/** By component schema name (components.schemas). */
export const schemaExamples: Record<string, unknown> = {
  Job: {
    id: 'job_1jd3k5m7n001qrstvwxy',
    kind: 'employees.import',
    status: 'succeeded',
    progress: { done: 7, total: 7 },
    result: { mode: 'commit', rows: 7, created: 7, updated: 0, unchanged: 0, rejected: 0, errors: [], ignoredColumns: [] },
    error: null,
    createdAt: '2026-11-30T02:00:00.000Z',
    updatedAt: '2026-11-30T02:00:01.000Z',
  },
  Problem: {
    type: 'urn:bangkom:problem:validation-failed',
    title: 'The request is not valid',
    status: 400,
    detail: '2 problem(s) in the request json.',
    instance: '/api/v1/tenants/kalianda/units',
    requestId: '792f6436-ccb3-48c8-b70c-6c5de7ca1fad',
    errors: [
      {
        path: 'json.code',
        message: 'uppercase letters, digits, ".", "_" or "-", at most 40 characters',
      },
      {
        path: 'json.name',
        message: 'Invalid input: expected string, received undefined',
      },
    ],
  },
  TenantManifest: {
    slug: 'kalianda',
    name: 'Pemerintah Kabupaten Lampung Selatan',
    kind: 'kabupaten',
    regionCode: '18.01',
    timeZone: 'Asia/Jakarta',
    jpTarget: 20,
    units: [
      {
        code: 'SETDA',
        name: 'Sekretariat Daerah',
        kind: 'sekretariat',
        children: [
          {
            code: 'SETDA-PEM',
            name: 'Bagian Pemerintahan',
            kind: 'bagian',
            children: [
              {
                code: 'SETDA-PEM-OTDA',
                name: 'Subbagian Otonomi Daerah dan Kerja Sama',
                kind: 'subbagian',
              },
            ],
          },
        ],
      },
    ],
    competencies: [
      {
        code: 'TEK-ADMINDUK',
        name: 'Administrasi Kependudukan',
        description: 'Menyelenggarakan pendaftaran penduduk, pencatatan sipil dan pengelolaan data kependudukan',
        levels: [
          'Tingkat 1: memahami dasar-dasar administrasi kependudukan dan menjalankan tugas rutin dengan bimbingan',
          'Tingkat 2: menerapkan administrasi kependudukan secara mandiri pada tugas sehari-hari',
          'Tingkat 3: menganalisis masalah administrasi kependudukan dan memperbaiki prosedur kerja unit',
          'Tingkat 4: merancang kebijakan dan program administrasi kependudukan lintas unit',
          'Tingkat 5: menjadi rujukan dan mengembangkan standar administrasi kependudukan di tingkat daerah',
        ],
      },
    ],
    positions: [
      {
        code: 'SEKDA',
        name: 'Sekretaris Daerah',
        category: 'jpt_pratama',
        unit: 'SETDA',
        standards: [
          {
            competency: 'INTEGRITAS',
            requiredLevel: 4,
            weight: 2,
          },
          {
            competency: 'KERJA-SAMA',
            requiredLevel: 4,
            weight: 1,
          },
        ],
      },
    ],
  },
  Tenant: {
    id: 'ten_fvzqe67fq7pgvrvv',
    slug: 'belawan',
    name: 'Pemerintah Kota Medan — Wilayah Belawan',
    kind: 'kota',
    regionCode: '12.71',
    timeZone: 'Asia/Jakarta',
    jpTarget: 20,
    database: 'DB_DEDICATED',
    version: 1,
    createdAt: '2026-11-29T17:28:00.507Z',
    updatedAt: '2026-11-29T17:28:00.507Z',
  },
  NewUnit: {
    code: 'DINKES-YANKES',
    name: 'Bidang Pelayanan Kesehatan',
    kind: 'bidang',
    parentId: 'unt_mjphkb9wbkmczwc9',
  },
  Unit: {
    id: 'unt_mjphkb9wbkmczwc9',
    code: 'BAPPEDA',
    name: 'Badan Perencanaan Pembangunan Daerah',
    kind: 'badan',
    parentId: null,
    version: 1,
    createdAt: '2026-11-29T17:28:01.118Z',
    updatedAt: '2026-11-29T17:28:01.118Z',
  },
  NewPosition: {
    code: 'KABID-YANKES',
    name: 'Kepala Bidang Pelayanan Kesehatan',
    category: 'administrator',
    unitId: 'unt_mjphkb9wbkmczwc9',
  },
  Position: {
    id: 'pos_tq97csr9v9n4z2xt',
    code: 'ANALIS-KEBIJAKAN-MUDA',
    name: 'Analis Kebijakan Ahli Muda',
    category: 'fungsional',
    unitId: null,
    version: 1,
    createdAt: '2026-11-29T17:28:01.118Z',
    updatedAt: '2026-11-29T17:28:01.118Z',
  },
  PositionStandards: {
    positionId: 'pos_tq97csr9v9n4z2xt',
    version: 1,
    standards: [
      {
        competencyId: 'natcmp_integritas',
        code: 'INTEGRITAS',
        name: 'Integritas',
        type: 'manajerial',
        requiredLevel: 2,
        weight: 2,
      },
      {
        competencyId: 'natcmp_kerja-sama',
        code: 'KERJA-SAMA',
        name: 'Kerja Sama',
        type: 'manajerial',
        requiredLevel: 2,
        weight: 1,
      },
    ],
  },
  AuditEntry: {
    id: 'aud_1k8k5l5in001wdxvvanc',
    at: '2026-11-29T17:29:15.095Z',
    actor: 'dev-tenant_admin-kalianda',
    action: 'plan.create',
    entity: 'plan',
    entityId: 'pln_1k8k5l5in000v6233yg3',
    requestId: 'ffb71edb-468a-4863-9e1f-096c2baf70b8',
    actorRoles: ['tenant_admin'],
  },
  NewEmployee: {
    nip: '198702122010012001',
    name: 'Siti Rahayu, S.Kep., Ns.',
    unitId: 'unt_pe4pgzxxnmy2mhyq',
    positionId: 'pos_epz2gdp1zv3js1z0',
    grade: 'III/a',
    employmentType: 'pns',
    supervisorId: 'emp_t2ety6h7xt4ze569',
    email: 'siti.rahayu@kalianda.go.id',
  },
  Employee: {
    id: 'emp_a88rfy9mc11h0e03',
    nip: '197905122002101431',
    name: 'Adi Kurniawan, S.IP., M.AP.',
    unitId: 'unt_pe4pgzxxnmy2mhyq',
    positionId: 'pos_epz2gdp1zv3js1z0',
    grade: 'IV/a',
    employmentType: 'pns',
    supervisorId: 'emp_t2ety6h7xt4ze569',
    gender: 'male',
    birthDate: '1979-05-12',
    email: 'adi.kurniawan.431@kalianda.go.id',
    siasnId: 'A8ACA7D4E7A83912E040640A040269BB',
    status: 'active',
    version: 1,
    createdAt: '2026-11-29T17:28:50.715Z',
    updatedAt: '2026-11-29T17:28:50.715Z',
  },
  Me: {
    subject: 'dev-employee-kalianda-emp_a88rfy9mc11h0e03',
    roles: ['employee'],
    tenant: {
      id: 'ten_vpnv074f5yp7jwqk',
      slug: 'kalianda',
      name: 'Pemerintah Kabupaten Lampung Selatan',
    },
    employee: {
      id: 'emp_a88rfy9mc11h0e03',
      nip: '197905122002101431',
      name: 'Adi Kurniawan, S.IP., M.AP.',
      grade: 'IV/a',
      employmentType: 'pns',
      status: 'active',
      email: 'adi.kurniawan.431@kalianda.go.id',
      gender: 'male',
      birthDate: '1979-05-12',
      unit: {
        id: 'unt_pe4pgzxxnmy2mhyq',
        code: 'DINKES-KESMAS',
        name: 'Bidang Kesehatan Masyarakat',
      },
      position: {
        id: 'pos_epz2gdp1zv3js1z0',
        code: 'KABID-KESMAS',
        name: 'Kepala Bidang Kesehatan Masyarakat',
        category: 'administrator',
      },
      supervisor: {
        id: 'emp_t2ety6h7xt4ze569',
        name: 'Desi Oktavia, S.H., M.H.',
      },
    },
  },
  Competency: {
    id: 'natcmp_integritas',
    code: 'INTEGRITAS',
    name: 'Integritas',
    type: 'manajerial',
    description:
      'Konsisten berperilaku selaras dengan nilai, norma dan etika organisasi, jujur dalam hubungan dengan atasan, rekan kerja, bawahan dan pemangku kepentingan.',
    status: 'active',
    retiredAt: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    scope: 'national',
    levels: [
      'Mampu bertindak sesuai nilai, norma dan etika organisasi dalam kapasitas pribadi',
      'Mampu mengingatkan dan mengajak rekan kerja untuk bertindak sesuai nilai, norma dan etika organisasi',
    ],
  },
  NewAssessment: {
    employeeId: 'emp_a88rfy9mc11h0e03',
    competency: 'INTEGRITAS',
    level: 3,
    source: 'supervisor',
    date: '2026-07-15',
    assessor: 'emp_t2ety6h7xt4ze569',
    note: null,
  },
  NewAssessments: {
    items: [
      {
        employeeId: 'emp_a88rfy9mc11h0e03',
        competency: 'INTEGRITAS',
        level: 3,
        source: 'supervisor',
        date: '2026-07-15',
        assessor: 'emp_t2ety6h7xt4ze569',
        note: null,
      },
      {
        employeeId: 'emp_a88rfy9mc11h0e03',
        competency: 'KERJA-SAMA',
        level: 2,
        source: 'supervisor',
        date: '2026-07-15',
        assessor: 'emp_t2ety6h7xt4ze569',
        note: null,
      },
    ],
  },
  Assessment: {
    id: 'asm_1k8k5kes1005kzp89n6x',
    employeeId: 'emp_a88rfy9mc11h0e03',
    competencyId: 'natcmp_mengelola-perubahan',
    level: 3,
    source: 'self',
    selfAssessed: true,
    date: '2026-07-15',
    assessor: 'self',
    note: null,
    createdAt: '2026-11-29T17:28:51.841Z',
  },
  EmployeeGaps: {
    employeeId: 'emp_a88rfy9mc11h0e03',
    positionId: 'pos_epz2gdp1zv3js1z0',
    items: [
      {
        competencyId: 'natcmp_integritas',
        code: 'INTEGRITAS',
        name: 'Integritas',
        type: 'manajerial',
        required: 3,
        current: 2,
        assessedOn: '2026-02-11',
        gap: 1,
        weight: 2,
        weightedGap: 2,
      },
      {
        competencyId: 'natcmp_kerja-sama',
        code: 'KERJA-SAMA',
        name: 'Kerja Sama',
        type: 'manajerial',
        required: 3,
        current: 2,
        assessedOn: '2026-06-15',
        gap: 1,
        weight: 1,
        weightedGap: 1,
      },
    ],
    summary: {
      competencies: 10,
      assessed: 9,
      unassessed: 1,
      withGap: 5,
      weightedGap: 10,
    },
  },
  NeedsReport: {
    groupBy: 'competency',
    priorities: [
      {
        employeeId: 'emp_yxhyz3356yhy9mkt',
        employeeName: 'Endang Mulyani, S.Ak.',
        unitId: 'unt_57z83x6kjvn598cw',
        unitCode: 'KEC-NATAR-PMD',
        unitName: 'Seksi Pemberdayaan Masyarakat dan Desa',
        competencyId: 'cmp_t8aztr4vpb28dkyb',
        competencyCode: 'TEK-ADMPEM',
        requiredLevel: 3,
        currentLevel: 1,
        gap: 2,
        weight: 3,
        weightedGap: 6,
      },
      {
        employeeId: 'emp_xt1zk9zs82nwtmc2',
        employeeName: 'Joko Riyadi, S.H.',
        unitId: 'unt_nfr2j1wsvxnc2j68',
        unitCode: 'PKM-NATAR',
        unitName: 'UPTD Puskesmas Natar',
        competencyId: 'cmp_t8aztr4vpb28dkyb',
        competencyCode: 'TEK-ADMPEM',
        requiredLevel: 3,
        currentLevel: 1,
        gap: 2,
        weight: 3,
        weightedGap: 6,
      },
    ],
    items: [
      {
        key: 'cmp_t8aztr4vpb28dkyb',
        code: 'TEK-ADMPEM',
        name: 'Administrasi Pemerintahan',
        employees: 170,
        employeesWithGap: 61,
        employeesUnassessed: 25,
        assessed: 145,
        unassessed: 25,
        meanGap: 0.54,
        weightedGap: 234,
        topPriorities: [
          {
            competencyId: 'cmp_t8aztr4vpb28dkyb',
            code: 'TEK-ADMPEM',
            weightedGap: 234,
          },
        ],
      },
      {
        key: 'natcmp_integritas',
        code: 'INTEGRITAS',
        name: 'Integritas',
        employees: 300,
        employeesWithGap: 101,
        employeesUnassessed: 43,
        assessed: 257,
        unassessed: 43,
        meanGap: 0.42,
        weightedGap: 214,
        topPriorities: [
          {
            competencyId: 'natcmp_integritas',
            code: 'INTEGRITAS',
            weightedGap: 214,
          },
        ],
      },
    ],
    computedAt: '2026-11-29T17:37:36.556Z',
  },
  NewJpEntry: {
    employeeId: 'emp_a88rfy9mc11h0e03',
    jp: 4.5,
    source: 'self_study',
    occurredAt: '2026-03-14T09:00:00+07:00',
    reference: 'e-learning:lan-2026-0314',
    note: 'Kursus daring LAN: Manajemen Risiko',
  },
  JpLedger: {
    employeeId: 'emp_a88rfy9mc11h0e03',
    year: 2026,
    employmentType: 'pns',
    entries: [
      {
        id: 'jp_1k8k5knbt000msptqbxf',
        employeeId: 'emp_a88rfy9mc11h0e03',
        jp: 24,
        source: 'program',
        occurredAt: '2026-02-12T12:00:00.000Z',
        year: 2026,
        reference: 'enrollment:enr_1k8k5kn7e0001wry8mm7',
        note: null,
        createdAt: '2026-11-29T17:29:00.541Z',
      },
    ],
    total: 24,
    target: 20,
    remaining: 0,
    reached: true,
  },
  JpSummary: {
    year: 2026,
    unitId: null,
    target: 20,
    targets: { pns: 20, pppk: 20 },
    employees: 300,
    reached: 10,
    share: 0.0333,
    meanJp: 1.7,
    byEmploymentType: {
      pns: { employees: 262, reached: 9, share: 0.0344 },
      pppk: { employees: 38, reached: 1, share: 0.0263 },
    },
  },
  TenantSettings: {
    selfAssessments: 'until_other_source',
    jpTargets: { pns: 20, pppk: 20 },
    version: 0,
    updatedAt: null,
  },
  TenantSettingsInput: {
    selfAssessments: 'until_other_source',
    jpTargets: { pns: 20, pppk: 24 },
  },
  EvaluationSettings: {
    l3WaitingDays: 30,
    version: 0,
    updatedAt: null,
  },
  UnitIndicator: {
    id: 'ind_nj8cre717r6vgett',
    unitId: 'unt_0e3hkag5fcmqvk9j',
    name: 'Waktu rata-rata penyelesaian layanan (DISDUKCAPIL)',
    measure: 'menit',
    direction: 'lower_is_better',
    version: 1,
    createdAt: '2026-11-29T17:28:53.710Z',
    updatedAt: '2026-11-29T17:28:53.710Z',
  },
  UnitIndicatorDetail: {
    id: 'ind_nj8cre717r6vgett',
    unitId: 'unt_0e3hkag5fcmqvk9j',
    name: 'Waktu rata-rata penyelesaian layanan (DISDUKCAPIL)',
    measure: 'menit',
    direction: 'lower_is_better',
    version: 1,
    createdAt: '2026-11-29T17:28:53.710Z',
    updatedAt: '2026-11-29T17:28:53.710Z',
    series: [
      {
        period: '2025-Q3',
        value: 54.3,
        note: null,
        updatedAt: '2026-11-29T17:28:53.732Z',
      },
      {
        period: '2025-Q4',
        value: 49.9,
        note: null,
        updatedAt: '2026-11-29T17:28:53.756Z',
      },
    ],
    change: null,
  },
  WaitingEvaluations: {
    items: [
      {
        kind: 'behaviour',
        enrollmentId: 'enr_1k8k5kn7e00bzb2qq9e9',
        pairingId: null,
        employeeId: 'emp_t9sa32s1hr1bgcm5',
        title: 'Bimtek Standar Pelayanan Publik',
        completedOn: '2026-02-12',
        opensOn: '2026-03-14',
        dueOn: '2026-04-13',
        open: true,
      },
    ],
  },
  OfferingEvaluation: {
    offeringId: 'off_hpmgw6qjxj7xqk0g',
    programId: 'prg_c7mvbnbtgn7d10mf',
    startDate: '2026-02-09',
    endDate: '2026-02-12',
    completed: 12,
    l1: {
      responses: 10,
      rate: 0.8333,
      mean: 3.9167,
      items: {
        materi: 4,
        fasilitator: 4,
        metode: 4,
        sarana: 3.5,
        manfaat: 4,
        waktu: 4,
      },
    },
    l2: {
      n: 12,
      meanPre: 56.5,
      meanPost: 77.5,
      meanGain: 21,
      hakeGain: 0.4828,
      meanIndividualGain: 0.5428,
      meanNormalizedGain: 0.5428,
    },
    l3: {
      responses: 6,
      rate: 0.5,
      mean: 4,
    },
    participants: [
      {
        enrollmentId: 'enr_1k8k5kn7e0001wry8mm7',
        employeeId: 'emp_a88rfy9mc11h0e03',
        pre: 35,
        post: 45,
        gain: 10,
        normalizedGain: 0.1538,
      },
      {
        enrollmentId: 'enr_1k8k5kn7e0010ayjq9hb',
        employeeId: 'emp_gfvk4n95cwcxvtd4',
        pre: 48,
        post: 65,
        gain: 17,
        normalizedGain: 0.3269,
      },
    ],
    l4: {
      before: '2025-Q4',
      after: '2026-Q2',
      indicators: [],
    },
  },
  ProgramEvaluation: {
    programId: 'prg_c7mvbnbtgn7d10mf',
    year: 2026,
    offerings: 1,
    completed: 12,
    l1: {
      responses: 10,
      rate: 0.8333,
      mean: 3.9167,
      items: {
        materi: 4,
        fasilitator: 4,
        metode: 4,
        sarana: 3.5,
        manfaat: 4,
        waktu: 4,
      },
    },
    l2: {
      n: 12,
      meanPre: 56.5,
      meanPost: 77.5,
      meanGain: 21,
      hakeGain: 0.4828,
      meanIndividualGain: 0.5428,
      meanNormalizedGain: 0.5428,
    },
    l3: {
      responses: 6,
      rate: 0.5,
      mean: 4,
    },
    l1Distribution: {
      materi: [0, 0, 1, 8, 1],
      sarana: [0, 1, 4, 4, 1],
    },
    l4: {
      before: '2025-Q4',
      after: '2026-Q2',
      indicators: [
        {
          indicatorId: 'ind_4k2m9q7c1x0v3b8n',
          unitId: 'unt_bkpsdm',
          name: 'Rata-rata hari penyelesaian layanan kepegawaian',
          measure: 'hari',
          direction: 'lower_is_better',
          beforeValue: 12,
          afterValue: 9,
          change: -3,
          relativeChange: -0.25,
          improvement: 3,
          improved: true,
        },
      ],
    },
  },
  EvaluationSummary: {
    year: 2026,
    completed: 36,
    l1: {
      responses: 30,
      rate: 0.8333,
      mean: 3.9167,
      items: {
        materi: 4,
        fasilitator: 4,
        metode: 4,
        sarana: 3.5,
        manfaat: 4,
        waktu: 4,
      },
    },
    l2: {
      n: 24,
      meanPre: 56.5,
      meanPost: 77.5,
      meanGain: 21,
      hakeGain: 0.4828,
      meanIndividualGain: 0.5428,
      meanNormalizedGain: 0.5428,
    },
    l3: {
      responses: 18,
      rate: 0.5,
      mean: 4,
    },
    mentoring: {
      completedPairings: 3,
      responses: 6,
      mean: 4.5,
    },
  },
  NewMentorProfile: {
    employeeId: 'emp_t2ety6h7xt4ze569',
    capacity: 3,
    competencies: ['INTEGRITAS', 'KERJA-SAMA'],
    availability: 'Selasa dan Kamis, 13.00–15.00 WIB',
    status: 'active',
  },
  MentorProfile: {
    id: 'mnt_4228hhqa3qvjr1es',
    employeeId: 'emp_c13n09e1wdtsax1q',
    capacity: 2,
    availability: 'Senin pagi, 08.00–10.00',
    status: 'active',
    version: 1,
    createdAt: '2026-11-29T17:28:54.784Z',
    updatedAt: '2026-11-29T17:28:54.784Z',
    competencies: ['natcmp_komunikasi', 'natcmp_kerja-sama'],
  },
  NewPairing: {
    kind: 'mentoring',
    mentorId: 'emp_er8dn36xtzhwjp41',
    menteeId: 'emp_f1pwpw6ykp005zwh',
    focus: ['INTEGRITAS'],
    note: 'Persiapan promosi ke jabatan pengawas',
    goals: [
      {
        title: 'Menyusun rencana kerja seksi 2027',
        dueDate: '2027-03-31',
      },
    ],
  },
  Pairing: {
    id: 'pair_1k8k5khtd0007w43k9yk',
    kind: 'mentoring',
    mentorId: 'emp_er8dn36xtzhwjp41',
    menteeId: 'emp_f1pwpw6ykp005zwh',
    status: 'proposed',
    note: null,
    proposedBy: 'dev-tenant_admin-kalianda',
    acceptedAt: null,
    endedAt: null,
    endedBy: null,
    endReason: null,
    completedAt: null,
    version: 1,
    createdAt: '2026-11-29T17:28:54.957Z',
    updatedAt: '2026-11-29T17:28:54.957Z',
    focus: ['natcmp_integritas'],
    jp: null,
  },
  NewMentoringSession: {
    date: '2026-03-10',
    minutes: 60,
    notes: 'Membahas rencana kerja dan pembagian tugas staf.',
    actionItems: ['Kirim draf rencana kerja sebelum 17 Maret'],
  },
  MentoringSession: {
    id: 'mss_1k8k5kqz0000a1b2c3d4',
    pairingId: 'par_1k8k5kq5n0008xk3m2p1',
    date: '2026-03-10',
    minutes: 60,
    notes: 'Membahas rencana kerja dan pembagian tugas staf.',
    actionItems: ['Kirim draf rencana kerja sebelum 17 Maret'],
    recordedBy: 'dev-employee-kalianda',
    recorderId: 'emp_a88rfy9mc11h0e03',
    status: 'confirmed',
    confirmedBy: 'dev-employee-kalianda-mentor',
    confirmedAt: '2026-03-11T02:15:00.000Z',
    createdAt: '2026-03-10T09:30:00.000Z',
  },
  NewMentoringGoal: {
    title: 'Menyusun rencana kerja seksi 2027',
    dueDate: '2027-03-31',
  },
  MentoringGoal: {
    id: 'mgl_ntf4kgrqgffx11cn',
    pairingId: 'pair_1k8k5khtd0007w43k9yk',
    title: 'Menyusun SOP pelayanan yang baru',
    status: 'open',
    dueDate: '2026-12-15',
    version: 1,
    createdAt: '2026-11-29T17:28:54.957Z',
    updatedAt: '2026-11-29T17:28:54.957Z',
  },
  NewProvider: {
    name: 'BPSDM Provinsi Lampung',
    kind: 'lan_bpsdm',
    contact: 'bpsdm@lampungprov.go.id',
  },
  Provider: {
    id: 'prv_azd7cz0k9gr41hgj',
    name: 'BKPSDM (internal)',
    kind: 'internal',
    contact: null,
    version: 1,
    createdAt: '2026-11-29T17:28:59.550Z',
    updatedAt: '2026-11-29T17:28:59.550Z',
  },
  NewProgram: {
    code: 'BIMTEK-PELAYANAN',
    title: 'Bimtek Standar Pelayanan Publik',
    description: 'Bimtek Standar Pelayanan Publik bagi ASN kalianda.',
    method: 'bimbingan_teknis',
    jp: 24,
    costPerParticipant: 2500000,
    hasTests: true,
    status: 'active',
    targets: [
      {
        competency: 'PELAYANAN-PUBLIK',
        expectedGain: 2,
      },
    ],
  },
  Program: {
    id: 'prg_c7mvbnbtgn7d10mf',
    scope: 'tenant',
    code: 'BIMTEK-PELAYANAN',
    title: 'Bimtek Standar Pelayanan Publik',
    description: 'Bimtek Standar Pelayanan Publik bagi ASN kalianda.',
    method: 'bimbingan_teknis',
    classical: true,
    methodKind: 'perlan_klasikal',
    jp: 24,
    costPerParticipant: 2500000,
    provider: {
      id: 'prv_494bk9v8e09psr4w',
      name: 'BPSDM Provinsi',
      kind: 'lan_bpsdm',
    },
    hasTests: true,
    status: 'active',
    retiredAt: null,
    targets: [
      {
        competencyId: 'natcmp_pelayanan-publik',
        code: 'PELAYANAN-PUBLIK',
        name: 'Pelayanan Publik',
        expectedGain: 2,
      },
    ],
    prerequisites: [],
    version: 1,
    createdAt: '2026-11-29T17:28:59.597Z',
    updatedAt: '2026-11-29T17:28:59.597Z',
  },
  NewOffering: {
    programId: 'prg_c7mvbnbtgn7d10mf',
    startDate: '2027-02-08',
    endDate: '2027-02-11',
    capacity: 25,
    location: 'Aula BKPSDM',
    online: false,
    status: 'open',
  },
  Offering: {
    id: 'off_hpmgw6qjxj7xqk0g',
    programId: 'prg_c7mvbnbtgn7d10mf',
    programTitle: 'Bimtek Standar Pelayanan Publik',
    startDate: '2026-02-09',
    endDate: '2026-02-12',
    capacity: 25,
    enrolled: 0,
    seatsTaken: 22,
    waitlisted: 0,
    location: 'Aula BKPSDM',
    online: false,
    status: 'completed',
    version: 2,
    createdAt: '2026-11-29T17:29:00.352Z',
    updatedAt: '2026-11-29T17:29:01.392Z',
  },
  EnrollEmployees: {
    employeeIds: ['emp_a88rfy9mc11h0e03', 'emp_f1pwpw6ykp005zwh'],
  },
  Enrollment: {
    id: 'enr_1k8k5kn7e0001wry8mm7',
    offeringId: 'off_hpmgw6qjxj7xqk0g',
    employeeId: 'emp_a88rfy9mc11h0e03',
    status: 'completed',
    seq: 1,
    requestedBy: 'dev-tenant_admin-kalianda',
    attendance: 90,
    passed: true,
    completedAt: '2026-02-12T12:00:00.000Z',
    createdAt: '2026-11-29T17:29:00.398Z',
    updatedAt: '2026-11-29T17:29:00.541Z',
  },
  Completion: {
    attendance: 90,
    passed: true,
    completedOn: '2026-02-12',
  },
  Recommendations: {
    subject: {
      kind: 'employee',
      id: 'emp_a88rfy9mc11h0e03',
    },
    items: [
      {
        score: 3,
        program: {
          id: 'natprg_pkp',
          scope: 'national',
          code: 'PKP',
          title: 'Pelatihan Kepemimpinan Pengawas (PKP)',
          method: 'pelatihan_kepemimpinan',
          classical: true,
          jp: 90,
          costPerParticipant: 28000000,
        },
        offerings: [
          {
            id: 'off_avv2br7y7rr1d8t7',
            startDate: '2027-03-01',
            endDate: '2027-04-30',
            capacity: 5,
            location: 'Aula BKPSDM',
            online: false,
            status: 'open',
          },
        ],
        reasons: [
          {
            competencyId: 'natcmp_pengembangan-diri',
            code: 'PENGEMBANGAN-DIRI',
            name: 'Pengembangan Diri dan Orang Lain',
            from: 1,
            to: 3,
            weight: 1,
            closes: 2,
            people: 1,
          },
          {
            competencyId: 'natcmp_kerja-sama',
            code: 'KERJA-SAMA',
            name: 'Kerja Sama',
            from: 2,
            to: 3,
            weight: 1,
            closes: 1,
            people: 1,
          },
        ],
      },
      {
        score: 2,
        program: {
          id: 'prg_r57z7xsgcqm4nz99',
          scope: 'tenant',
          code: 'COACHING-KINERJA',
          title: 'Coaching Kinerja oleh Atasan',
          method: 'coaching',
          classical: false,
          jp: 10,
          costPerParticipant: 0,
        },
        offerings: [],
        reasons: [
          {
            competencyId: 'natcmp_kerja-sama',
            code: 'KERJA-SAMA',
            name: 'Kerja Sama',
            from: 2,
            to: 3,
            weight: 1,
            closes: 1,
            people: 1,
          },
          {
            competencyId: 'natcmp_pengembangan-diri',
            code: 'PENGEMBANGAN-DIRI',
            name: 'Pengembangan Diri dan Orang Lain',
            from: 1,
            to: 2,
            weight: 1,
            closes: 1,
            people: 1,
          },
        ],
      },
    ],
  },
  NationalSummary: {
    year: 2026,
    minimumPeople: 5,
    freshness: {
      oldestComputedAt: '2026-11-29T17:28:24.218Z',
      newestComputedAt: '2026-11-29T17:29:15.316Z',
      tenantsComputed: 3,
      tenantsNotComputed: 0,
    },
    figures: [
      {
        name: 'shareAssessed',
        kind: 'share',
        description: "Share of active employees with a current level for every competency of their position's standard",
      },
      {
        name: 'meanGapManajerial',
        kind: 'mean',
        description: 'Mean gap over assessed (employee × manajerial competency of their standard) pairs',
      },
    ],
    total: {
      tenants: 3,
      employees: 850,
      figures: {
        shareAssessed: {
          value: 0.22,
          people: 850,
        },
        meanGapManajerial: {
          value: 0.29,
          people: 850,
        },
        meanGapSosialKultural: {
          value: 0.38,
          people: 716,
        },
        meanGapTeknis: {
          value: 0.49,
          people: 735,
        },
        shareReachingJpTarget: {
          value: 0.0353,
          people: 850,
        },
        enrollments: {
          value: 108,
          people: 108,
        },
        completions: {
          value: 108,
          people: 108,
        },
        l1Mean: {
          value: 3.92,
          people: 90,
        },
        l2MeanGain: {
          value: 21,
          people: 72,
        },
        activePairings: {
          value: 11,
          people: 11,
        },
        ikm: {
          value: 76.19,
          people: 729,
        },
      },
    },
    tenants: [
      {
        slug: 'belawan',
        name: 'Pemerintah Kota Medan — Wilayah Belawan',
        kind: 'kota',
        regionCode: '12.71',
        status: 'computed',
        computedAt: '2026-11-29T17:28:24.218Z',
        employees: 150,
        figures: {
          shareAssessed: {
            value: 0.2467,
            people: 150,
          },
          meanGapManajerial: {
            value: 0.24,
            people: 150,
          },
          meanGapSosialKultural: {
            value: 0.31,
            people: 127,
          },
          meanGapTeknis: {
            value: 0.44,
            people: 131,
          },
          shareReachingJpTarget: {
            value: 0.0667,
            people: 150,
          },
          enrollments: {
            value: 36,
            people: 36,
          },
          completions: {
            value: 36,
            people: 36,
          },
          l1Mean: {
            value: 3.92,
            people: 30,
          },
          l2MeanGain: {
            value: 21,
            people: 24,
          },
          activePairings: {
            value: null,
            people: 3,
            suppressed: 'fewer than 5 people',
          },
          ikm: {
            value: 76.11,
            people: 258,
          },
        },
      },
      {
        slug: 'jambi',
        name: 'Pemerintah Provinsi Jambi',
        kind: 'provinsi',
        regionCode: '15',
        status: 'computed',
        computedAt: '2026-11-29T17:28:50.396Z',
        employees: 400,
        figures: {
          shareAssessed: {
            value: 0.21,
            people: 400,
          },
          meanGapManajerial: {
            value: 0.3,
            people: 400,
          },
          meanGapSosialKultural: {
            value: 0.38,
            people: 338,
          },
          meanGapTeknis: {
            value: 0.51,
            people: 347,
          },
          shareReachingJpTarget: {
            value: 0.025,
            people: 400,
          },
          enrollments: {
            value: 36,
            people: 36,
          },
          completions: {
            value: 36,
            people: 36,
          },
          l1Mean: {
            value: 3.92,
            people: 30,
          },
          l2MeanGain: {
            value: 21,
            people: 24,
          },
          activePairings: {
            value: null,
            people: 4,
            suppressed: 'fewer than 5 people',
          },
          ikm: {
            value: 74.5,
            people: 155,
          },
        },
      },
    ],
  },
  TenantSummaryByUnit: {
    year: 2026,
    minimumPeople: 5,
    tenant: {
      slug: 'kalianda',
      name: 'Pemerintah Kabupaten Lampung Selatan',
      kind: 'kabupaten',
      regionCode: '18.01',
    },
    figures: [
      {
        name: 'shareAssessed',
        kind: 'share',
        description: "Share of active employees with a current level for every competency of their position's standard",
      },
      {
        name: 'meanGapManajerial',
        kind: 'mean',
        description: 'Mean gap over assessed (employee × manajerial competency of their standard) pairs',
      },
    ],
    status: 'computed',
    computedAt: '2026-11-29T17:29:15.316Z',
    total: {
      employees: 300,
      figures: {
        shareAssessed: {
          value: 0.22,
          people: 300,
        },
        meanGapManajerial: {
          value: 0.29,
          people: 300,
        },
        meanGapSosialKultural: {
          value: 0.43,
          people: 251,
        },
        meanGapTeknis: {
          value: 0.5,
          people: 257,
        },
        shareReachingJpTarget: {
          value: 0.0333,
          people: 300,
        },
        enrollments: {
          value: 36,
          people: 36,
        },
        completions: {
          value: 36,
          people: 36,
        },
        l1Mean: {
          value: 3.92,
          people: 30,
        },
        l2MeanGain: {
          value: 21,
          people: 24,
        },
        activePairings: {
          value: null,
          people: 4,
          suppressed: 'fewer than 5 people',
        },
        ikm: {
          value: 77.07,
          people: 316,
        },
      },
    },
    units: [
      {
        unitId: 'unt_mjphkb9wbkmczwc9',
        code: 'BAPPEDA',
        name: 'Badan Perencanaan Pembangunan Daerah',
        employees: 4,
        figures: {
          shareAssessed: {
            value: null,
            people: 4,
            suppressed: 'fewer than 5 people',
          },
          meanGapManajerial: {
            value: null,
            people: 4,
            suppressed: 'fewer than 5 people',
          },
          meanGapSosialKultural: {
            value: null,
            people: 3,
            suppressed: 'fewer than 5 people',
          },
          meanGapTeknis: {
            value: null,
            people: 4,
            suppressed: 'fewer than 5 people',
          },
          shareReachingJpTarget: {
            value: null,
            people: 4,
            suppressed: 'fewer than 5 people',
          },
          enrollments: {
            value: null,
            people: 2,
            suppressed: 'fewer than 5 people',
          },
          completions: {
            value: null,
            people: 2,
            suppressed: 'fewer than 5 people',
          },
          l1Mean: {
            value: null,
            people: 1,
            suppressed: 'fewer than 5 people',
          },
          l2MeanGain: {
            value: null,
            people: 2,
            suppressed: 'fewer than 5 people',
          },
          activePairings: {
            value: null,
            people: 0,
            suppressed: 'fewer than 5 people',
          },
          ikm: {
            value: null,
            people: 0,
            suppressed: 'fewer than 5 people',
          },
        },
      },
      {
        unitId: 'unt_cbvg8rrbj3smm0z9',
        code: 'BAPPEDA-EKOSDA',
        name: 'Bidang Perekonomian dan Sumber Daya Alam',
        employees: 4,
        figures: {
          shareAssessed: {
            value: null,
            people: 4,
            suppressed: 'fewer than 5 people',
          },
          meanGapManajerial: {
            value: null,
            people: 4,
            suppressed: 'fewer than 5 people',
          },
          meanGapSosialKultural: {
            value: null,
            people: 4,
            suppressed: 'fewer than 5 people',
          },
          meanGapTeknis: {
            value: null,
            people: 3,
            suppressed: 'fewer than 5 people',
          },
          shareReachingJpTarget: {
            value: null,
            people: 4,
            suppressed: 'fewer than 5 people',
          },
          enrollments: {
            value: null,
            people: 1,
            suppressed: 'fewer than 5 people',
          },
          completions: {
            value: null,
            people: 1,
            suppressed: 'fewer than 5 people',
          },
          l1Mean: {
            value: null,
            people: 1,
            suppressed: 'fewer than 5 people',
          },
          l2MeanGain: {
            value: null,
            people: 1,
            suppressed: 'fewer than 5 people',
          },
          activePairings: {
            value: null,
            people: 0,
            suppressed: 'fewer than 5 people',
          },
          ikm: {
            value: null,
            people: 0,
            suppressed: 'fewer than 5 people',
          },
        },
      },
    ],
  },
  UnitChanges: {
    name: 'Bidang Pelayanan dan Sumber Daya Kesehatan',
  },
  PositionChanges: {
    name: 'Kepala Bidang Pelayanan dan Sumber Daya Kesehatan',
    category: 'administrator',
  },
  EmployeeChanges: {
    grade: 'III/b',
    positionId: 'pos_epz2gdp1zv3js1z0',
  },
  NewTechnicalCompetency: {
    code: 'TEK-SIMRS',
    name: 'Pengelolaan SIMRS',
    description: 'Mengelola sistem informasi manajemen rumah sakit sesuai standar Kementerian Kesehatan.',
    levels: [
      'Memahami fungsi dasar SIMRS',
      'Mengoperasikan modul pelayanan',
      'Mengelola data dan laporan',
      'Mengintegrasikan SIMRS dengan SATUSEHAT',
      'Merancang pengembangan SIMRS',
    ],
  },
  CompetencyChanges: {
    description: 'Mengelola SIMRS dan integrasinya dengan SATUSEHAT.',
  },
  NationalCompetency: {
    name: 'Integritas',
    type: 'manajerial',
    description: 'Konsisten berperilaku selaras dengan nilai, norma dan etika organisasi.',
    levels: [
      'Mampu bertindak sesuai nilai, norma, dan etika organisasi',
      'Mampu mengingatkan dan mengajak rekan kerja bertindak sesuai nilai organisasi',
      'Mampu memastikan dan menciptakan situasi kerja yang berintegritas',
      'Mampu menjadi role model dalam penerapan standar keadilan dan etika',
      'Mampu menjadi wakil instansi yang menunjukkan integritas tinggi',
    ],
  },
  PositionStandardsInput: {
    standards: [
      {
        competency: 'INTEGRITAS',
        requiredLevel: 3,
        weight: 1,
      },
      {
        competency: 'PELAYANAN-PUBLIK',
        requiredLevel: 3,
        weight: 1.5,
      },
    ],
  },
  SelfAssessment: {
    competency: 'INTEGRITAS',
    level: 3,
    date: '2026-07-15',
    note: null,
  },
  AssessmentsCreated: {
    created: 2,
    ids: ['asm_1k8k5kes1005kzp89n6x', 'asm_1k8k5kes1006a1b2c3d4'],
  },
  EmployeeImport: {
    mode: 'dry-run',
    rows: 3,
    created: 1,
    updated: 1,
    unchanged: 0,
    rejected: 1,
    errors: [
      {
        row: 4,
        column: 'grade',
        reason: 'grade "III/f" is not a PNS golongan (I/a … IV/e)',
      },
    ],
    ignoredColumns: ['keterangan'],
  },
  EvaluationSettingsInput: {
    l3WaitingDays: 90,
  },
  NewUnitIndicator: {
    unitId: 'unt_mjphkb9wbkmczwc9',
    name: 'Waktu tunggu pelayanan rawat jalan',
    measure: 'menit',
    direction: 'lower_is_better',
  },
  UnitIndicatorChanges: {
    name: 'Waktu tunggu rawat jalan (median)',
  },
  IndicatorValueInput: {
    value: 42,
    note: 'Rata-rata Januari–Juni dari SIMRS',
  },
  TestScoreInput: {
    pre: 55,
    post: 80,
  },
  OfferingTestScoresInput: {
    scores: [
      {
        enrollmentId: 'enr_1k8k5kn7e0001wry8mm7',
        pre: 55,
        post: 80,
      },
      {
        enrollmentId: 'enr_1k8k5kn7e0002abcd1234',
        pre: 60,
        post: null,
      },
    ],
  },
  BehaviourInput: {
    rating: 4,
    comment: 'Menerapkan standar pelayanan di loket pendaftaran.',
    assessments: [
      {
        competency: 'PELAYANAN-PUBLIK',
        level: 3,
      },
    ],
  },
  MentoringFeedbackInput: {
    rating: 5,
    comment: 'Sesi terarah, rencana kerja selesai tepat waktu.',
    assessments: [
      {
        competency: 'INTEGRITAS',
        level: 3,
      },
    ],
  },
  MentorProfileChanges: {
    capacity: 2,
    status: 'active',
  },
  MatchRequest: {
    mentees: ['emp_f1pwpw6ykp005zwh', 'emp_a88rfy9mc11h0e03'],
    kind: 'mentoring',
    unitPreference: 'proximity',
    publish: false,
  },
  DeclinePairing: {
    reason: 'Jadwal mentor penuh sampai akhir semester',
  },
  EndPairing: {
    outcome: 'completed',
    reason: 'Semua tujuan tercapai',
  },
  MentoringGoalChanges: {
    status: 'done',
  },
  ProviderChanges: {
    contact: 'diklat@lampungprov.go.id',
  },
  OfferingChanges: {
    capacity: 30,
    status: 'running',
  },
};

/** Request bodies whose schema has no name, by "METHOD path". */
export const requestExamples: Record<string, unknown> = {
  'POST /api/v1/tenants/{tenant}/plans': {
    year: 2027,
    budget: 150000000,
    options: {
      perPersonCap: 2,
      jpTargetBonus: 1,
      weights: {
        competencyTypes: {
          manajerial: 1.5,
        },
      },
    },
  },
};

/** A plan as its routes answer it (computed, read, recomputed; approved below with its changes). */
const draftPlan = {
  id: 'pln_1k8k5l5in000v6233yg3',
  year: 2027,
  budget: 150000000,
  status: 'draft',
  sourcePlanId: null,
  createdBy: 'dev-tenant_admin-kalianda',
  approvedBy: null,
  approvedAt: null,
  version: 1,
  createdAt: '2026-11-29T17:29:15.095Z',
  updatedAt: '2026-11-29T17:29:15.095Z',
  options: {
    perPersonCap: 2,
    jpTargetBonus: 1,
    weights: {
      competencyTypes: {
        manajerial: 1.5,
      },
    },
  },
  totals: {
    budgetUsed: 21200000,
    lines: 56,
    value: 81.5,
    naiveValue: 30.5,
    naiveCost: 14900000,
    weightedGap: 1712,
    closed: 73.5,
    closureShare: 0.043,
    employeesInScope: 280,
    reachingTargetBefore: 0,
    reachingTargetAfter: 8,
    byUnit: [
      {
        unitId: 'unt_0e3hkag5fcmqvk9j',
        employees: 3,
        lines: 2,
        cost: 1900000,
        weightedGap: 26.5,
        closed: 4,
        reachingTargetBefore: 0,
        reachingTargetAfter: 1,
      },
      {
        unitId: 'unt_0npgz9dyv3srs5yp',
        employees: 1,
        lines: 0,
        cost: 0,
        weightedGap: 3,
        closed: 0,
        reachingTargetBefore: 0,
        reachingTargetAfter: 0,
      },
    ],
    jpTarget: 20,
    jpTargets: { pns: 20, pppk: 20 },
  },
};

/** A plan as lists show it: the plan without its options and totals. */
const { options: _options, totals: _totals, ...planHeader } = draftPlan;

/** Success responses whose schema has no name, by "METHOD path". */
export const responseExamples: Record<string, unknown> = {
  'POST /api/v1/tenants/{tenant}/plans': queuedPlanJob,
  'GET /api/v1/tenants/{tenant}/plans': {
    items: [
      {
        ...planHeader,
        lines: draftPlan.totals.lines,
        budgetUsed: draftPlan.totals.budgetUsed,
        closureShare: draftPlan.totals.closureShare,
      },
    ],
    nextCursor: null,
  },
  'GET /api/v1/tenants/{tenant}/plans/{id}': draftPlan,
  'GET /api/v1/tenants/{tenant}/plans/{id}/lines': {
    items: [
      {
        seq: 1,
        employeeId: 'emp_0508jgfwk7nkdz7d',
        employeeName: 'Ahmad Abdullah, A.Md.Ak.',
        unitId: 'unt_2r4v8rsz1j94dp8v',
        offeringId: 'off_gq7etqc3bxd7fk59',
        programId: 'natprg_wawasan-kebangsaan',
        programTitle: 'Wawasan Kebangsaan',
        startDate: '2027-02-08',
        cost: 150000,
        value: 1,
        jp: 8,
        gaps: [
          {
            competencyId: 'natcmp_perekat-bangsa',
            from: 1,
            to: 2,
            weight: 1,
          },
        ],
      },
    ],
    nextCursor: 'WzUwXQ',
  },
  'POST /api/v1/tenants/{tenant}/plans/{id}/recompute': queuedPlanJob,
  'POST /api/v1/tenants/{tenant}/plans/{id}/approve': {
    ...draftPlan,
    status: 'approved',
    approvedBy: 'dev-tenant_admin-kalianda',
    approvedAt: '2026-11-30T02:00:00.000Z',
    version: 2,
  },
};

type Media = { schema?: unknown; example?: unknown; examples?: unknown };
type Operation = {
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
};
interface Document {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Record<string, unknown>> };
}

const json = (content: Record<string, Media> | undefined) => content?.['application/json'];
const lacksExample = (m: { example?: unknown; examples?: unknown }) => m.example === undefined && m.examples === undefined;

/** Adds the examples above to a freshly generated document (in place) and answers it. */
export function withExamples<T extends object>(document: T): T {
  const doc = document as Document;
  const schemas = doc.components?.schemas ?? {};
  for (const [name, example] of Object.entries(schemaExamples)) {
    const schema = schemas[name];
    if (schema && lacksExample(schema)) schema.example = example;
  }
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      const key = `${method.toUpperCase()} ${path}`;
      const body = json(operation.requestBody?.content);
      if (body && key in requestExamples && lacksExample(body)) body.example = requestExamples[key];
      if (!(key in responseExamples)) continue;
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const media = json(response.content);
        if (status.startsWith('2') && media && lacksExample(media)) media.example = responseExamples[key];
      }
    }
  }
  return document;
}
