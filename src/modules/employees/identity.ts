/**
 * The fields whose rules depend on each other: the NIP and the golongan are valid or not according
 * to the employment type, and gender and birth date are read from a PNS NIP, never typed in. One
 * function, used by the JSON API and the CSV import alike.
 */
import { checkGrade } from './golongan';
import { checkNip, type EmploymentType, type Gender } from './nip';

export interface Identity {
  nip: string;
  grade: string;
  employmentType: EmploymentType;
  gender: Gender | null;
  birthDate: string | null;
}

interface IdentityProblem {
  field: 'nip' | 'grade';
  message: string;
}

export type IdentityCheck = { ok: true; identity: Identity } | { ok: false; problems: IdentityProblem[] };

export function checkIdentity(input: { nip: string; grade: string; employmentType: EmploymentType }, today?: Date): IdentityCheck {
  const nip = checkNip(input.nip, input.employmentType, today);
  const grade = checkGrade(input.grade, input.employmentType);
  const problems: IdentityProblem[] = [
    ...(nip.ok ? [] : nip.problems.map((message) => ({ field: 'nip' as const, message }))),
    ...(grade.ok ? [] : [{ field: 'grade' as const, message: grade.problem }]),
  ];
  if (!nip.ok || !grade.ok) return { ok: false, problems };
  return {
    ok: true,
    identity: {
      nip: nip.nip,
      grade: grade.grade,
      employmentType: input.employmentType,
      gender: nip.facts?.gender ?? null,
      birthDate: nip.facts?.birthDate ?? null,
    },
  };
}
