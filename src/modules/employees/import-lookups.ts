/**
 * What an import needs from the registry, and nothing more: the employees the file names (by
 * its NIPs and its supervisor NIPs) with the stored supervisor chains above them, which the loop
 * check walks, and the units and positions the file names by code. Reads grow with the file,
 * never with the tenant's registry: a 10-row file into a 50,000-employee tenant reads a few dozen
 * rows, and a Worker holds a file's worth of rows, not the registry (128 MB limit).
 * The NIPs travel as JSON lists read with `json_each`, a chunk per statement.
 */
import { type SQL, sql } from 'drizzle-orm';
import { employees, positions, units } from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import type { Statement } from '../../platform/tenancy/scoped-db';
import type { CsvRecord } from './csv';
import { type Existing, fileCode, type Lookups } from './import-plan';
import { compactNip } from './nip';

/** NIPs per statement: each statement's JSON parameter stays a few tens of KB. */
const lookupChunkSize = 1000;

/** The NIPs, unit codes and position codes a file mentions, as `planImport` will read them. */
function namedIn(records: CsvRecord[]): { nips: string[]; unitCodes: string[]; positionCodes: string[] } {
  const nips = new Set<string>();
  const unitCodes = new Set<string>();
  const positionCodes = new Set<string>();
  for (const { cells } of records) {
    for (const nip of [cells.nip, cells.supervisor_nip]) if (nip) nips.add(compactNip(nip));
    if (cells.unit_code) unitCodes.add(fileCode(cells.unit_code));
    if (cells.position_code) positionCodes.add(fileCode(cells.position_code));
  }
  return { nips: [...nips], unitCodes: [...unitCodes], positionCodes: [...positionCodes] };
}

const existingColumns = {
  id: employees.id,
  nip: employees.nip,
  name: employees.name,
  unitId: employees.unitId,
  positionId: employees.positionId,
  grade: employees.grade,
  employmentType: employees.employmentType,
  supervisorId: employees.supervisorId,
  gender: employees.gender,
  birthDate: employees.birthDate,
  email: employees.email,
  siasnId: employees.siasnId,
};

/**
 * Employees with one of `nips`: the list drives, each NIP an index probe. `cross join` keeps that
 * order (SQLite never reorders it), which D1 counts as 2 rows read a NIP found, 1 a NIP not found;
 * `nip in (select … json_each)` would cost 3.
 */
function byNip(ctx: TenantContext, nips: string[]) {
  // The table sits in a raw FROM clause, which drizzle cannot see: the fields go as SQL too.
  const fields = Object.fromEntries(Object.entries(existingColumns).map(([key, column]) => [key, sql`${column}`]));
  return ctx.db
    .unscoped('the JSON list must drive the join (cross join), which a builder cannot put in FROM')
    .select(fields as { [K in keyof Existing]: SQL<Existing[K]> })
    .from(sql`(select value from json_each(${JSON.stringify(nips)})) as wanted cross join ${employees}`)
    .where(ctx.db.owned(employees, sql`${employees.nip} = wanted.value`));
}

/**
 * The employees `ids` and every supervisor above them, walking up by primary key. `union` (not
 * `union all`) ends the walk even over a stored loop.
 */
function chainsAbove(ctx: TenantContext, ids: string[]) {
  const chain = sql`with recursive up(id) as (
      select value from json_each(${JSON.stringify(ids)})
      union
      select e.supervisor_id from ${employees} e join up on ${ctx.db.scope('e')} and e.id = up.id where e.supervisor_id is not null
    )
    select id from up`;
  return ctx.db.select(existingColumns).from(employees).where(sql`${employees.id} in (${chain})`);
}

function chunked<T, S extends Statement>(list: T[], statement: (chunk: T[]) => S): S[] {
  const statements: S[] = [];
  for (let i = 0; i < list.length; i += lookupChunkSize) statements.push(statement(list.slice(i, i + lookupChunkSize)));
  return statements;
}

/**
 * One round trip for the file's units, positions and employees; a second only when some of
 * those employees have stored supervisors the file does not name (the loop check walks them).
 */
export async function loadLookups(ctx: TenantContext, records: CsvRecord[]): Promise<Lookups> {
  const { db } = ctx;
  const named = namedIn(records);
  const codes = (list: string[]) => JSON.stringify(list);
  const [unitRows, positionRows, ...found] = await db.batch([
    db
      .select({ id: units.id, code: units.code })
      .from(units)
      .where(sql`${units.code} in (select value from json_each(${codes(named.unitCodes)}))`),
    db
      .select({ id: positions.id, code: positions.code })
      .from(positions)
      .where(sql`${positions.code} in (select value from json_each(${codes(named.positionCodes)}))`),
    ...chunked(named.nips, (nips) => byNip(ctx, nips)),
  ]);
  const existing = new Map<string, Existing>();
  for (const rows of found) for (const e of rows) existing.set(e.id, e);
  const above = [
    ...new Set([...existing.values()].flatMap((e) => (e.supervisorId && !existing.has(e.supervisorId) ? [e.supervisorId] : []))),
  ];
  const [first, ...rest] = chunked(above, (ids) => chainsAbove(ctx, ids));
  if (first) {
    // Chunks share the supervisors high up the chain: each employee is kept once.
    for (const rows of await db.batch([first, ...rest])) for (const e of rows) existing.set(e.id, e);
  }
  return {
    existing: [...existing.values()],
    unitIds: new Map(unitRows.map((u) => [u.code, u.id])),
    positionIds: new Map(positionRows.map((p) => [p.code, p.id])),
  };
}
