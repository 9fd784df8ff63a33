/**
 * Writing CSV for people who open it in a spreadsheet: a BOM so Excel reads UTF-8 names, CRLF line
 * ends, and every cell a spreadsheet would run as a formula neutralised, whatever else it holds —
 * a formula starts with = + - @ (or their full-width forms), possibly after spaces, tabs or line
 * breaks; such a cell gets a leading apostrophe, which spreadsheets show as text. OWASP "CSV
 * Injection". Every CSV the product writes goes through here.
 */
import Papa from 'papaparse';

const formulaStart = /^[\s\u2028\u2029\u0085]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;
/** A plain number (`-0.25`) is data, not a formula: it stays as it is so spreadsheets can sum it. */
const plainNumber = /^-?\d+(\.\d+)?$/;

/** A cell as a spreadsheet may safely read it. */
export const neutralise = (cell: string): string => (formulaStart.test(cell) && !plainNumber.test(cell) ? `'${cell}` : cell);

export function writeCsv(fields: readonly string[], rows: (string | number | null)[][]): string {
  const data = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutralise(cell) : cell)));
  return `\uFEFF${Papa.unparse({ fields: fields.map(neutralise), data }, { newline: '\r\n' })}\r\n`;
}
