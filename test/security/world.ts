/**
 * Two regions, A and B, with something of each kind, for the security suites. Built once per test
 * file (storage is per file); every route fixture takes its ids from here.
 */
import { api } from '../support/api';
import { createTenant, type TestTenant } from '../support/factories';

export interface Side {
  tenant: TestTenant;
  unitId: string;
  positionId: string;
  employeeId: string;
  /** A technical competency of this side's own. */
  competencyId: string;
  providerId: string;
  /** A program, an offering of it and the employee's enrollment in it, all this side's own. */
  programId: string;
  offeringId: string;
  enrollmentId: string;
  /** Names that must never appear in an answer given to the other side. */
  secrets: string[];
}

export interface World {
  a: Side;
  b: Side;
}

async function side(label: string): Promise<Side> {
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
    body: { code: `SEC-${label}`, name: `Kompetensi Rahasia ${label} ${tenant.slug}`, description: 'Kompetensi teknis rahasia', levels: ['1', '2', '3', '4', '5'].map((l) => `Tingkat ${l}`) },
  });
  if (competency.status !== 201) throw new Error(`world setup failed: ${competency.text}`);
  const provider = await api('POST', `/api/v1/tenants/${tenant.slug}/providers`, { token, body: { name: `Penyelenggara Rahasia ${label} ${tenant.slug}`, kind: 'private_trainer' } });
  const program = await api('POST', `/api/v1/tenants/${tenant.slug}/programs`, {
    token,
    body: {
      code: `SEC-${label}`,
      title: `Program Rahasia ${label} ${tenant.slug}`,
      description: 'Program rahasia',
      method: 'kursus',
      jp: 8,
      costPerParticipant: 750_000,
      providerId: provider.body.id,
      targets: [{ competency: competency.body.id, expectedGain: 2 }],
    },
  });
  if (program.status !== 201) throw new Error(`world setup failed: ${provider.text} ${program.text}`);
  const offering = await api('POST', `/api/v1/tenants/${tenant.slug}/offerings`, {
    token,
    body: { programId: program.body.id, startDate: '2099-02-02', endDate: '2099-02-04', capacity: 10, location: `Aula Rahasia ${label} ${tenant.slug}` },
  });
  const enrollment = await api('POST', `/api/v1/tenants/${tenant.slug}/offerings/${offering.body.id}/enrollments`, { token, body: { employeeIds: [employee.body.id] } });
  if (enrollment.status !== 201) throw new Error(`world setup failed: ${offering.text} ${enrollment.text}`);
  return {
    tenant,
    providerId: provider.body.id,
    programId: program.body.id,
    offeringId: offering.body.id,
    enrollmentId: enrollment.body.items[0].id,
    unitId: unit.body.id,
    positionId: position.body.id,
    employeeId: employee.body.id,
    competencyId: competency.body.id,
    secrets: [tenant.id, unit.body.id, position.body.id, unit.body.name, employee.body.id, employee.body.nip, employee.body.name, competency.body.id, competency.body.name, provider.body.id, provider.body.name, program.body.id, program.body.title, offering.body.id, offering.body.location, enrollment.body.items[0].id],
  };
}

export async function buildWorld(): Promise<World> {
  return { a: await side('A'), b: await side('B') };
}
