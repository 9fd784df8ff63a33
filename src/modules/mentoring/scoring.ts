/**
 * The suggestion score of a mentor for a mentee, in parts the admin can read. Pure.
 *
 *   score = 0.6 × fit + 0.2 × capacity + 0.2 × unit          (each part in [0, 1], 4 decimals)
 *
 * - fit: the mentee's largest weighted gaps (at most `topGaps`, assessed gaps > 0 only) that the
 *   mentor covers, as a share of their weighted sum. A gap counts as covered when the mentor
 *   offers the competency AND their current level there is at least the mentee's required level.
 *   0 when the mentee has no assessed gap.
 * - capacity: remaining slots / capacity (remaining = capacity − active − proposed mentoring
 *   pairings); a mentor without a free slot is not a candidate.
 * - unit: 1 same unit, 0.5 same parent unit (siblings, or one unit directly under the other),
 *   0 otherwise — with preference `distance` it is 1 − that, for a view from outside the unit.
 *
 * Candidates in the mentee's own reporting line (their supervisors up the chain, their direct
 * reports) are excluded before scoring for mentoring: coaching is that relation, mentoring is not.
 */

const weights = { fit: 0.6, capacity: 0.2, unit: 0.2 } as const;
const topGaps = 5;
export type UnitPreference = 'proximity' | 'distance';

export interface MenteeGap {
  competencyId: string;
  required: number;
  weightedGap: number;
}

export interface Place {
  unitId: string;
  parentUnitId: string | null;
}

export interface Candidate extends Place {
  employeeId: string;
  capacity: number;
  /** Open (active + proposed) mentoring pairings. */
  open: number;
  offered: readonly string[];
  /** Current level per competency id (only those that matter may be given). */
  levels: ReadonlyMap<string, number>;
}

export interface ScoreParts {
  score: number;
  fit: number;
  capacity: number;
  unit: number;
  remaining: number;
  covered: string[];
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The mentee's largest weighted gaps, largest first (ties by competency id, for a stable answer). */
export function largestGaps(gaps: readonly MenteeGap[]): MenteeGap[] {
  return gaps
    .filter((g) => g.weightedGap > 0)
    .sort((a, b) => b.weightedGap - a.weightedGap || a.competencyId.localeCompare(b.competencyId))
    .slice(0, topGaps);
}

function unitCloseness(a: Place, b: Place): number {
  if (a.unitId === b.unitId) return 1;
  if (a.parentUnitId !== null && a.parentUnitId === b.parentUnitId) return 0.5;
  if (a.parentUnitId === b.unitId || b.parentUnitId === a.unitId) return 0.5;
  return 0;
}

/** Parts and score of `c` for a mentee with `gaps` (already cut to `largestGaps`) at `place`. */
export function scoreCandidate(gaps: readonly MenteeGap[], place: Place, c: Candidate, preference: UnitPreference): ScoreParts {
  const total = gaps.reduce((sum, g) => sum + g.weightedGap, 0);
  const covered = gaps.filter((g) => c.offered.includes(g.competencyId) && (c.levels.get(g.competencyId) ?? 0) >= g.required);
  const fit = total > 0 ? covered.reduce((sum, g) => sum + g.weightedGap, 0) / total : 0;
  const remaining = Math.max(0, c.capacity - c.open);
  const capacity = c.capacity > 0 ? remaining / c.capacity : 0;
  const near = unitCloseness(place, c);
  const unit = preference === 'proximity' ? near : 1 - near;
  return {
    score: round4(weights.fit * fit + weights.capacity * capacity + weights.unit * unit),
    fit: round4(fit),
    capacity: round4(capacity),
    unit,
    remaining,
    covered: covered.map((g) => g.competencyId),
  };
}
