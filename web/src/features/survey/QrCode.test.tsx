import { render, screen } from '@testing-library/react';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QrCode } from './QrCode';

/** The rendered path's unit squares painted into a bitmap (4 px a module), decoded by jsQR. */
function decode(svg: SVGElement): string | undefined {
  const size = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
  const d = svg.querySelector('path')?.getAttribute('d') ?? '';
  const scale = 4;
  const px = size * scale;
  const pixels = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * px + Number(x) * scale + dx) * 4;
        pixels.fill(0, at, at + 3);
      }
    }
  }
  return jsQR(pixels, px, px)?.data;
}

describe('the poster QR code', () => {
  it("draws, as vector squares, a code that decodes to the form's address", () => {
    const url = 'https://bangkom.example.go.id/survei/kalianda/DISDUKCAPIL';
    render(<QrCode text={url} label="Kode QR survei" width={300} />);
    const svg = screen.getByRole('img', { name: 'Kode QR survei' }) as unknown as SVGElement;
    expect(decode(svg)).toBe(url);
  });
});
