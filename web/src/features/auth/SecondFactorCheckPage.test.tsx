import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../lib/api/client';
import { session } from '../../lib/api/session';
import { renderAt, serve } from '../../test/render';
import { SecondFactorCheckPage } from './SecondFactorCheckPage';

const refused = { type: 'urn:bangkom:problem:forbidden', title: 'x', status: 403, detail: 'x' };

describe('Verifikasi dua langkah (after single sign-on)', () => {
  it('refuses a wrong code beside the field, then accepts a recovery code and renews into the whole session', async () => {
    startSession({ accessToken: 'code-only', expiresIn: 900, twoFactorSetupRequired: false, secondFactorRequired: true });
    const requests = serve({
      'POST /api/v1/auth/two-factor/verify': (r) =>
        (r.body as { totp: string }).totp === 'RC1A-BCDE-FGHJ' ? { status: 204 } : { status: 403, body: refused },
      'POST /api/v1/auth/refresh': {
        status: 200,
        body: {
          accessToken: 'full',
          tokenType: 'Bearer',
          expiresIn: 900,
          twoFactorSetupRequired: false,
          secondFactorRequired: false,
          account: { id: 'a', username: 'admin@kalianda.go.id', roles: ['tenant_admin'], tenant: 'kalianda', employeeId: null },
        },
      },
    });
    const { router } = renderAt(<SecondFactorCheckPage />, { route: '/masuk/kode', path: '/masuk/kode?next=%2Fadmin' });
    fireEvent.change(screen.getByLabelText('Kode autentikator'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verifikasi' }));
    expect(await screen.findByText(/Kode tidak cocok atau sudah dipakai/)).toBeTruthy();
    expect(session.get()).toMatchObject({ accessToken: 'code-only', codeOnly: true });

    fireEvent.click(screen.getByRole('button', { name: /kode pemulihan/ }));
    fireEvent.change(screen.getByLabelText('Kode pemulihan'), { target: { value: 'RC1A-BCDE-FGHJ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verifikasi' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin'));
    expect(session.get()).toMatchObject({ accessToken: 'full', codeOnly: false });
    expect(requests.map((r) => r.path)).toEqual([
      '/api/v1/auth/two-factor/verify',
      '/api/v1/auth/two-factor/verify',
      '/api/v1/auth/refresh',
    ]);
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer code-only');
  });

  it('sends a caller without a session to sign in', () => {
    session.signOut('none');
    serve({});
    const { router } = renderAt(<SecondFactorCheckPage />, { route: '/masuk/kode', path: '/masuk/kode' });
    expect(router.state.location.pathname).toBe('/masuk');
  });
});
