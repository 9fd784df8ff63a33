/**
 * Reading the import CSV, the way regions' spreadsheets actually write it: an optional UTF-8 BOM, CRLF or
 * LF line ends, quoted fields (with delimiters, quotes or line breaks inside), and a comma,
 * semicolon (Excel in an Indonesian locale) or tab as the delimiter, detected from the header line.
 * Row numbers are the spreadsheet's: the header is row 1, the first data record row 2. Writing
 * CSV (the export) goes through platform/csv.ts, which neutralises formula cells.
 */
import Papa from 'papaparse';
import { DomainError } from '../../platform/errors';

export const importColumns = [
  'nip',
  'name',
  'unit_code',
  'position_code',
  'grade',
  'employment_type',
  'supervisor_nip',
  'email',
  'siasn_id',
] as const;
export type ImportColumn = (typeof importColumns)[number];
const requiredColumns: readonly ImportColumn[] = ['nip', 'name', 'unit_code', 'position_code', 'grade', 'employment_type'];

export interface CsvRecord {
  /** Row in the file, header = 1. */
  row: number;
  cells: Partial<Record<ImportColumn, string>>;
  /** Why the record cannot be read at all (wrong number of fields, unclosed quote). */
  broken?: string;
}

export interface CsvFile {
  records: CsvRecord[];
  ignoredColumns: string[];
}

const delimiters = [',', ';', '\t'] as const;

/** The delimiter the header line uses most; a header holds no quoted delimiters in practice. */
function detectDelimiter(headerLine: string): (typeof delimiters)[number] {
  let best: (typeof delimiters)[number] = ',';
  let bestCount = 0;
  for (const d of delimiters) {
    const count = headerLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

const columnName = (raw: string) =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** The header's column names, or a 400 naming the missing and repeated ones. */
function checkHeader(headerCells: string[]): string[] {
  const header = headerCells.map(columnName);
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (name !== '' && seen.has(name)) errors.push({ path: 'body.header', message: `column ${name} appears twice` });
    seen.add(name);
  }
  for (const name of requiredColumns) if (!seen.has(name)) errors.push({ path: 'body.header', message: `column ${name} is missing` });
  if (errors.length > 0) {
    throw new DomainError('validation_failed', `The header row must name the columns ${importColumns.join(', ')}.`, errors);
  }
  return header;
}

/** The checks a file gets before it is accepted as a job: not empty, a header naming the required columns. */
export function checkEmployeesCsvHeader(text: string): void {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new DomainError('validation_failed', 'The file is empty.', [{ path: 'body', message: 'no header row' }]);
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  checkHeader(Papa.parse<string[]>(firstLine, { delimiter: detectDelimiter(firstLine) }).data[0] ?? []);
}

export function readEmployeesCsv(text: string): CsvFile {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new DomainError('validation_failed', 'The file is empty.', [{ path: 'body', message: 'no header row' }]);
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const parsed = Papa.parse<string[]>(body, { delimiter: detectDelimiter(firstLine), skipEmptyLines: false });
  const [headerCells = [], ...data] = parsed.data;

  const header = checkHeader(headerCells);
  const known = new Set<string>(importColumns);
  const ignoredColumns = header.filter((name) => !known.has(name));

  // Papaparse reports an unclosed quote against the data row where it starts.
  const brokenAt = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.row !== undefined && e.code === 'MissingQuotes') brokenAt.set(e.row - 1, 'a quoted field is not closed');
  }

  const records: CsvRecord[] = [];
  data.forEach((cells, i) => {
    if (cells.every((cell) => cell.trim() === '')) return;
    const record: CsvRecord = { row: i + 2, cells: {} };
    header.forEach((name, at) => {
      if (known.has(name)) record.cells[name as ImportColumn] = (cells[at] ?? '').trim();
    });
    const broken =
      brokenAt.get(i) ?? (cells.length !== header.length ? `the row has ${cells.length} fields, the header ${header.length}` : undefined);
    if (broken) record.broken = broken;
    records.push(record);
  });
  return { records, ignoredColumns };
}
