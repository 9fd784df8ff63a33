import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toCsv, xlsxRows } from './files';

const workbook = (sheet: string, shared: string[]) =>
  zipSync({
    'xl/sharedStrings.xml': strToU8(
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared
        .map((s) => `<si><t>${s}</t></si>`)
        .join('')}</sst>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
    ),
  });

describe('an xlsx workbook read as CSV', () => {
  it('reads shared and inline strings and numbers, keeping empty cells and blank rows in place', () => {
    const bytes = workbook(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>198702122010012001</t></is></c><c r="C3"><v>7</v></c></row>',
      ['nip', 'name', 'grade'],
    );
    expect(xlsxRows(bytes)).toEqual([['nip', 'name', 'grade'], [], ['198702122010012001', '', '7']]);
  });

  it('quotes what CSV needs quoted', () => {
    expect(toCsv([['a', 'Siti, S.Kep.', 'Ahmad "Ucok"']])).toBe('a,"Siti, S.Kep.","Ahmad ""Ucok"""\r\n');
  });
});
