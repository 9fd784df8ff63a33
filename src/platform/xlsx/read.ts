/**
 * Reading xlsx workbooks as spreadsheet programs write them: shared strings (with rich-text runs),
 * inline strings, formula results, numbers, booleans, and dates — a number in a cell whose style
 * has a date format (the built-in ones or a custom `d/m/yyyy`-like code), in the 1900 or 1904
 * date system — read back as a `Date` (UTC midnight for a whole day). Error cells read as empty.
 *
 * An uploaded file is untrusted: the zip is refused before it is inflated when its parts claim
 * more than `maxUnzippedBytes`, and refused after when they inflate to more than they claimed
 * (a zip bomb either way); anything that is not an xlsx is a `XlsxError`. The XML is read with
 * small patterns, not a DOM (workerd has no DOMParser): SpreadsheetML's few elements are regular.
 */
import { strFromU8, unzipSync } from 'fflate';

export type XlsxValue = string | number | boolean | Date | null;

interface XlsxReadSheet {
  name: string;
  /** Rows by position (row 1 at index 0); a missing row or cell is `null`; trailing empties are dropped. */
  rows: XlsxValue[][];
}

export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** The default ceiling of a workbook's unpacked size: far above any registry a region keeps. */
const defaultMaxUnzippedBytes = 64 * 1024 * 1024;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (entities[e.toLowerCase()] ?? ''),
  );

/** `<p:name …>` with or without a namespace prefix. */
const tag = (name: string) => `(?:[A-Za-z_][\\w.-]*:)?${name}`;
const attr = (attrs: string, name: string) => new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}="([^"]*)"`).exec(attrs)?.[1];

/** The text of every `<t>` inside a fragment (a shared string's runs, an inline string). */
const textOf = (xml: string) =>
  [...xml.matchAll(new RegExp(`<${tag('t')}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${tag('t')}>)`, 'g'))]
    .map((m) => unescapeXml(m[1] ?? ''))
    .join('');

function unzip(bytes: Uint8Array, maxUnzippedBytes: number): Record<string, Uint8Array> {
  let claimed = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        claimed += file.originalSize;
        if (claimed > maxUnzippedBytes) throw new XlsxError('the workbook is too large once unpacked');
        return file.name.endsWith('.xml') || file.name.endsWith('.rels');
      },
    });
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw new XlsxError('not an xlsx file (not a readable zip)');
  }
  const actual = Object.values(files).reduce((sum, f) => sum + f.length, 0);
  if (actual > maxUnzippedBytes) throw new XlsxError('the workbook is too large once unpacked');
  return files;
}

/** Built-in number formats that are dates (ECMA-376 §18.8.30), and custom codes that show a day, month or year. */
const builtinDates = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const isDateCode = (code: string) => {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
};

function dateStyles(stylesXml: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (!stylesXml) return dates;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(new RegExp(`<${tag('numFmt')}\\s([^>]*?)/?>`, 'g'))) {
    const id = Number(attr(m[1] ?? '', 'numFmtId'));
    custom.set(id, unescapeXml(attr(m[1] ?? '', 'formatCode') ?? ''));
  }
  const xfs = new RegExp(`<${tag('cellXfs')}[^>]*>([\\s\\S]*?)</${tag('cellXfs')}>`).exec(stylesXml)?.[1] ?? '';
  [...xfs.matchAll(new RegExp(`<${tag('xf')}(\\s[^>]*?)?/?>`, 'g'))].forEach((m, i) => {
    const id = Number(attr(m[1] ?? '', 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (builtinDates.has(id) || (code !== undefined && isDateCode(code))) dates.add(i);
  });
  return dates;
}

/** A serial number as a date: days since 1899-12-30 (1900 system; 1900-02-29 never existed) or since 1904-01-01. */
export function dateOfSerial(serial: number, date1904 = false): Date {
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return new Date(Date.UTC(1899, 11, 30) + Math.round(days * 86_400_000));
}

/** Zero-based column index of a reference such as `AB12`. */
const columnIndex = (ref: string) => {
  let n = 0;
  for (const ch of /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? '') n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

function readSheet(xml: string, strings: string[], dates: Set<number>, date1904: boolean): XlsxValue[][] {
  const rows: XlsxValue[][] = [];
  let nextRow = 0;
  for (const rm of xml.matchAll(new RegExp(`<${tag('row')}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${tag('row')}>)`, 'g'))) {
    const r = attr(rm[1] ?? '', 'r');
    const rowIndex = r ? Number(r) - 1 : nextRow;
    nextRow = rowIndex + 1;
    const row: XlsxValue[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? '').matchAll(new RegExp(`<${tag('c')}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${tag('c')}>)`, 'g'))) {
      const attrs = cm[1] ?? '';
      const ref = attr(attrs, 'r');
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const inner = cm[2] ?? '';
      const raw = new RegExp(`<${tag('v')}>([\\s\\S]*?)</${tag('v')}>`).exec(inner)?.[1];
      const t = attr(attrs, 't') ?? 'n';
      let value: XlsxValue = null;
      if (t === 'inlineStr') value = textOf(inner);
      else if (raw === undefined) value = null;
      else if (t === 's') value = strings[Number(raw)] ?? null;
      else if (t === 'str') value = unescapeXml(raw);
      else if (t === 'b') value = raw === '1';
      else if (t === 'e') value = null;
      else {
        const n = Number(raw);
        value = Number.isFinite(n) ? (dates.has(Number(attr(attrs, 's') ?? 0)) ? dateOfSerial(n, date1904) : n) : null;
      }
      while (row.length < col) row.push(null);
      row[col] = value;
    }
    while (row.length > 0 && (row[row.length - 1] === null || row[row.length - 1] === '')) row.pop();
    while (rows.length < rowIndex) rows.push([]);
    rows[rowIndex] = row;
  }
  while (rows.length > 0 && (rows[rows.length - 1] as XlsxValue[]).length === 0) rows.pop();
  return rows;
}

/** Every sheet of the workbook, in the workbook's order. */
export function readXlsx(bytes: Uint8Array, options: { maxUnzippedBytes?: number } = {}): XlsxReadSheet[] {
  const files = unzip(bytes, options.maxUnzippedBytes ?? defaultMaxUnzippedBytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name] as Uint8Array) : undefined);
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new XlsxError('not an xlsx file (no workbook)');
  const date1904 = /date1904="(1|true)"/.test(workbook);
  const rels = new Map<string, string>();
  for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(new RegExp(`<${tag('Relationship')}\\s([^>]*?)/?>`, 'g'))) {
    const id = attr(m[1] ?? '', 'Id');
    const target = attr(m[1] ?? '', 'Target');
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sst = text('xl/sharedStrings.xml') ?? '';
  const strings = [...sst.matchAll(new RegExp(`<${tag('si')}>([\\s\\S]*?)</${tag('si')}>`, 'g'))].map((m) => textOf(m[1] ?? ''));
  const dates = dateStyles(text('xl/styles.xml'));
  const sheets: XlsxReadSheet[] = [];
  for (const m of workbook.matchAll(new RegExp(`<${tag('sheet')}\\s([^>]*?)/?>`, 'g'))) {
    const name = unescapeXml(attr(m[1] ?? '', 'name') ?? '');
    const target = rels.get(attr(m[1] ?? '', 'id') ?? '');
    const xml = target ? text(target.replace(/\/\.\//g, '/')) : undefined;
    if (xml) sheets.push({ name, rows: readSheet(xml, strings, dates, date1904) });
  }
  if (sheets.length === 0) throw new XlsxError('the workbook has no worksheet');
  return sheets;
}
