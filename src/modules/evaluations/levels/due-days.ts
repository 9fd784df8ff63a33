/**
 * Days an evaluation is due after it opens. Completion is kept as an instant at noon UTC of the
 * completion day, so its first ten characters are the day; the day arithmetic and "today" on the
 * tenant's wall clock live in platform/calendar.ts.
 */

/** Days an L1 reaction or a mentoring feedback is due after completion. */
export const reactionDueDays = 14;
/** Days an L3 rating is due after it opens. */
export const behaviourDueDays = 30;
