/**
 * The colour of each IKM grade (PermenPAN-RB 14/2017: A sangat baik … D tidak baik), shared by
 * every badge that shows one: the public results page and the admin's IKM report. Filled badges
 * with `autoContrast`, so the letter stays readable on each.
 */
export const ikmGradeColor = { A: 'teal', B: 'blue', C: 'yellow', D: 'red' } as const;
