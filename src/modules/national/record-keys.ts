/**
 * Record keys and cell keys for the cell-key method (disclosure.ts), computed in SQL next to the
 * figures so that no record leaves the tenant's database.
 *
 * A record's key is the random part of its id read as a number: the last six characters of every
 * id are random (src/platform/ids.ts), 30 random bits, fixed for the record's life and never seen
 * by the national level. A contribution key adds what the record contributes (a flag, a value),
 * so the key changes whenever the contribution does. A cell's key is the sum of its records' keys
 * modulo 2^32: the same records give the same key in every answer and every refresh, and the key
 * of a tenant or of the nation is the sum of its units' keys.
 *
 * The records of a cell are its whole base — every employee of the unit with what they bring to
 * the figure, including those who bring nothing. So a newcomer who brings nothing still changes the
 * key, and a number that does not move never tells that they brought nothing; a number moves only
 * when its base, or what someone in it brings, changed.
 *
 * Everything here is SQL text built from constants and column names written in this module's
 * callers, never from input: no bound parameters, so a provider stays far below D1's 100.
 */
import { type SQL, sql } from 'drizzle-orm';
import { employees } from '../../db/schema';
import { idAlphabet } from '../../platform/ids';
import type { TenantDb } from '../../platform/tenancy/scoped-db';

/** Keys are kept modulo this. */
export const keyModulus = 2 ** 32;

const modulus = sql.raw(String(keyModulus));

/** The record key of `id` (a column such as `e.id`): its last six characters in base 32, below 2^30. */
export function recordKey(id: string): SQL {
  const digits = [0, 1, 2, 3, 4, 5].map((k) => `${32 ** k} * (instr('${idAlphabet}', substr(${id}, ${-(k + 1)}, 1)) - 1)`);
  return sql.raw(`(${digits.join(' + ')})`);
}

/** Odd multipliers that spread what a record contributes over the key space. */
const spread = ['2654435761', '40503'];

/**
 * The key of one record's contribution: its record key plus what it contributes (integer SQL
 * expressions, at most two), in [0, 2^32).
 */
export function contributionKey(id: string, ...values: SQL[]): SQL {
  const terms = values.map((v, i) => sql` + ${sql.raw(spread[i] as string)} * (${v})`);
  return sql`(((${recordKey(id)}${sql.join(terms)}) % ${modulus} + ${modulus}) % ${modulus})`;
}

/** A cell's key: the sum of its records' (or contributions') keys, modulo 2^32. */
export const cellKey = (perRecord: SQL): SQL => sql`(sum(${perRecord}) % ${modulus})`;

/**
 * A provider's statement over the base: every employee of each unit (any status), left-joined to
 * `perEmployee` — one row per employee who brings something, with `employee_id`, `n` (records or
 * values), and for a mean `total` (their sum) and `code` (an integer that changes with them) —
 * and summed by `columns` (countColumns or meanColumns).
 */
export const overEmployees = (db: TenantDb, perEmployee: SQL, columns: SQL): SQL => sql`
    select e.unit_id as unit_id, ${columns}
    from ${employees} e
    left join (${perEmployee}) y on y.employee_id = e.id
    where ${db.scope('e')}
    group by e.unit_id`;

const brings = sql`(y.n is not null)`;

/** A count of records over the base (places, pairings): the people are those with at least one. */
export const countColumns = sql`sum(coalesce(y.n, 0)) as sum, sum(coalesce(y.n, 0)) as count, sum(${brings}) as people,
    ${cellKey(contributionKey('e.id', sql`coalesce(y.n, 0)`))} as value_key,
    ${cellKey(contributionKey('e.id', brings))} as people_key`;

/** A mean over the base: the people are those with at least one value. */
export const meanColumns = sql`sum(y.total) as sum, sum(coalesce(y.n, 0)) as count, sum(${brings}) as people,
    ${cellKey(contributionKey('e.id', sql`coalesce(y.code, 0)`, sql`coalesce(y.n, 0)`))} as value_key,
    ${cellKey(contributionKey('e.id', brings))} as people_key`;
