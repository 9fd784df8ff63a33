/** The gap chart's rows: required and current per competency; an unassessed one has no current. */
import type { GapItem } from './queries';

export interface GapRow {
  competency: string;
  required: number;
  /** null, never 0, when nobody has assessed it. */
  current: number | null;
  assessed: boolean;
}

export function gapRows(items: readonly GapItem[]): GapRow[] {
  return items.map((item) => ({ competency: item.name, required: item.required, current: item.current, assessed: item.current !== null }));
}
