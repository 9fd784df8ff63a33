/**
 * "A unit's people with the largest gaps first": the needs report's individual priorities (person ×
 * competency, largest weighted gap first) summed per person. When the program targets competencies,
 * only those gaps count (the program cannot close the others); a person with none of them is left
 * out. Ties keep the report's order.
 */
import type { components } from '../../lib/api/schema';

export type Priority = components['schemas']['NeedsReport']['priorities'][number];

export interface GapPerson {
  employeeId: string;
  name: string;
  unitName: string;
  /** The summed weighted gap of the counted competencies. */
  weightedGap: number;
  /** The counted competencies' codes, largest gap first. */
  competencies: string[];
}

export function peopleByGap(priorities: readonly Priority[], targetCompetencyIds: readonly string[]): GapPerson[] {
  const targets = new Set(targetCompetencyIds);
  const people = new Map<string, GapPerson>();
  for (const p of priorities) {
    if (targets.size > 0 && !targets.has(p.competencyId)) continue;
    if (p.weightedGap <= 0) continue;
    const person = people.get(p.employeeId) ?? {
      employeeId: p.employeeId,
      name: p.employeeName,
      unitName: p.unitName,
      weightedGap: 0,
      competencies: [],
    };
    person.weightedGap += p.weightedGap;
    person.competencies.push(p.competencyCode);
    people.set(p.employeeId, person);
  }
  return [...people.values()].sort((a, b) => b.weightedGap - a.weightedGap);
}
