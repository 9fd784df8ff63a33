/**
 * The xlsx writer and reader (src/platform/xlsx): a round trip reads back what was written, and a
 * workbook laid out the way a spreadsheet program saves one — shared strings with rich-text runs,
 * a date as a serial number under a built-in date style, a custom date format, an inline string,
 * a formula's cached result, a boolean, an error, cells without references — reads correctly.
 * Hostile files: not a zip, a zip without a workbook, a zip bomb.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dateOfSerial, readXlsx, writeXlsx, XlsxError } from '../../src/platform/xlsx';

describe('xlsx round trip', () => {
  it('reads back the strings, numbers, booleans and dates it wrote, sheet by sheet', () => {
    const rows = [
      ['NIP', 'Nama', 'JP', 'Mulai', 'Lulus'],
      ['198503302003121002', 'Siti Rahayu, S.E. <Bidang "A" & B>', 24.5, new Date('2025-03-10T00:00:00Z'), true],
      ['=SUM(A1)', 'Ñoño ümlaut 𝔘', -3, { date: '1999-12-31' }, false],
      [null, '', 0, null, null],
      ['satu'],
    ];
    const bytes = writeXlsx([
      { name: 'Riwayat', rows },
      { name: 'Kedua/[x]', rows: [['a', 1]] },
    ]);
    const [first, second] = readXlsx(bytes);
    expect(first?.name).toBe('Riwayat');
    expect(first?.rows).toEqual([
      rows[0],
      rows[1],
      ['=SUM(A1)', 'Ñoño ümlaut 𝔘', -3, new Date('1999-12-31T00:00:00Z'), false],
      [null, null, 0],
      ['satu'],
    ]);
    expect(second).toEqual({ name: 'Kedua  x', rows: [['a', 1]] });
  });

  it('writes the same bytes for the same data, and a string that looks like a formula stays a string', () => {
    const a = writeXlsx([{ name: 'S', rows: [['=1+1', 2]] }]);
    const b = writeXlsx([{ name: 'S', rows: [['=1+1', 2]] }]);
    expect(a).toEqual(b);
    expect(readXlsx(a)[0]?.rows[0]?.[0]).toBe('=1+1');
  });
});

/** A workbook as a spreadsheet program saves it, written out by hand. */
function spreadsheetProgramFile(): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} ${rel}><workbookPr defaultThemeVersion="124226"/><sheets><sheet name="Data &amp; Info" sheetId="1" r:id="rId3"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/styles" Target="styles.xml"/><Relationship Id="rId3" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0"?><sst ${ns} count="4" uniqueCount="4"><si><t>NIP</t></si><si><t>tanggal sertifikat</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Pelatihan </t></r><r><t>Dasar &amp; Lanjut</t></r></si><si><t>19850330 2003121002</t><phoneticPr fontId="1"/></si></sst>`,
    ),
    'xl/styles.xml': strToU8(
      `<?xml version="1.0"?><styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="165" formatCode="d/m/yyyy;@"/></numFmts><cellXfs count="4"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0"?><worksheet ${ns}><dimension ref="A1:F3"/><sheetData>` +
        '<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
        '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" s="1"><v>45726</v></c><c r="C3" s="2"><v>45292.5</v></c><c r="D3" s="3"><v>1234.5</v></c>' +
        '<c r="E3" t="str"><f>A3&amp;"x"</f><v>abc&lt;x</v></c><c r="F3" t="b"><v>1</v></c><c r="G3" t="e"><v>#N/A</v></c>' +
        '<c r="H3" t="inlineStr"><is><t>sebaris</t></is></c><c r="J3" s="1"/></row>' +
        '<row r="4"><c t="n"><v>7</v></c><c><v>8</v></c></row>' +
        '</sheetData></worksheet>',
    ),
  });
}

describe('xlsx as spreadsheet programs write it', () => {
  it('reads shared strings (rich text too), a date serial under a date style, inline strings and formula results', () => {
    const [sheet] = readXlsx(spreadsheetProgramFile());
    expect(sheet?.name).toBe('Data & Info');
    expect(sheet?.rows[0]).toEqual(['NIP', 'tanggal sertifikat', 'Pelatihan Dasar & Lanjut']);
    expect(sheet?.rows[1]).toEqual([]);
    expect(sheet?.rows[2]).toEqual([
      '19850330 2003121002',
      new Date('2025-03-10T00:00:00Z'),
      new Date('2024-01-01T12:00:00Z'),
      1234.5,
      'abc<x',
      true,
      null,
      'sebaris',
    ]);
    expect(sheet?.rows[3]).toEqual([7, 8]);
  });

  it('counts serials as the 1900 and 1904 date systems do', () => {
    expect(dateOfSerial(1).toISOString().slice(0, 10)).toBe('1900-01-01');
    expect(dateOfSerial(59).toISOString().slice(0, 10)).toBe('1900-02-28');
    expect(dateOfSerial(61).toISOString().slice(0, 10)).toBe('1900-03-01');
    expect(dateOfSerial(45726).toISOString().slice(0, 10)).toBe('2025-03-10');
    expect(dateOfSerial(0, true).toISOString().slice(0, 10)).toBe('1904-01-01');
  });

  it('refuses what is not an xlsx, and a zip that unpacks to too much', () => {
    expect(() => readXlsx(strToU8('NIP,nama\n1,2'))).toThrow(XlsxError);
    expect(() => readXlsx(zipSync({ 'a.xml': strToU8('<a/>') }))).toThrow(/no workbook/);
    // 4 MB of zeros compress to a few KB: refused (here over a 1 MB ceiling) from the sizes the zip declares, before inflating.
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(() => readXlsx(bomb, { maxUnzippedBytes: 1024 * 1024 })).toThrow(/too large/);
  });
});
