/**
 * The NIP read digit by digit as it is typed, for the form: birth date (YYYYMMDD), CPNS
 * appointment (TMT, YYYYMM), gender (1/2) and sequence (001–999), each with what it says or what
 * is wrong with it, by the rules of docs/employees.md ("The NIP"). The server checks again; this
 * only explains. A PPPK number is checked for 18 digits only.
 */
type NipPartName = 'birth' | 'appointment' | 'gender' | 'sequence';

type NipProblem =
  | 'incomplete'
  | 'notDate'
  | 'before1900'
  | 'future'
  | 'notMonth'
  | 'beforeBirth'
  | 'tooYoung'
  | 'genderDigit'
  | 'sequenceZero';

export interface NipPart {
  name: NipPartName;
  digits: string;
  /** What the part says when it is complete and valid: an ISO date, `YYYY-MM`, `male`/`female` or the sequence. */
  value: string | null;
  problem: NipProblem | null;
}

export interface NipReading {
  digits: string;
  /** Characters other than digits and spaces. */
  stray: boolean;
  parts: NipPart[];
  complete: boolean;
  ok: boolean;
}

const layout: { name: NipPartName; length: number }[] = [
  { name: 'birth', length: 8 },
  { name: 'appointment', length: 6 },
  { name: 'gender', length: 1 },
  { name: 'sequence', length: 3 },
];

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const months = (y: number, m: number) => y * 12 + (m - 1);

/** `today` is a `yyyy-mm-dd` day on the tenant's clock. */
export function readNip(raw: string, type: 'pns' | 'pppk', today: string): NipReading {
  const compact = raw.replace(/\s+/g, '');
  const stray = /\D/.test(compact);
  const digits = compact.replace(/\D/g, '');
  if (type === 'pppk') {
    return { digits, stray, parts: [], complete: digits.length === 18, ok: !stray && digits.length === 18 };
  }
  let at = 0;
  const parts: NipPart[] = layout.map(({ name, length }) => {
    const piece = digits.slice(at, at + length);
    at += length;
    return { name, digits: piece, value: null, problem: piece.length < length ? 'incomplete' : null };
  });
  const [birth, appointment, gender, sequence] = parts as [NipPart, NipPart, NipPart, NipPart];
  const [ty, tm] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (!birth.problem) {
    const [y, m, d] = [Number(birth.digits.slice(0, 4)), Number(birth.digits.slice(4, 6)), Number(birth.digits.slice(6, 8))];
    const iso = `${birth.digits.slice(0, 4)}-${birth.digits.slice(4, 6)}-${birth.digits.slice(6, 8)}`;
    if (!realDate(y, m, d)) birth.problem = 'notDate';
    else if (y < 1900) birth.problem = 'before1900';
    else if (iso > today) birth.problem = 'future';
    else birth.value = iso;
  }
  if (!appointment.problem) {
    const [y, m] = [Number(appointment.digits.slice(0, 4)), Number(appointment.digits.slice(4, 6))];
    if (m < 1 || m > 12) appointment.problem = 'notMonth';
    else if (months(y, m) > months(ty, tm)) appointment.problem = 'future';
    else if (birth.value) {
      const born = months(Number(birth.value.slice(0, 4)), Number(birth.value.slice(5, 7)));
      const appointed = months(y, m);
      if (appointed < born) appointment.problem = 'beforeBirth';
      else if (appointed - born < 18 * 12) appointment.problem = 'tooYoung';
    }
    if (!appointment.problem) appointment.value = `${appointment.digits.slice(0, 4)}-${appointment.digits.slice(4, 6)}`;
  }
  if (!gender.problem) {
    if (gender.digits === '1') gender.value = 'male';
    else if (gender.digits === '2') gender.value = 'female';
    else gender.problem = 'genderDigit';
  }
  if (!sequence.problem) {
    if (sequence.digits === '000') sequence.problem = 'sequenceZero';
    else sequence.value = sequence.digits;
  }
  const complete = digits.length >= 18;
  const ok = !stray && digits.length === 18 && parts.every((p) => p.problem === null);
  return { digits, stray, parts, complete, ok };
}
