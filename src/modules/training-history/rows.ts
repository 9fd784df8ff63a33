/**
 * One row of past training, checked: every problem is reported against its column, in the
 * import's words (row, column, reason), and a good row becomes a record. Methods are the
 * catalog's codes (section 3), matched from how BKDs write them ("E-Learning", "Bimtek",
 * "Diklat Teknis", "PKA"); "klasikal" alone names no method and is refused. Dates are ISO
 * (`2025-03-10`), Indonesian day-first (`10-03-2025`, `10/3/2025`, `10 Maret 2025`) or an xlsx
 * date. JP is a number (`24`, `2,5`) with at most two decimals.
 */
import { programMethods } from '../../db/schema/catalog';
import { dateOfSerial } from '../../platform/xlsx';
import type { Cell, Column, FileRecord } from './file';

type Method = (typeof programMethods)[number];

export interface TrainingRow {
  row: number;
  nip: string;
  title: string;
  method: Method;
  organiser: string;
  startDate: string;
  endDate: string;
  jpCenti: number;
  certificateNumber: string | null;
  certificateDate: string | null;
}

export interface RowError {
  row: number;
  column: string;
  reason: string;
}

const key = (raw: string) =>
  raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

const methodAliases: Record<string, Method> = {
  elearning: 'e_learning',
  pembelajaran_elektronik: 'e_learning',
  webinar: 'seminar',
  lokakarya: 'workshop',
  bimtek: 'bimbingan_teknis',
  diklat_teknis: 'pelatihan_teknis',
  diklat_fungsional: 'pelatihan_fungsional',
  diklat_kepemimpinan: 'pelatihan_kepemimpinan',
  diklatpim: 'pelatihan_kepemimpinan',
  pkp: 'pelatihan_kepemimpinan',
  pka: 'pelatihan_kepemimpinan',
  pkn: 'pelatihan_kepemimpinan',
  diklat_manajerial: 'pelatihan_manajerial',
  pjj: 'pelatihan_jarak_jauh',
  benchmarking: 'patok_banding',
  studi_banding: 'patok_banding',
  bimbingan_di_tempat_kerja: 'bimbingan_di_tempat_kerja',
};

function methodOf(raw: string): Method | string {
  const k = key(raw);
  if ((programMethods as readonly string[]).includes(k)) return k as Method;
  const alias = methodAliases[k];
  if (alias) return alias;
  if (k === 'klasikal' || k === 'non_klasikal' || k === 'nonklasikal')
    return `"${raw}" names a group of methods, not one: write the method (seminar, workshop, e-learning, …)`;
  return `"${raw}" is not a method: use a code such as seminar, workshop, kursus, bimbingan_teknis, pelatihan_teknis, e_learning, coaching, magang`;
}

const months = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];

const isoOf = (y: number, m: number, d: number): string | undefined => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
};

/** A date cell as `YYYY-MM-DD`, or undefined when it is not one. */
function dateOf(cell: Cell): string | undefined {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  // An xlsx date whose cell lost its date style arrives as its serial number.
  if (typeof cell === 'number') return cell > 0 && cell < 2_958_466 ? dateOfSerial(Math.floor(cell)).toISOString().slice(0, 10) : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/.exec(text);
  const month = m ? months.indexOf(m[2] as string) + 1 : 0;
  if (m && month > 0) return isoOf(Number(m[3]), month, Number(m[1]));
  return undefined;
}

const text = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters in names is the point (platform/http/text.ts)
const notOneLine = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function checkRow(record: FileRecord, today: string): { row?: TrainingRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const fail = (column: Column, reason: string) => errors.push({ row: record.row, column, reason });
  const c = record.cells;

  let nip = '';
  if (typeof c.nip === 'number' && c.nip > Number.MAX_SAFE_INTEGER) {
    fail('nip', 'the NIP was stored as a number and lost its last digits: format the column as text');
  } else {
    nip = text(c.nip).replace(/\s+/g, '');
    if (!/^\d{18}$/.test(nip)) fail('nip', nip === '' ? 'required' : `"${nip}" is not an NIP of 18 digits`);
  }
  const line = (column: Column, max: number, optional = false) => {
    const value = text(c[column]);
    if (value === '' && !optional) fail(column, 'required');
    else if (value.length > max) fail(column, `longer than ${max} characters`);
    else if (notOneLine.test(value)) fail(column, 'one line of text: no line breaks, control characters or direction overrides');
    return value;
  };
  const title = line('title', 200);
  const organiser = line('organiser', 200);
  const certificateNumber = line('certificate_number', 120, true);

  const methodText = text(c.method);
  const method = methodText === '' ? 'required' : methodOf(methodText);
  if (!(programMethods as readonly string[]).includes(method)) fail('method', method);

  const date = (column: Column, optional = false) => {
    if (text(c[column]) === '') {
      if (!optional) fail(column, 'required');
      return undefined;
    }
    const value = dateOf(c[column] ?? null);
    if (!value) fail(column, `"${text(c[column])}" is not a date (2025-03-10, 10-03-2025 or 10 Maret 2025)`);
    else if (value < '1970-01-01' || value > today) fail(column, `${value} is not between 1970 and today`);
    else return value;
    return undefined;
  };
  const startDate = date('start');
  const endDate = date('end');
  const certificateDate = date('certificate_date', true);
  if (startDate && endDate && endDate < startDate) fail('end', `ends (${endDate}) before it starts (${startDate})`);

  const jpText = text(c.jp).replace(',', '.');
  const jp = typeof c.jp === 'number' ? c.jp : /^\d+(\.\d+)?$/.test(jpText) ? Number(jpText) : Number.NaN;
  if (!(jp > 0 && jp <= 1000)) fail('jp', jpText === '' ? 'required' : `"${text(c.jp)}" is not a number of JP between 0 and 1000`);
  else if (Math.abs(Math.round(jp * 100) - jp * 100) > 1e-6) fail('jp', 'at most two decimal places');

  if (errors.length > 0 || !startDate || !endDate) return { errors };
  return {
    errors,
    row: {
      row: record.row,
      nip,
      title,
      method: method as Method,
      organiser,
      startDate,
      endDate,
      jpCenti: Math.round(jp * 100),
      certificateNumber: certificateNumber === '' ? null : certificateNumber,
      certificateDate: certificateDate ?? null,
    },
  };
}
