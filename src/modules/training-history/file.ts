/**
 * Reading an uploaded training-history file, CSV or xlsx, into records by column. CSV as the
 * regions' spreadsheets save it (optional BOM, comma, semicolon or tab, quoted fields); xlsx from
 * its first sheet (platform/xlsx), where a date may arrive as a date and a number as a number.
 * Row numbers are the spreadsheet's: the header is row 1. Column names are matched loosely
 * (case, spaces, "-" and "_" do not matter) against the names BKDs use, English ones too.
 */
import Papa from 'papaparse';
import { DomainError } from '../../platform/errors';
import { readXlsx, XlsxError, type XlsxValue } from '../../platform/xlsx';

const columns = ['nip', 'title', 'method', 'organiser', 'start', 'end', 'jp', 'certificate_number', 'certificate_date'] as const;
export type Column = (typeof columns)[number];
const required: readonly Column[] = ['nip', 'title', 'method', 'organiser', 'start', 'end', 'jp'];

/** The header names each column goes by, normalised (lower case, words joined by `_`). */
const aliases: Record<Column, string[]> = {
  nip: ['nip', 'nip_baru'],
  title: ['nama_pelatihan', 'nama_diklat', 'judul', 'nama_kegiatan', 'title', 'training'],
  method: ['metode', 'jenis', 'jenis_diklat', 'method'],
  organiser: ['penyelenggara', 'institusi_penyelenggara', 'lembaga', 'organiser', 'organizer'],
  start: ['mulai', 'tanggal_mulai', 'tgl_mulai', 'start', 'start_date'],
  end: ['selesai', 'tanggal_selesai', 'tgl_selesai', 'end', 'end_date'],
  jp: ['jp', 'jumlah_jp', 'jam_pelajaran', 'jumlah_jam'],
  certificate_number: ['nomor_sertifikat', 'no_sertifikat', 'nomor_sttpp', 'certificate_number'],
  certificate_date: ['tanggal_sertifikat', 'tgl_sertifikat', 'tanggal_sttpp', 'certificate_date'],
};
const byName = new Map(Object.entries(aliases).flatMap(([column, names]) => names.map((n) => [n, column as Column])));

export type Cell = string | number | boolean | Date | null;

export interface FileRecord {
  row: number;
  cells: Partial<Record<Column, Cell>>;
}

export interface ReadFile {
  records: FileRecord[];
  ignoredColumns: string[];
}

export type FileFormat = 'csv' | 'xlsx';

const normalise = (raw: string) =>
  raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

function table(header: XlsxValue[], data: XlsxValue[][]): ReadFile {
  const names = header.map((h) => (h === null ? '' : String(h)));
  const mapped = names.map((n) => byName.get(normalise(n)));
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<Column>();
  for (const [i, column] of mapped.entries()) {
    if (column && seen.has(column)) errors.push({ path: 'body.header', message: `column ${names[i]} names ${column} a second time` });
    if (column) seen.add(column);
  }
  for (const column of required) {
    if (!seen.has(column)) errors.push({ path: 'body.header', message: `column ${aliases[column][0]} is missing` });
  }
  if (errors.length > 0) {
    const expected = columns.map((c) => aliases[c][0]).join(', ');
    throw new DomainError('validation_failed', `The header row must name the columns ${expected}.`, errors);
  }
  const records: FileRecord[] = [];
  data.forEach((cells, i) => {
    if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) return;
    const record: FileRecord = { row: i + 2, cells: {} };
    mapped.forEach((column, at) => {
      if (column) record.cells[column] = cells[at] ?? null;
    });
    records.push(record);
  });
  return { records, ignoredColumns: names.filter((n, i) => n.trim() !== '' && !mapped[i]) };
}

function readCsv(text: string): ReadFile {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  const [header = [], ...data] = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false }).data;
  return table(header, data);
}

/** The file's records; a 400 for an empty file, a missing column or a file that is not what its type says. */
export function readTrainingFile(bytes: Uint8Array, format: FileFormat): ReadFile {
  if (format === 'csv') {
    const text = new TextDecoder().decode(bytes);
    if (text.replace(/^\uFEFF/, '').trim() === '') {
      throw new DomainError('validation_failed', 'The file is empty.', [{ path: 'body', message: 'no header row' }]);
    }
    return readCsv(text);
  }
  try {
    const [first] = readXlsx(bytes);
    const [header = [], ...data] = first?.rows ?? [];
    if (header.length === 0) throw new DomainError('validation_failed', 'The file is empty.', [{ path: 'body', message: 'no header row' }]);
    return table(header, data);
  } catch (err) {
    if (err instanceof XlsxError)
      throw new DomainError('validation_failed', `The file is not a readable xlsx: ${err.message}.`, [
        { path: 'body', message: err.message },
      ]);
    throw err;
  }
}
