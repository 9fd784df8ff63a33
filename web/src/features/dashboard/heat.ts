/**
 * The heat map's scale: a cell's weighted gap against the largest of the map, in five steps. The
 * colours are light enough for dark text at AA contrast, and every cell also says its value, so
 * nothing is read from colour alone; an unassessed cell has no step (it is hatched instead).
 */
import type { Heatmap } from './queries';

export type Cell = Heatmap['cells'][number];

/** Mantine colours of the steps, lowest first (dark text on each). */
export const heatSteps = ['teal.1', 'yellow.2', 'orange.2', 'orange.4', 'red.3'] as const;

/** The step (0–4) of a weighted gap, or null when nobody in the cell is assessed. */
export function heatStep(weightedGap: number | null, max: number): number | null {
  if (weightedGap === null) return null;
  if (weightedGap <= 0 || max <= 0) return 0;
  return Math.min(heatSteps.length - 1, Math.max(1, Math.ceil((weightedGap / max) * (heatSteps.length - 1))));
}

/** The cells by `group|competency`, and the largest weighted gap (the top of the scale). */
export function indexCells(cells: Cell[]): { byKey: Map<string, Cell>; max: number } {
  const byKey = new Map<string, Cell>();
  let max = 0;
  for (const cell of cells) {
    byKey.set(`${cell.groupKey}|${cell.competencyId}`, cell);
    max = Math.max(max, cell.weightedGap ?? 0);
  }
  return { byKey, max };
}

/** Where a cell leads: the people of that unit or position (the employees screen's filters). */
export function peopleLink(by: Heatmap['by'], groupKey: string): string {
  return `/admin/pegawai?${by === 'unit' ? 'unit' : 'position'}=${encodeURIComponent(groupKey)}`;
}
