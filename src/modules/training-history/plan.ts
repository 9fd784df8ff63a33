/**
 * The plan of an import: every row checked (rows.ts), its NIP matched against the registry, and
 * its key computed — a digest of the employee, the training's title and its dates, what makes it
 * the same training for the same person. A row whose key is already stored is unchanged (the same
 * file imported again writes nothing); a second row with a key seen earlier in the file is
 * refused as a repeat. What the file names is read once, by the NIPs and keys in it, never the
 * whole registry.
 */
import { sql } from 'drizzle-orm';
import { employees, trainingHistory } from '../../db/schema';
import { todayIn } from '../../platform/calendar';
import type { TenantContext } from '../../platform/context';
import type { ReadFile } from './file';
import { checkRow, type RowError, type TrainingRow } from './rows';

export interface Write extends Omit<TrainingRow, 'nip'> {
  employeeId: string;
  rowKey: string;
}

export interface Plan {
  rows: number;
  unchanged: number;
  writes: Write[];
  errors: RowError[];
}

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...bytes.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const sameTitle = (title: string) => title.toLowerCase().replace(/\s+/g, ' ');

export async function planImport(ctx: TenantContext, file: ReadFile): Promise<Plan> {
  const today = todayIn(ctx.tenant);
  const errors: RowError[] = [];
  const good: TrainingRow[] = [];
  for (const record of file.records) {
    const checked = checkRow(record, today);
    errors.push(...checked.errors);
    if (checked.row) good.push(checked.row);
  }
  const nips = [...new Set(good.map((r) => r.nip))];
  const known = nips.length
    ? await ctx.db
        .select({ id: employees.id, nip: employees.nip })
        .from(employees)
        .where(sql`${employees.nip} in (select value from json_each(${JSON.stringify(nips)}))`)
    : [];
  const idOf = new Map(known.map((e) => [e.nip, e.id]));
  const keyed: Write[] = [];
  for (const { nip, ...r } of good) {
    const employeeId = idOf.get(nip);
    if (!employeeId) {
      errors.push({ row: r.row, column: 'nip', reason: `no employee with NIP ${nip} in this region` });
      continue;
    }
    keyed.push({ ...r, employeeId, rowKey: await digest(JSON.stringify([employeeId, sameTitle(r.title), r.startDate, r.endDate])) });
  }
  const keys = keyed.map((w) => w.rowKey);
  const stored = keys.length
    ? await ctx.db
        .select({ rowKey: trainingHistory.rowKey })
        .from(trainingHistory)
        .where(sql`${trainingHistory.rowKey} in (select value from json_each(${JSON.stringify(keys)}))`)
    : [];
  const storedKeys = new Set(stored.map((s) => s.rowKey));
  const firstRow = new Map<string, number>();
  const writes: Write[] = [];
  let unchanged = 0;
  for (const w of keyed) {
    const earlier = firstRow.get(w.rowKey);
    if (earlier !== undefined) {
      errors.push({ row: w.row, column: '*', reason: `the same training of the same person as row ${earlier}` });
      continue;
    }
    firstRow.set(w.rowKey, w.row);
    if (storedKeys.has(w.rowKey)) unchanged++;
    else writes.push(w);
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows: file.records.length, unchanged, writes, errors };
}
