/** English for plan-options.ts (loaded only when English is chosen). */
import type { planOptionsId } from '../plan-options';

export const planOptionsEn: Record<keyof typeof planOptionsId, string> = {
  'plan.form.offerings': 'Offerings',
  'plan.form.offeringsHelp': 'The planned or open offerings of {year}. All are used except those unticked.',
  'plan.form.offeringsAll': 'All offerings ({count})',
  'plan.form.offeringsNone': 'No planned or open offering in {year} yet.',
  'plan.form.offeringsPickOne': 'Tick at least one offering.',
  'plan.form.offering': '{title} · {date} · {place}',
  'plan.form.offeringOnline': 'Online',
  'plan.form.unitWeights': 'Unit weights',
  'plan.form.unitWeightsHelp': "Multiplies the gap value of the unit's direct members (1 = as usual, 2 = twice as important).",
  'plan.form.unitWeightUnit': 'Unit of weight {n}',
  'plan.form.unitWeightValue': 'Weight of unit {n}',
  'plan.form.unitWeightPick': 'Choose a unit.',
  'plan.form.unitWeightTwice': 'This unit already has a weight.',
  'plan.form.unitWeightAdd': 'Add a unit weight',
  'plan.form.unitWeightRemove': 'Remove unit weight {n}',
};
