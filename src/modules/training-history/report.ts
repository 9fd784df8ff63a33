/** The import report, the same for a dry run and a commit. */
import type { Plan, Write } from './plan';
import type { ImportReport } from './schemas';

export const jpOf = (writes: Pick<Write, 'jpCenti'>[]) => writes.reduce((sum, w) => sum + w.jpCenti, 0);

export function reportOf(
  mode: ImportReport['mode'],
  figures: Pick<Plan, 'rows' | 'unchanged' | 'errors'> & { created: number; jpCenti: number },
  ignoredColumns: string[],
): ImportReport {
  return {
    mode,
    rows: figures.rows,
    created: figures.created,
    unchanged: figures.unchanged,
    rejected: new Set(figures.errors.map((e) => e.row)).size,
    jp: figures.jpCenti / 100,
    errors: figures.errors,
    ignoredColumns,
  };
}
