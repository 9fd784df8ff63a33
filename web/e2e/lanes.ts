/**
 * One lane of data per viewport, so that the journeys at 360 px and at 1280 px never see each
 * other's writes: a demo employee (in the registry's order) with a competency nobody has assessed
 * yet and no pairing, paired with a demo mentor who accepts; a training completed today whose L1
 * form waits; a recommendation with an open offering; accounts with passwords for the employee,
 * the mentor and an admin of the region; another employee without an account, to activate one.
 * Everything goes through the API, as the tenant admin, and as the mentor to accept.
 */
import type { DemoAccount } from '../../scripts/lib/demo-accounts';
import { adminCall, demoAccount, employeeToken, type Stack, tenant } from './harness';

interface Pairing {
  id: string;
  kind: string;
  status: string;
  mentorId: string;
  menteeId: string;
}
interface Gaps {
  items: { competencyId: string; name: string; current: number | null }[];
}
interface Recommendations {
  items: { program: { id: string; title: string }; offerings: { id: string; status: string }[] }[];
}

export interface Lane {
  employeeId: string;
  mentorId: string;
  /** The employee's and the mentor's accounts, and an admin's of the region (for the second factor). */
  employee: DemoAccount;
  mentor: DemoAccount;
  admin: DemoAccount;
  /** An active employee without an account: the activation journey's. */
  newcomerId: string;
  pairingId: string;
  /** The training completed today, whose L1 form waits. */
  trainingTitle: string;
  /** A competency nobody has assessed yet. */
  unassessed: string;
  /** A recommended program with an open offering. */
  program: string;
}

/** Today on the tenant's clock (kalianda: Asia/Jakarta). */
function todayInJakarta(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Pairs the employee with the first mentor (in id order) who accepts; answers the pairing and the mentor. */
async function pairWithMentor(stack: Stack, menteeId: string, mentors: string[]): Promise<{ pairingId: string; mentorId: string }> {
  for (const mentorId of mentors) {
    if (mentorId === menteeId) continue;
    const proposed = await fetch(`${stack.url}/api/v1/tenants/${tenant}/pairings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'mentoring', mentorId, menteeId, note: 'Pendampingan uji' }),
    });
    // A mentor in the mentee's reporting line (that is coaching) or already full: the next one.
    if (!proposed.ok) continue;
    const pairing = (await proposed.json()) as Pairing;
    const res = await fetch(`${stack.url}/api/v1/tenants/${tenant}/pairings/${pairing.id}/accept`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await employeeToken(mentorId)}` },
    });
    if (res.ok) return { pairingId: pairing.id, mentorId };
    await fetch(`${stack.url}/api/v1/tenants/${tenant}/pairings/${pairing.id}/decline`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await employeeToken(mentorId)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Kapasitas penuh' }),
    });
  }
  throw new Error(`no demo mentor accepts ${menteeId}`);
}

export async function prepareLanes(stack: Stack, count: number): Promise<Lane[]> {
  const employees = (await adminCall<{ items: { id: string; status: string }[] }>(stack, 'GET', '/employees?limit=100')).items;
  const mentors = (
    await adminCall<{ items: { employeeId: string; status: string; id: string }[] }>(stack, 'GET', '/mentors?limit=100')
  ).items
    .filter((m) => m.status === 'active')
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((m) => m.employeeId);
  const paired = (await adminCall<{ items: Pairing[] }>(stack, 'GET', '/pairings?limit=200')).items.flatMap((p) => [
    p.menteeId,
    p.mentorId,
  ]);
  const busy = new Set([...paired, ...mentors]);
  const programs = (await adminCall<{ items: { id: string; code: string; title: string }[] }>(stack, 'GET', '/programs?limit=200')).items;
  const training = programs.find((p) => p.code === 'BIMTEK-PELAYANAN');
  if (!training) throw new Error('the demo catalog has no BIMTEK-PELAYANAN program');
  const today = todayInJakarta();

  // One account per person: a mentor may serve both lanes, and activating again would change the password.
  const accounts = new Map<string, Promise<DemoAccount>>();
  const accountOf = (employeeId: string) => {
    const account = accounts.get(employeeId) ?? demoAccount(stack, { role: 'employee', employeeId });
    accounts.set(employeeId, account);
    return account;
  };
  const lanes: Lane[] = [];
  for (const employee of employees) {
    if (lanes.length === count) break;
    if (employee.status !== 'active' || busy.has(employee.id)) continue;
    const employeeId = employee.id;
    const gaps = await adminCall<Gaps>(stack, 'GET', `/employees/${employeeId}/gaps`);
    const unassessed = gaps.items.find((g) => g.current === null);
    if (!unassessed) continue;
    const recommended = await adminCall<Recommendations>(stack, 'GET', `/employees/${employeeId}/recommendations?limit=5`);
    const top = recommended.items[0];
    if (!top) continue;

    const { pairingId, mentorId } = await pairWithMentor(stack, employeeId, mentors);

    // A training that ended today and that the employee passed: its L1 form is open now.
    const offering = await adminCall<{ id: string }>(stack, 'POST', '/offerings', {
      programId: training.id,
      startDate: today,
      endDate: today,
      capacity: 5,
      location: 'Aula BKPSDM',
      online: false,
      status: 'running',
    });
    const placed = await adminCall<{ items: { id: string; status: string }[] }>(stack, 'POST', `/offerings/${offering.id}/enrollments`, {
      employeeIds: [employeeId],
    });
    const place = placed.items[0];
    if (place?.status !== 'enrolled') throw new Error(`could not enroll ${employeeId}: ${JSON.stringify(placed)}`);
    await adminCall(stack, 'POST', `/enrollments/${place.id}/complete`, { attendance: 95, passed: true, completedOn: today });

    let program = recommended.items.find((r) => r.offerings.some((o) => o.status === 'open'))?.program.title;
    if (!program) {
      await adminCall(stack, 'POST', '/offerings', {
        programId: top.program.id,
        startDate: addDays(today, 60),
        endDate: addDays(today, 62),
        capacity: 10,
        location: 'Aula BKPSDM',
        online: false,
        status: 'open',
      });
      program = top.program.title;
    }
    const lane = lanes.length;
    lanes.push({
      employeeId,
      mentorId,
      employee: await accountOf(employeeId),
      mentor: await accountOf(mentorId),
      admin: await demoAccount(stack, { role: 'tenant_admin', email: `admin-${lane}@${tenant}.bangkom.local` }),
      newcomerId: '',
      pairingId,
      trainingTitle: training.title,
      unassessed: unassessed.name,
      program,
    });
  }
  if (lanes.length < count) throw new Error(`the demo data has ${lanes.length} employees fit for the journeys, ${count} needed`);
  // Newcomers: active employees neither in a lane nor a mentor, in the registry's order.
  const taken = new Set([...busy, ...lanes.flatMap((l) => [l.employeeId, l.mentorId])]);
  const newcomers = employees.filter((e) => e.status === 'active' && !taken.has(e.id));
  for (const [i, lane] of lanes.entries()) lane.newcomerId = newcomers[i]?.id ?? '';
  if (lanes.some((l) => !l.newcomerId)) throw new Error('the demo data has too few employees for the activation journeys');
  return lanes;
}
