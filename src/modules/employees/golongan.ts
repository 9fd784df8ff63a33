/**
 * Grades (golongan/ruang). PNS: I/a–I/d, II/a–II/d, III/a–III/d, IV/a–IV/e (PP 99/2000).
 * PPPK: I–XVII (Perpres 98/2020). Input is forgiving about case and spaces ("iii / A", and "9"
 * for PPPK IX) because that is how regions' spreadsheets hold it; storage is always canonical.
 */
import type { EmploymentType } from './nip';

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII'];

const pnsGrades: readonly string[] = [
  ...['a', 'b', 'c', 'd'].map((r) => `I/${r}`),
  ...['a', 'b', 'c', 'd'].map((r) => `II/${r}`),
  ...['a', 'b', 'c', 'd'].map((r) => `III/${r}`),
  ...['a', 'b', 'c', 'd', 'e'].map((r) => `IV/${r}`),
];
const pppkGrades: readonly string[] = roman;

export type GradeCheck = { ok: true; grade: string } | { ok: false; problem: string };

function canonical(raw: string): string {
  const compact = raw.replace(/\s+/g, '');
  const slash = compact.indexOf('/');
  if (slash < 0) {
    const n = /^\d{1,2}$/.test(compact) ? Number(compact) : 0;
    return n >= 1 && n <= roman.length ? (roman[n - 1] as string) : compact.toUpperCase();
  }
  return `${compact.slice(0, slash).toUpperCase()}/${compact.slice(slash + 1).toLowerCase()}`;
}

export function checkGrade(raw: string, type: EmploymentType): GradeCheck {
  const grade = canonical(raw);
  if (type === 'pns') {
    if (pnsGrades.includes(grade)) return { ok: true, grade };
    if (pppkGrades.includes(grade)) return { ok: false, problem: `grade ${grade} is a PPPK grade; a PNS golongan is I/a … IV/e` };
    return { ok: false, problem: `grade "${raw}" is not a PNS golongan (I/a … IV/e)` };
  }
  if (pppkGrades.includes(grade)) return { ok: true, grade };
  if (pnsGrades.includes(grade)) return { ok: false, problem: `grade ${grade} is a PNS golongan; PPPK grades are I … XVII` };
  return { ok: false, problem: `grade "${raw}" is not a PPPK grade (I … XVII)` };
}
