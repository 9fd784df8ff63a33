/**
 * The IKM's reporting periods as the screen offers them: years and semesters (the public form
 * files each answer under its semester; a year counts both). The trend of a period is it and the
 * three before it of the same kind.
 */
const semester = /^(\d{4})-S([12])$/;

/** The semester of a day (`2026-11-30` → `2026-S2`). */
export const semesterOf = (day: string): string => `${day.slice(0, 4)}-S${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;

/** The choices, newest first: each of the last three years' second and first semester, then the year. */
export function periodChoices(year: number): string[] {
  return [year, year - 1, year - 2].flatMap((y) => [`${y}-S2`, `${y}-S1`, String(y)]);
}

/** `period` and the three before it, oldest first (`2026-S2` → 2025-S1, 2025-S2, 2026-S1, 2026-S2). */
export function trendOf(period: string, length = 4): string[] {
  const s = semester.exec(period);
  const index = s ? Number(s[1]) * 2 + Number(s[2]) - 1 : Number(period);
  return Array.from({ length }, (_, i) => index - (length - 1 - i)).map((n) => (s ? `${Math.floor(n / 2)}-S${(n % 2) + 1}` : String(n)));
}
