/**
 * The certificate as a PDF, made in the Worker with pdf-lib: A4 landscape, in Indonesian, with the
 * participant, the program, the place and date of issue, the signing official, and a QR code to
 * the public verification page. Rendered on demand from the certificate's row (which holds
 * everything it prints): the same row gives the same bytes, a revoked certificate is stamped
 * DICABUT from the moment it is revoked, and nothing is stored twice (docs/certificates.md).
 *
 * The QR code is vector: qrcode-generator gives the module matrix, each row's runs of dark modules
 * become rectangles of one filled path, inside a marked-content section `/QR` so a reader (and the
 * tests) can find it. The fields are also written into the document's metadata (title, subject,
 * keywords), which machines read more easily than a content stream.
 */
import {
  beginMarkedContent,
  degrees,
  endMarkedContent,
  fill,
  PDFDocument,
  type PDFFont,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  StandardFonts,
  setFillingRgbColor,
} from 'pdf-lib';
import qrcode from 'qrcode-generator';
import type { CertificateRow } from './view';
import { pangkatOf } from './view';

const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** `2026-03-10` → `10 Maret 2026`. */
export const tanggal = (iso: string) => `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

const jpText = (centi: number) => (centi % 100 === 0 ? String(centi / 100) : (centi / 100).toFixed(2).replace(/0$/, '').replace('.', ','));

/** The QR code's module matrix (true = dark) for `text`, error correction M. */
function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** Draws the matrix as filled squares, `size` points wide, lower-left corner at (x, y). */
function drawQr(page: PDFPage, matrix: boolean[][], x: number, y: number, size: number): void {
  const n = matrix.length;
  const m = size / n;
  const squares = matrix.flatMap((row, r) => {
    const runs = [];
    for (let c = 0; c < n; c++) {
      if (!row[c]) continue;
      const start = c;
      while (c + 1 < n && row[c + 1]) c++;
      runs.push(rectangle(x + start * m, y + (n - 1 - r) * m, (c - start + 1) * m, m));
    }
    return runs;
  });
  page.pushOperators(
    beginMarkedContent('QR'),
    pushGraphicsState(),
    setFillingRgbColor(0, 0, 0),
    ...squares,
    fill(),
    popGraphicsState(),
    endMarkedContent(),
  );
}

/** Text the standard font can write: accents it lacks are dropped (NFKD), anything else becomes "?". */
function encodable(font: PDFFont): (text: string) => string {
  const known = new Set(font.getCharacterSet());
  return (text) =>
    [...text]
      .map((ch) => {
        if (known.has(ch.codePointAt(0) as number)) return ch;
        const bare = ch.normalize('NFKD').replace(/\p{M}/gu, '');
        return [...bare].every((b) => known.has(b.codePointAt(0) as number)) && bare !== '' ? bare : '?';
      })
      .join('');
}

/** Lines of at most `width` points. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The certificate's PDF; `verificationUrl` is what the QR code holds. */
export async function certificatePdf(row: CertificateRow, verificationUrl: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([841.89, 595.28]);
  const { width } = page.getSize();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const clean = encodable(regular);
  const ink = rgb(0.1, 0.1, 0.15);
  const centred = (text: string, y: number, size: number, font = regular) => {
    const t = clean(text);
    page.drawText(t, { x: (width - font.widthOfTextAtSize(t, size)) / 2, y, size, font, color: ink });
  };
  const fitted = (text: string, x: number, y: number, size: number, maxWidth: number, font = regular) => {
    const t = clean(text);
    const s = Math.max(7, Math.min(size, (size * maxWidth) / Math.max(1, font.widthOfTextAtSize(t, size))));
    page.drawText(t, { x, y, size: s, font, color: ink });
  };

  page.drawRectangle({ x: 20, y: 20, width: width - 40, height: 555.28, borderColor: rgb(0.55, 0.45, 0.2), borderWidth: 3 });
  page.drawRectangle({ x: 28, y: 28, width: width - 56, height: 539.28, borderColor: rgb(0.55, 0.45, 0.2), borderWidth: 0.8 });

  centred(row.region.toUpperCase(), 530, 13, bold);
  centred('SERTIFIKAT', 488, 30, bold);
  centred('SURAT TANDA TAMAT PELATIHAN (STTPP)', 466, 12);
  centred(`Nomor: ${row.number}`, 446, 12);
  centred('Diberikan kepada:', 418, 12);

  const pangkat = pangkatOf(row.grade);
  const fields: [string, string][] = [
    ['Nama', row.participantName],
    ['NIP', row.participantNip],
    ['Pangkat/Golongan', pangkat ? `${pangkat} (${row.grade})` : row.grade],
    ['Jabatan', row.positionName],
    ['Unit Kerja', row.unitName],
  ];
  fields.forEach(([label, value], i) => {
    const y = 394 - i * 19;
    page.drawText(label, { x: 190, y, size: 12, font: regular, color: ink });
    page.drawText(':', { x: 320, y, size: 12, font: regular, color: ink });
    fitted(value, 330, y, 12, width - 330 - 80, i === 0 ? bold : regular);
  });

  centred('yang telah mengikuti dan dinyatakan LULUS pada', 282, 12);
  const titleLines = wrap(clean(row.programTitle), bold, 16, width - 200).slice(0, 2);
  titleLines.forEach((line, i) => {
    centred(line, 260 - i * 19, 16, bold);
  });
  const place = titleLines.length > 1 ? 219 : 238;
  const dates =
    row.startDate === row.endDate ? `tanggal ${tanggal(row.startDate)}` : `tanggal ${tanggal(row.startDate)} s.d. ${tanggal(row.endDate)}`;
  const held = `yang diselenggarakan di ${row.venue} pada ${dates} selama ${jpText(row.jpCenti)} jam pelajaran (JP).`;
  wrap(clean(held), regular, 12, width - 200)
    .slice(0, 2)
    .forEach((line, i) => {
      centred(line, place - i * 16, 12);
    });

  const sx = 520;
  page.drawText(clean(`${row.issuedPlace}, ${tanggal(row.issuedOn)}`), { x: sx, y: 170, size: 11, font: regular, color: ink });
  wrap(clean(row.officialTitle), regular, 11, 270)
    .slice(0, 3)
    .forEach((line, i) => {
      page.drawText(line, { x: sx, y: 155 - i * 13, size: 11, font: regular, color: ink });
    });
  fitted(row.officialName, sx, 72, 11, 270, bold);
  page.drawText(`NIP ${row.officialNip}`, { x: sx, y: 58, size: 11, font: regular, color: ink });

  drawQr(page, qrMatrix(verificationUrl), 60, 62, 96);
  page.drawText('Pindai untuk memeriksa keabsahan:', { x: 60, y: 50, size: 7, font: regular, color: ink });
  fitted(verificationUrl, 60, 41, 7, 400);

  if (row.status === 'revoked') {
    page.drawText('DICABUT', { x: 230, y: 170, size: 110, font: bold, color: rgb(0.8, 0.1, 0.1), opacity: 0.3, rotate: degrees(20) });
    fitted(`Dicabut pada ${tanggal(row.revokedOn ?? row.issuedOn)}: ${row.revokedReason ?? ''}`, 60, 548, 10, width - 120, bold);
  }

  const issued = new Date(`${row.issuedOn}T00:00:00Z`);
  doc.setTitle(`Sertifikat ${row.number}`);
  doc.setSubject(clean(row.programTitle));
  doc.setAuthor(clean(row.region));
  doc.setKeywords([row.number, row.participantName, row.participantNip, row.programTitle, row.issuedOn, row.status].map(clean));
  doc.setCreator('Bangkom');
  doc.setProducer('Bangkom (pdf-lib)');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  doc.setLanguage('id-ID');
  return doc.save();
}
