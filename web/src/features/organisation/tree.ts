/** The unit tree from the flat list: children by parent, in code order, and what a unit may move under. */
import type { Unit } from './queries';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
}

export function buildTree(units: readonly Unit[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, Unit[]>();
  for (const unit of units) {
    // A parent outside the list (not loaded) puts the unit at the top rather than losing it.
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), unit]);
  }
  const grow = (parent: string | null): UnitNode[] =>
    (byParent.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code)).map((unit) => ({ unit, children: grow(unit.id) }));
  return grow(null);
}

/** The unit and every unit under it: none of them can become its parent. */
export function selfAndBelow(units: readonly Unit[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId !== null && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}
