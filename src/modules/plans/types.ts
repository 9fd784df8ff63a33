/**
 * The plain-data shape of an annual plan problem: who has which weighted gaps, which offerings
 * close which competencies at what cost, and the budget and rules of the year. Nothing here reads
 * the database; the plan service builds an instance from its tables and hands it to the optimizer.
 */

export interface PlanGap {
  competencyId: string;
  /** Levels still missing (standard − current), > 0 to count. */
  gap: number;
  /** Importance of the competency for the position (the needs analysis weight). */
  weight: number;
}

export interface PlanEmployee {
  id: string;
  unitId: string;
  /** JP already earned this year. */
  jpEarned: number;
  /** The yearly JP target of the tenant (20 by default). */
  jpTarget: number;
  gaps: readonly PlanGap[];
}

export interface PlanOffering {
  id: string;
  programId: string;
  /** Integer rupiah per participant. */
  cost: number;
  jp: number;
  /** Seats still free. */
  capacity: number;
  gains: readonly { competencyId: string; gain: number }[];
  /** Employees whose prerequisites are met; absent means everyone may attend. */
  eligibleEmployeeIds?: readonly string[];
}

interface PlanOptions {
  /** The most offerings one employee may attend in the year. */
  perPersonCap: number;
  /** Multiplier of everything an employee of the unit contributes (default 1). */
  unitWeights?: Readonly<Record<string, number>>;
  /** Multiplier of a competency's weight, e.g. every competency of a type (default 1). */
  competencyWeights?: Readonly<Record<string, number>>;
  /** Value of bringing one employee from below the JP target to it. */
  jpTargetBonus: number;
}

export interface PlanInstance {
  employees: readonly PlanEmployee[];
  offerings: readonly PlanOffering[];
  /** Integer rupiah for the whole plan. */
  budget: number;
  options: PlanOptions;
}

export interface PlanAssignment {
  employeeId: string;
  offeringId: string;
}

export interface PlanResult {
  assignments: PlanAssignment[];
  value: number;
  cost: number;
}
