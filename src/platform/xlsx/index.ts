/** xlsx workbooks without a spreadsheet library: a writer and a reader over fflate (docs/xlsx.md). */
export { dateOfSerial, readXlsx, XlsxError, type XlsxValue } from './read';
export { writeXlsx } from './write';
