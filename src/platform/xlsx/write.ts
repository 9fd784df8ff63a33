/**
 * Writing a minimal xlsx (Office Open XML SpreadsheetML) workbook: a zip (fflate) of the six parts
 * a spreadsheet program needs — content types, package and workbook relationships, the workbook,
 * a style sheet with one date style, one worksheet per sheet — and a shared-string table, as
 * spreadsheet programs write it themselves. Cells are strings (shared), numbers, booleans and
 * dates (a serial number with the date style). A string cell is text whatever it holds: unlike a
 * CSV field, it is never taken for a formula. Domain-free; docs/xlsx.md says what it costs.
 * ECMA-376 Part 1, §18 (SpreadsheetML).
 */
import { strToU8, zipSync } from 'fflate';

/** A cell as written: text, a number, a boolean, a date (`Date`, or `{ date: 'YYYY-MM-DD' }`), or empty. */
type XlsxCell = string | number | boolean | Date | { date: string } | null | undefined;

interface XlsxSheet {
  name: string;
  rows: readonly (readonly XlsxCell[])[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: characters XML 1.0 cannot carry are what this removes
const notXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const escapeXml = (text: string) =>
  text.replace(notXml, '').replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);

/** Column letters of a zero-based index: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const excelEpochMs = Date.UTC(1899, 11, 30);

/** The 1900 date system's serial number of a UTC instant (days since 1899-12-30; exact from 1900-03-01 on). */
const serialOf = (date: Date) => (date.getTime() - excelEpochMs) / 86_400_000;

const sheetName = (name: string, i: number) => {
  const clean = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31);
  return clean === '' ? `Sheet${i + 1}` : clean;
};

const header = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const pkgRelNs = 'http://schemas.openxmlformats.org/package/2006/relationships';
const type = (t: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${t}+xml`;

/** Style 1 is the date style (`yyyy-mm-dd`, custom format 164); style 0 the default. */
const styles = `${header}<styleSheet xmlns="${mainNs}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

class SharedStrings {
  readonly list: string[] = [];
  readonly #index = new Map<string, number>();
  count = 0;

  indexOf(text: string): number {
    this.count++;
    let i = this.#index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(text);
      this.#index.set(text, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('');
    return `${header}<sst xmlns="${mainNs}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function cellXml(ref: string, cell: XlsxCell, strings: SharedStrings): string {
  if (cell === null || cell === undefined || cell === '') return '';
  if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${strings.indexOf(cell)}</v></c>`;
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"><v>${cell}</v></c>` : '';
  const date = cell instanceof Date ? cell : new Date(`${cell.date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  return `<c r="${ref}" s="1"><v>${serialOf(date)}</v></c>`;
}

function sheetXml(rows: XlsxSheet['rows'], strings: SharedStrings): string {
  const body = rows
    .map((row, r) => {
      const cells = row.map((cell, c) => cellXml(`${columnName(c)}${r + 1}`, cell, strings)).join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  return `${header}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}"><sheetData>${body}</sheetData></worksheet>`;
}

/** The workbook's bytes. Sheet names are made valid (≤ 31 characters, none of `[]:*?/\`). */
export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new Error('a workbook needs at least one sheet');
  const strings = new SharedStrings();
  const files: Record<string, Uint8Array> = {};
  const names = sheets.map((s, i) => sheetName(s.name, i));
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet.rows, strings));
  });
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${type('worksheet')}"/>`);
  files['[Content_Types].xml'] = strToU8(
    `${header}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${type('sheet.main')}"/>${overrides.join('')}<Override PartName="/xl/styles.xml" ContentType="${type('styles')}"/><Override PartName="/xl/sharedStrings.xml" ContentType="${type('sharedStrings')}"/></Types>`,
  );
  files['_rels/.rels'] = strToU8(
    `${header}<Relationships xmlns="${pkgRelNs}"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const sheetRels = sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${relNs}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  const n = sheets.length;
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `${header}<Relationships xmlns="${pkgRelNs}">${sheetRels.join('')}<Relationship Id="rId${n + 1}" Type="${relNs}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${relNs}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  const sheetEntries = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  files['xl/workbook.xml'] = strToU8(
    `${header}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><sheets>${sheetEntries.join('')}</sheets></workbook>`,
  );
  files['xl/styles.xml'] = strToU8(styles);
  files['xl/sharedStrings.xml'] = strToU8(strings.xml());
  // A fixed timestamp: the same data gives the same bytes.
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
