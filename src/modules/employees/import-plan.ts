/**
 * Turns a parsed CSV into a plan: which rows are bad (row, column, reason), and for the good ones
 * whether they create, update or leave an employee unchanged, matched by NIP. Pure: it reads the
 * tenant's existing employees, units and positions from what the caller loaded once, never row
 * by row, and writes nothing, so a dry-run and a commit make exactly the same decisions.
 *
 * Supervisors are named by NIP and may be existing employees or rows anywhere in the file; a
 * supervisor chain that would loop (A → B → A) rejects the rows on the loop, and a row whose new
 * supervisor was rejected is rejected too.
 */

import type { CsvRecord, ImportColumn } from './csv';
import { checkIdentity } from './identity';
import { supervisorProblems } from './import-supervisors';
import { compactNip } from './nip';
import { emailSchema, type ImportError, nameSchema, siasnIdSchema } from './schemas';
import type { EmployeeRow } from './service';

export type Existing = Pick<
  EmployeeRow,
  | 'id'
  | 'nip'
  | 'name'
  | 'unitId'
  | 'positionId'
  | 'grade'
  | 'employmentType'
  | 'supervisorId'
  | 'gender'
  | 'birthDate'
  | 'email'
  | 'siasnId'
>;

export interface Lookups {
  existing: Existing[];
  unitIds: Map<string, string>;
  positionIds: Map<string, string>;
}

/** A good row, with its references resolved to ids. */
export interface Candidate extends Omit<Existing, 'id' | 'supervisorId' | 'siasnId'> {
  row: number;
  supervisorNip: string | null;
  /** undefined: the file has no siasn_id column, so the stored one stays. */
  siasnId: string | null | undefined;
}

export interface Write {
  row: number;
  kind: 'create' | 'update';
  employee: Existing;
}

export interface Plan {
  rows: number;
  writes: Write[];
  unchanged: number;
  errors: ImportError[];
}

/** A unit or position code as the file gives it, compared without case. */
export const fileCode = (raw: string | undefined) => (raw ?? '').toUpperCase();

const fields = [
  'nip',
  'name',
  'unitId',
  'positionId',
  'grade',
  'employmentType',
  'supervisorId',
  'gender',
  'birthDate',
  'email',
  'siasnId',
] as const;

function readRecord(record: CsvRecord, lookups: Lookups, errors: ImportError[]): Candidate | undefined {
  const bad = (column: ImportColumn | '*', reason: string) => errors.push({ row: record.row, column, reason });
  if (record.broken) return void bad('*', record.broken);
  const c = record.cells;
  const before = errors.length;

  const name = nameSchema.safeParse(c.name ?? '');
  if (!name.success) bad('name', c.name ? (name.error.issues[0]?.message ?? 'not a valid name') : 'name is required');
  const unitCode = fileCode(c.unit_code);
  const unitId = lookups.unitIds.get(unitCode);
  if (!unitId) bad('unit_code', unitCode ? `no unit with code ${unitCode} in this tenant` : 'unit_code is required');
  const positionCode = fileCode(c.position_code);
  const positionId = lookups.positionIds.get(positionCode);
  if (!positionId)
    bad('position_code', positionCode ? `no position with code ${positionCode} in this tenant` : 'position_code is required');
  const email = c.email ? emailSchema.safeParse(c.email) : undefined;
  if (email && !email.success) bad('email', `"${c.email}" is not an email address`);
  const siasn = c.siasn_id ? siasnIdSchema.safeParse(c.siasn_id) : undefined;
  if (siasn && !siasn.success) bad('siasn_id', `"${c.siasn_id}" is not a SIASN id (letters, digits and "-", at most 64)`);

  const type = (c.employment_type ?? '').toLowerCase();
  const typeOk = type === 'pns' || type === 'pppk';
  if (!typeOk) {
    bad(
      'employment_type',
      c.employment_type ? `employment type must be pns or pppk, got "${c.employment_type}"` : 'employment_type is required',
    );
  }
  if (!c.nip) bad('nip', 'nip is required');
  if (!c.grade) bad('grade', 'grade is required');
  const identity = typeOk && c.nip && c.grade ? checkIdentity({ nip: c.nip, grade: c.grade, employmentType: type }) : undefined;
  if (identity && !identity.ok) for (const p of identity.problems) bad(p.field, p.message);

  if (errors.length > before || !identity?.ok || !name.success || !unitId || !positionId) return undefined;
  const supervisorNip = c.supervisor_nip ? compactNip(c.supervisor_nip) : null;
  const siasnId = c.siasn_id === undefined ? undefined : (siasn?.data ?? null);
  return { row: record.row, ...identity.identity, name: name.data, unitId, positionId, email: email?.data ?? null, siasnId, supervisorNip };
}

export function planImport(records: CsvRecord[], lookups: Lookups, newId: () => string): Plan {
  const errors: ImportError[] = [];
  const existingByNip = new Map(lookups.existing.map((e) => [e.nip, e]));
  const candidates = new Map<string, Candidate>();
  const firstRow = new Map<string, number>();
  // Where each NIP sits in the file, good row or not, so a dangling supervisor says which row failed.
  const fileRows = new Map<string, number>();
  for (const record of records) {
    const nip = record.cells.nip ? compactNip(record.cells.nip) : undefined;
    if (nip && !fileRows.has(nip)) fileRows.set(nip, record.row);
    const candidate = readRecord(record, lookups, errors);
    if (!candidate) continue;
    const earlier = firstRow.get(candidate.nip);
    if (earlier !== undefined) {
      errors.push({ row: record.row, column: 'nip', reason: `NIP ${candidate.nip} is also on row ${earlier}` });
      continue;
    }
    firstRow.set(candidate.nip, record.row);
    candidates.set(candidate.nip, candidate);
  }

  for (const problem of supervisorProblems(candidates, lookups.existing, fileRows)) {
    errors.push({ row: problem.row, column: 'supervisor_nip', reason: problem.reason });
    candidates.delete(problem.nip);
  }

  const idOf = new Map(lookups.existing.map((e) => [e.nip, e.id]));
  for (const nip of candidates.keys()) if (!idOf.has(nip)) idOf.set(nip, newId());

  const writes: Write[] = [];
  let unchanged = 0;
  for (const { row, supervisorNip, siasnId, ...c } of candidates.values()) {
    const current = existingByNip.get(c.nip);
    const employee: Existing = {
      ...c,
      siasnId: siasnId === undefined ? (current?.siasnId ?? null) : siasnId,
      id: idOf.get(c.nip) as string,
      supervisorId: supervisorNip ? (idOf.get(supervisorNip) as string) : null,
    };
    if (!current) writes.push({ row, kind: 'create', employee });
    else if (fields.some((f) => employee[f] !== current[f])) writes.push({ row, kind: 'update', employee });
    else unchanged++;
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows: records.length, writes: supervisorsFirst(writes), unchanged, errors };
}

/**
 * Orders writes so that a new supervisor is inserted before (or in the same chunk as, inserts
 * running first) anyone who points at them: the foreign key is checked per statement.
 */
function supervisorsFirst(writes: Write[]): Write[] {
  const created = new Map(writes.filter((w) => w.kind === 'create').map((w) => [w.employee.id, w]));
  const depth = new Map<string, number>();
  const depthOf = (w: Write): number => {
    const known = depth.get(w.employee.id);
    if (known !== undefined) return known;
    // The chain is loop-free by now; walk it iteratively so a 10,000-deep chain cannot overflow.
    const chain: Write[] = [];
    let at: Write | undefined = w;
    while (at && !depth.has(at.employee.id)) {
      chain.push(at);
      at = at.employee.supervisorId ? created.get(at.employee.supervisorId) : undefined;
    }
    let d = at ? (depth.get(at.employee.id) as number) + 1 : 0;
    for (const link of chain.reverse()) depth.set(link.employee.id, d++);
    return depth.get(w.employee.id) as number;
  };
  return writes
    .map((w) => ({ w, d: depthOf(w) }))
    .sort((a, b) => a.d - b.d || a.w.row - b.w.row)
    .map(({ w }) => w);
}
