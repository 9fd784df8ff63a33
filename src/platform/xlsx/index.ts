/** xlsx workbooks without a spreadsheet library: a writer and a reader over fflate (docs/xlsx.md). */
export { dateOfSerial, looksLikeZip, readXlsx, XlsxError, type XlsxReadSheet, type XlsxValue } from './read';
export { type XlsxCell, type XlsxSheet, writeXlsx } from './write';
