/**
 * NIP (Nomor Induk Pegawai) rules, described in docs/employees.md ("The NIP"). A PNS NIP is 18 digits:
 *
 *   YYYYMMDD  birth date        YYYYMM  CPNS appointment (TMT)        G  gender 1/2     SSS  sequence 001–999
 *
 * A PPPK number has another layout, so it is checked for 18 digits only. Every problem is reported
 * in words a BKD clerk can act on ("birth date 1987-02-31 is not a real date"), all at once.
 *
 * Extra rules beyond the NIP's layout, both because a NIP that breaks them is a typing error, not a person:
 * the appointment is not in the future, and the CPNS was at least 18 at appointment (the minimum
 * age for CPNS, PP 11/2017 art. 23); birth dates before 1900 are refused for the same reason.
 * Spaces are ignored, since NIPs are commonly written "19870212 201001 1 001".
 */
import type { employmentTypes, genders } from '../../db/schema/employees';

export type EmploymentType = (typeof employmentTypes)[number];
export type Gender = (typeof genders)[number];

/** What a PNS NIP says about its holder. */
interface NipFacts {
  birthDate: string;
  appointment: string;
  gender: Gender;
}

export type NipCheck = { ok: true; nip: string; facts: NipFacts | null } | { ok: false; problems: string[] };

const minimumAppointmentAge = 18;

const isoDay = (y: string, m: string, d: string) => `${y}-${m}-${d}`;

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Months since year 0: lets "YYYYMM" values be compared and subtracted. */
const monthIndex = (y: number, m: number) => y * 12 + (m - 1);

/** A NIP as typed (spaces between its parts allowed) without the spaces. */
export const compactNip = (raw: string) => raw.replace(/\s+/g, '');

export function checkNip(raw: string, type: EmploymentType, today: Date = new Date()): NipCheck {
  const nip = compactNip(raw);
  if (/^\d(\.\d+)?e\+?\d+$/i.test(nip)) {
    return { ok: false, problems: [`NIP ${nip} was turned into a number by a spreadsheet; format the column as text`] };
  }
  const stray = /\D/.exec(nip);
  if (stray) return { ok: false, problems: [`NIP must contain digits only, found "${stray[0]}"`] };
  if (nip.length !== 18) return { ok: false, problems: [`NIP must be 18 digits, got ${nip.length}`] };
  if (type === 'pppk') return { ok: true, nip, facts: null };

  const problems: string[] = [];
  const [by, bm, bd] = [nip.slice(0, 4), nip.slice(4, 6), nip.slice(6, 8)];
  const [ay, am] = [nip.slice(8, 12), nip.slice(12, 14)];
  const genderDigit = nip.slice(14, 15);
  const sequence = nip.slice(15, 18);
  const birthDate = isoDay(by, bm, bd);
  const appointment = `${ay}-${am}`;
  const todayIso = today.toISOString().slice(0, 10);
  const thisMonth = monthIndex(today.getUTCFullYear(), today.getUTCMonth() + 1);

  const birthReal = isRealDate(Number(by), Number(bm), Number(bd));
  if (!birthReal) problems.push(`birth date ${birthDate} is not a real date`);
  else if (Number(by) < 1900) problems.push(`birth date ${birthDate} is before 1900`);
  else if (birthDate > todayIso) problems.push(`birth date ${birthDate} is in the future`);

  const appointmentReal = Number(am) >= 1 && Number(am) <= 12;
  const appointed = monthIndex(Number(ay), Number(am));
  if (!appointmentReal) problems.push(`appointment ${appointment} is not a real month`);
  else if (appointed > thisMonth) problems.push(`appointment ${appointment} is in the future`);

  if (birthReal && appointmentReal) {
    const born = monthIndex(Number(by), Number(bm));
    if (appointed < born) problems.push(`appointment ${appointment} is before birth (${birthDate})`);
    else if (appointed - born < minimumAppointmentAge * 12) {
      const age = Math.floor((appointed - born) / 12);
      problems.push(`appointment ${appointment} is at age ${age}; a CPNS is appointed at ${minimumAppointmentAge} or older`);
    }
  }
  if (genderDigit !== '1' && genderDigit !== '2') problems.push(`gender digit must be 1 or 2, got ${genderDigit}`);
  if (sequence === '000') problems.push('sequence 000 is not valid (001–999)');

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, nip, facts: { birthDate, appointment, gender: genderDigit === '1' ? 'male' : 'female' } };
}
