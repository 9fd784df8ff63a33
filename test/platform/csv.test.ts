/**
 * Every CSV the product writes neutralises a cell a spreadsheet would run as a formula, whatever
 * else the cell holds (line breaks, separators, full-width signs), and leaves data alone.
 */
import { describe, expect, it } from 'vitest';
import { neutralise, writeCsv } from '../../src/platform/csv';

describe('writeCsv', () => {
  it.each([
    '=HYPERLINK("http://x","klik")',
    '=HYPERLINK("http://x",\n"klik")',
    '=1+1\r\n',
    '+SUM(A1)',
    '-2+3',
    '@SUM(A1)',
    '  =1+1',
    '\n=1+1',
    '\u2028=1+1',
    '\t=1',
    '\uFF1D1+1',
  ])('neutralises %j', (cell) => {
    expect(neutralise(cell)).toBe(`'${cell}`);
    const csv = writeCsv(['name'], [[cell]]);
    const body = csv.slice(csv.indexOf('\r\n') + 2);
    expect(body.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it.each(['Dinas Kesehatan', '-0.25', '42', 'A=B', '', 'Bidang - Umum'])('leaves %j as it is', (cell) => {
    expect(neutralise(cell)).toBe(cell);
  });

  it('writes a BOM, a header and CRLF lines, and neutralises header cells too', () => {
    expect(writeCsv(['a', '=b'], [['1', null]])).toBe("\uFEFFa,'=b\r\n1,\r\n");
  });
});
