/** From a grid's chosen levels to the bulk request's items, and the bulk's field errors back to rows. */
import type { EntryValues } from './Entry';
import type { NewAssessment } from './queries';

/** One item per row with a level chosen; rows left blank are not assessed. */
export function itemsOf(rows: { employeeId: string; competency: string; level: string }[], entry: EntryValues): NewAssessment[] {
  return rows
    .filter((r) => r.level !== '')
    .map((r) => ({
      employeeId: r.employeeId,
      competency: r.competency,
      level: Number(r.level),
      source: entry.source,
      date: entry.date,
      assessor: entry.assessor.trim() || null,
      note: null,
    }));
}

/** The problem's field errors (`items.3.level`) by the index of the item they name; the entry's own (`date`) under `date`. */
export function rowErrors(fields: Record<string, string>): { byItem: Map<number, string>; date: string | undefined } {
  const byItem = new Map<number, string>();
  let date: string | undefined;
  for (const [path, message] of Object.entries(fields)) {
    const m = /^items\.(\d+)\.(\w+)$/.exec(path);
    if (m) {
      if (m[2] === 'date') date ??= message;
      else byItem.set(Number(m[1]), message);
    }
  }
  return { byItem, date };
}
