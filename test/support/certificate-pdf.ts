/**
 * Reading a certificate's PDF back, for the workers tests and the journeys alike (pdf-lib and jsQR
 * run in both): a page's content stream as text, and its QR code — the squares drawn in the `/QR`
 * marked-content section (modules/certificates/pdf.ts), painted into a bitmap and decoded by jsQR.
 */
import jsQR from 'jsqr';
import { decodePDFRawStream, PDFArray, type PDFDocument, type PDFPage, PDFRawStream, type PDFRef } from 'pdf-lib';

/** The page's content streams, decoded, as Latin-1 text. */
export function contentOf(doc: PDFDocument, page: PDFPage): string {
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  return refs
    .map((ref) => {
      const stream = doc.context.lookup(ref as PDFRef);
      if (!(stream instanceof PDFRawStream)) return '';
      return String.fromCharCode(...decodePDFRawStream(stream).decode());
    })
    .join('\n');
}

/** The squares (`x y w h re`) of the content's QR section. */
export function qrSquares(content: string): [number, number, number, number][] {
  const section = /\/QR BMC([\s\S]*?)EMC/.exec(content)?.[1] ?? '';
  return [...section.matchAll(/([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) re/g)].map(
    (m) => m.slice(1, 5).map(Number) as [number, number, number, number],
  );
}

/** The QR section's squares painted into a bitmap (4 px a module, a 4-module quiet zone), decoded; undefined when nothing decodes. */
export function qrOf(content: string): string | undefined {
  const squares = qrSquares(content);
  if (squares.length === 0) return undefined;
  const module = Math.min(...squares.map((s) => s[3]));
  const x0 = Math.min(...squares.map((s) => s[0]));
  const y0 = Math.min(...squares.map((s) => s[1]));
  const n = Math.round((Math.max(...squares.map((s) => s[1] + s[3])) - y0) / module);
  const scale = 4;
  const size = (n + 8) * scale;
  const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
  for (const [x, y, w, h] of squares) {
    const col = Math.round((x - x0) / module);
    const cols = Math.round(w / module);
    const row = n - 1 - Math.round((y - y0) / module);
    for (let r = 0; r < Math.round(h / module); r++) {
      for (let c = 0; c < cols; c++) {
        for (let dy = 0; dy < scale; dy++) {
          for (let dx = 0; dx < scale; dx++) {
            const px = (col + c + 4) * scale + dx;
            const py = (row + r + 4) * scale + dy;
            pixels.fill(0, (py * size + px) * 4, (py * size + px) * 4 + 3);
          }
        }
      }
    }
  }
  return jsQR(pixels, size, size)?.data;
}
