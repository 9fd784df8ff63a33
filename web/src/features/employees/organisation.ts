/**
 * Units as a tree for choosing: each unit under its parent, indented by depth, in code order. A name
 * that several units share (every OPD has its Sekretariat) carries its code, so that a search, which
 * shows matches without their parents, can tell them apart.
 */
import type { Position, Unit } from './queries';

export function unitOptions(units: Unit[]): { value: string; label: string }[] {
  const children = new Map<string | null, Unit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const named = new Map<string, number>();
  for (const unit of units) named.set(unit.name, (named.get(unit.name) ?? 0) + 1);
  const label = (unit: Unit) => ((named.get(unit.name) ?? 0) > 1 ? `${unit.name} (${unit.code})` : unit.name);
  const out: { value: string; label: string }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const unit of (children.get(parent) ?? []).sort((a, b) => a.code.localeCompare(b.code))) {
      out.push({ value: unit.id, label: `${'\u2003'.repeat(depth)}${label(unit)}` });
      walk(unit.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export function positionOptions(positions: Position[]): { value: string; label: string }[] {
  return [...positions].sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ value: p.id, label: p.name }));
}

export const nameById = <T extends { id: string; name: string }>(items: T[] | undefined) =>
  new Map((items ?? []).map((item) => [item.id, item.name]));
