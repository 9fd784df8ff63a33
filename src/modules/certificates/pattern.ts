/**
 * Certificate numbers: a tenant's pattern with placeholders, checked when it is saved and filled
 * when a certificate is issued. The sequence is the one part decided inside the database (the
 * next number of the tenant's year, taken by the inserting statement); the program's code is put
 * in there too, from the row being issued; everything else is known before.
 *
 *   {seq}      the sequence of the year, as is (1, 2, … 120)
 *   {seq:N}    the sequence zero-padded to N digits (N = 1…9): {seq:4} → 0007
 *   {code}     the program's code
 *   {unit}     the issuing unit's code (a certificate setting, e.g. BKPSDM)
 *   {year}     the year of issue (four digits)
 *   {month}    the month of issue, two digits (01…12)
 *   {romawi}   the month of issue in Roman numerals (I…XII), as Indonesian letter numbers write it
 *
 * A pattern holds exactly one sequence and the year: numbering restarts every year, so a number
 * without its year would repeat.
 */

export const defaultNumberPattern = '{seq}/{code}/{unit}/{year}';

const placeholder = /\{([a-z]+)(?::(\d+))?\}/g;
const known = new Set(['seq', 'code', 'unit', 'year', 'month', 'romawi']);
const romanMonths = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** What is wrong with a pattern (empty when it is valid). */
export function patternProblems(pattern: string): string[] {
  const problems: string[] = [];
  let seqs = 0;
  let year = false;
  for (const [whole, name, width] of pattern.matchAll(placeholder)) {
    if (!known.has(name as string)) problems.push(`unknown placeholder ${whole}`);
    else if (name === 'seq') {
      seqs++;
      if (width !== undefined && (Number(width) < 1 || Number(width) > 9)) problems.push(`${whole}: the width is 1 to 9 digits`);
    } else if (width !== undefined) problems.push(`${whole}: only {seq} takes a width`);
    if (name === 'year') year = true;
  }
  if (seqs !== 1) problems.push('the pattern holds {seq} (or {seq:N}) exactly once');
  if (!year) problems.push('the pattern holds {year}: numbering restarts every year');
  if (/[{}]/.test(pattern.replace(placeholder, ''))) problems.push('a brace that is not part of a placeholder');
  return problems;
}

/**
 * The pattern split around its sequence, with every placeholder but `{code}` filled in: the
 * number is `before || printf(format, seq) || after`, `{code}` replaced by the program's code.
 */
export function numberParts(pattern: string, values: { unit: string; issuedOn: string }) {
  const month = Number(values.issuedOn.slice(5, 7));
  const fill = (text: string) =>
    text.replace(placeholder, (whole, name: string) => {
      if (name === 'unit') return values.unit;
      if (name === 'year') return values.issuedOn.slice(0, 4);
      if (name === 'month') return values.issuedOn.slice(5, 7);
      if (name === 'romawi') return romanMonths[month - 1] as string;
      return whole;
    });
  const seq = /\{seq(?::(\d))?\}/.exec(pattern);
  if (!seq) throw new Error('a number pattern without {seq}');
  return {
    before: fill(pattern.slice(0, seq.index)),
    format: seq[1] ? `%0${seq[1]}d` : '%d',
    after: fill(pattern.slice(seq.index + seq[0].length)),
  };
}
