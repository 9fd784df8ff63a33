/**
 * A QR code drawn as SVG from its text (qrcode-generator gives the module matrix; error correction
 * M), with the quiet zone of four modules the standard asks for. Each row's runs of dark modules
 * are one rectangle each. Nothing leaves the page: the text is encoded here.
 */
import qrcode from 'qrcode-generator';

const quiet = 4;

/** The runs of dark modules, row by row: `[x, y, length]` in modules, the quiet zone included. */
function qrRuns(text: string): { size: number; runs: [number, number, number][] } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const runs: [number, number, number][] = [];
  for (let row = 0; row < n; row++) {
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && qr.isDark(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push([start + quiet, row + quiet, col - start]);
        start = -1;
      }
    }
  }
  return { size: n + 2 * quiet, runs };
}

export function QrCode({ text, label, pixels = 200 }: { text: string; label: string; pixels?: number }) {
  const { size, runs } = qrRuns(text);
  return (
    <svg
      role="img"
      aria-label={label}
      width={pixels}
      height={pixels}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      data-testid="qr-code"
      style={{ background: '#fff' }}
    >
      <rect width={size} height={size} fill="#fff" />
      {runs.map(([x, y, length]) => (
        <rect key={`${x}-${y}`} x={x} y={y} width={length} height={1} fill="#000" />
      ))}
    </svg>
  );
}
