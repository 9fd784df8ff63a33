/**
 * Supervisors in an import: every `supervisor_nip` must name an existing employee or another good
 * row of the file, and the supervisor chains that result — the file's links where the file says
 * so, the stored ones elsewhere — must not loop. Rejecting a row can strand the rows that pointed
 * at it, so the checks repeat until nothing changes (each pass removes at least one row).
 * Chains are followed iteratively: one supervisor per person makes this a walk, not a search.
 */
import type { Candidate, Existing } from './import-plan';

export interface SupervisorProblem {
  nip: string;
  row: number;
  reason: string;
}

export function supervisorProblems(
  candidates: ReadonlyMap<string, Candidate>,
  existing: readonly Existing[],
  fileRows: ReadonlyMap<string, number>,
): SupervisorProblem[] {
  const existingNip = new Map(existing.map((e) => [e.id, e.nip]));
  const storedSupervisor = new Map(existing.map((e) => [e.nip, e.supervisorId ? (existingNip.get(e.supervisorId) ?? null) : null]));
  const alive = new Map(candidates);
  const problems: SupervisorProblem[] = [];
  const reject = (c: Candidate, reason: string) => {
    problems.push({ nip: c.nip, row: c.row, reason });
    alive.delete(c.nip);
  };

  for (let changed = true; changed; ) {
    changed = false;
    for (const c of [...alive.values()]) {
      const s = c.supervisorNip;
      if (s === null) continue;
      if (s === c.nip) reject(c, 'an employee cannot supervise themselves');
      else if (alive.has(s) || storedSupervisor.has(s)) continue;
      else {
        const row = fileRows.get(s);
        reject(c, row ? `the supervisor's row ${row} was rejected` : `no employee with NIP ${s} in this tenant or in this file`);
      }
      changed = true;
    }
    for (const loop of loops(alive, storedSupervisor)) {
      const path = [...loop, loop[0]].join(' → ');
      // A loop made only of stored links (left by a race between two edits) is not the file's doing.
      for (const c of loop.flatMap((nip) => alive.get(nip) ?? [])) {
        reject(c, `the supervisor chain loops back to this employee (${path})`);
        changed = true;
      }
    }
  }
  return problems;
}

/** Every loop in the supervisor graph that passes through a file row, as the NIPs on it. */
function loops(alive: ReadonlyMap<string, Candidate>, stored: ReadonlyMap<string, string | null>): string[][] {
  const supervisorOf = (nip: string) => (alive.has(nip) ? (alive.get(nip) as Candidate).supervisorNip : (stored.get(nip) ?? null));
  const done = new Set<string>();
  const found: string[][] = [];
  for (const start of alive.keys()) {
    const onPath = new Map<string, number>();
    const path: string[] = [];
    let at: string | null = start;
    while (at !== null && !done.has(at) && !onPath.has(at)) {
      onPath.set(at, path.length);
      path.push(at);
      at = supervisorOf(at);
    }
    if (at !== null && onPath.has(at)) found.push(path.slice(onPath.get(at)));
    for (const nip of path) done.add(nip);
  }
  return found;
}
