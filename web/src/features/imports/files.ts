/**
 * Files in the browser: a chosen CSV read as text, an xlsx workbook's first sheet turned into CSV
 * (the import takes CSV), and a CSV handed back to the person as a download.
 */
import { unzipSync } from 'fflate';

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

export function toCsv(rows: string[][]): string {
  return `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** Column letters of a cell reference (`AB12`) as a 0-based index. */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  let index = 0;
  for (const ch of letters) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

/** The first worksheet of an xlsx file as rows of text (shared strings, inline strings and numbers as written). */
export function xlsxRows(bytes: Uint8Array): string[][] {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? new TextDecoder().decode(files[name]) : undefined);
  const parse = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml');
  const shared: string[] = [];
  const sharedXml = text('xl/sharedStrings.xml');
  if (sharedXml) {
    for (const si of Array.from(parse(sharedXml).getElementsByTagName('si'))) {
      shared.push(
        Array.from(si.getElementsByTagName('t'))
          .map((t) => t.textContent ?? '')
          .join(''),
      );
    }
  }
  const sheetName = Object.keys(files)
    .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .sort((a, b) => Number(/\d+/.exec(a.slice(14))?.[0]) - Number(/\d+/.exec(b.slice(14))?.[0]))[0];
  const sheet = sheetName ? text(sheetName) : undefined;
  if (!sheet) throw new Error('no worksheet');
  const rows: string[][] = [];
  for (const row of Array.from(parse(sheet).getElementsByTagName('row'))) {
    const index = Number(row.getAttribute('r') ?? rows.length + 1) - 1;
    const cells: string[] = [];
    for (const c of Array.from(row.getElementsByTagName('c'))) {
      const type = c.getAttribute('t');
      const raw =
        type === 'inlineStr'
          ? Array.from(c.getElementsByTagName('t'))
              .map((t) => t.textContent ?? '')
              .join('')
          : (c.getElementsByTagName('v')[0]?.textContent ?? '');
      const value = type === 's' ? (shared[Number(raw)] ?? '') : raw;
      cells[columnIndex(c.getAttribute('r') ?? '')] = value;
    }
    while (rows.length < index) rows.push([]);
    rows[index] = Array.from(cells, (cell) => cell ?? '');
  }
  return rows;
}

/** The chosen file as CSV text: an xlsx converted, anything else read as UTF-8. */
export async function fileAsCsv(file: File): Promise<string> {
  if (file.name.toLowerCase().endsWith('.xlsx')) return toCsv(xlsxRows(new Uint8Array(await file.arrayBuffer())));
  return file.text();
}

/** Hands `text` to the browser as a file named `name`. */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
