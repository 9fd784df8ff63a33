/**
 * A QR code as vector SVG (qrcode-generator's module matrix, error correction M): one path of
 * unit squares in module coordinates with a four-module quiet zone, so it prints sharp at any size.
 */
import qrcode from 'qrcode-generator';

/** The path of the dark modules of `text`'s QR code, and its size in modules (quiet zone included). */
function qrPath(text: string): { d: string; size: number } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const parts: string[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.isDark(r, c)) parts.push(`M${c + 4} ${r + 4}h1v1h-1z`);
  }
  return { d: parts.join(''), size: n + 8 };
}

export function QrCode({ text, label, width }: { text: string; label: string; width: number | string }) {
  const { d, size } = qrPath(text);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width={width} height={width} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" data-qr={text} />
    </svg>
  );
}
