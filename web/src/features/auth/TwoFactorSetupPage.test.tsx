import { fireEvent, screen, waitFor } from '@testing-library/react';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../lib/api/client';
import { session } from '../../lib/api/session';
import { renderAt, serve } from '../../test/render';
import { groupSecret, TwoFactorSetupPage } from './TwoFactorSetupPage';

const recoveryCodes = Array.from({ length: 10 }, (_, i) => `RC${i}A-BCDE-FGHJ`);

/** Rasterises the QR code's SVG (its rectangles, 4 pixels a module) and decodes it with jsQR. */
function decodeQr(svg: Element): string | undefined {
  const modules = Number(svg.getAttribute('viewBox')?.split(' ')[2]);
  const scale = 4;
  const width = modules * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const rect of Array.from(svg.querySelectorAll('rect[fill="#000"]'))) {
    const [x, y, w] = ['x', 'y', 'width'].map((a) => Number(rect.getAttribute(a)));
    for (let py = (y ?? 0) * scale; py < ((y ?? 0) + 1) * scale; py++) {
      for (let px = (x ?? 0) * scale; px < ((x ?? 0) + (w ?? 0)) * scale; px++)
        pixels.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
    }
  }
  return jsQR(pixels, width, width)?.data;
}

describe('Verifikasi dua langkah (set-up)', () => {
  it('shows the secret, refuses a wrong code beside it, shows the recovery codes once, then renews into a full session', async () => {
    startSession({ accessToken: 'limited', expiresIn: 900, twoFactorSetupRequired: true, secondFactorRequired: false });
    const requests = serve({
      'POST /api/v1/auth/two-factor/setup': {
        status: 200,
        body: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/Bangkom:admin?secret=JBSWY3DPEHPK3PXP' },
      },
      'POST /api/v1/auth/two-factor/confirm': (r) =>
        (r.body as { code: string }).code === '654321'
          ? { status: 200, body: { recoveryCodes } }
          : { status: 422, body: { type: 'urn:bangkom:problem:unprocessable', title: 'x', status: 422, detail: 'x' } },
      'POST /api/v1/auth/refresh': {
        status: 200,
        body: {
          accessToken: 'full',
          tokenType: 'Bearer',
          expiresIn: 900,
          twoFactorSetupRequired: false,
          account: { id: 'a', username: 'admin@kalianda.go.id', roles: ['tenant_admin'], tenant: 'kalianda', employeeId: null },
        },
      },
    });
    const { router } = renderAt(<TwoFactorSetupPage />, { route: '/masuk/dua-faktor', path: '/masuk/dua-faktor?next=%2Fadmin' });
    expect(screen.getByRole('status').textContent).toContain('mewajibkan verifikasi dua langkah');
    fireEvent.click(screen.getByRole('button', { name: 'Mulai' }));
    expect((await screen.findByTestId('totp-secret')).textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(screen.getByRole('link', { name: /buka langsung di aplikasi/ }).getAttribute('href')).toMatch(/^otpauth:\/\/totp\//);
    // The QR code, read back as a camera would: the drawn rectangles decoded by jsQR.
    expect(decodeQr(screen.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' }))).toBe(
      'otpauth://totp/Bangkom:admin?secret=JBSWY3DPEHPK3PXP',
    );

    fireEvent.change(screen.getByLabelText('Kode autentikator'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aktifkan' }));
    expect(await screen.findByText(/Kode tidak cocok dengan kunci rahasia/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Kode autentikator'), { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aktifkan' }));
    expect((await screen.findByTestId('recovery-codes')).textContent).toBe(recoveryCodes.join('\n'));
    const next = screen.getByRole('button', { name: 'Lanjutkan' });
    expect(next.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText('Saya sudah menyimpan kode pemulihan'));
    fireEvent.click(next);
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin'));
    expect(session.get()).toMatchObject({ accessToken: 'full', setupOnly: false });
    expect(requests.map((r) => r.path)).toEqual([
      '/api/v1/auth/two-factor/setup',
      '/api/v1/auth/two-factor/confirm',
      '/api/v1/auth/two-factor/confirm',
      '/api/v1/auth/refresh',
    ]);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer limited');
  });

  it('sends a caller without a session to sign in', () => {
    session.signOut('none');
    serve({});
    const { router } = renderAt(<TwoFactorSetupPage />, { route: '/masuk/dua-faktor', path: '/masuk/dua-faktor' });
    expect(router.state.location.pathname).toBe('/masuk');
  });

  it('groups a secret by four', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(groupSecret('ABCDEFGH')).toBe('ABCD EFGH');
  });
});
