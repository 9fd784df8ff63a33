import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api/session';
import { renderAt, serve } from '../../test/render';
import { ActivatePage } from './ActivatePage';

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const refusedPassword = (message: string) => ({
  status: 400,
  body: {
    type: 'urn:bangkom:problem:validation-failed',
    title: 'x',
    status: 400,
    detail: `The password is not acceptable: ${message}.`,
    errors: [{ path: 'body.password', message }],
  },
});

function fillAll(password: string) {
  fill('Wilayah', 'kalianda');
  fill('NIP', '198702122010012001');
  fill('Kode aktivasi dari admin', 'k7qm-2d9x-4trb');
  fill('Kata sandi baru', password);
  fill('Ulangi kata sandi baru', password);
  fireEvent.click(screen.getByRole('button', { name: 'Aktifkan dan masuk' }));
}

describe('Aktivasi', () => {
  it('shows the password rules, says a refused password beside its field in Indonesian, then activates and signs in', async () => {
    const requests = serve({
      'POST /api/v1/auth/activate': (r) =>
        (r.body as { password: string }).password === 'jakarta12345!'
          ? refusedPassword('it is too common or too easy to guess')
          : {
              status: 200,
              body: {
                accessToken: 'tok',
                tokenType: 'Bearer',
                expiresIn: 900,
                twoFactorSetupRequired: false,
                account: { id: 'a', username: '198702122010012001', roles: ['employee'], tenant: 'kalianda', employeeId: 'e' },
              },
            },
    });
    const { router } = renderAt(<ActivatePage />, { route: '/aktivasi', path: '/aktivasi' });
    expect(screen.getByText('12 sampai 128 karakter')).toBeTruthy();
    expect(screen.getByText('tidak memuat NIP atau nama pengguna Anda')).toBeTruthy();

    fillAll('jakarta12345!');
    expect(await screen.findByText('Kata sandi ini terlalu umum atau mudah ditebak. Pilih yang lain.')).toBeTruthy();
    // Beside its field: the input is described by the message.
    const described = screen.getByLabelText('Kata sandi baru').getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(described)?.textContent).toBe('Kata sandi ini terlalu umum atau mudah ditebak. Pilih yang lain.');
    expect(screen.queryByRole('alert')).toBeNull();

    fill('Kata sandi baru', 'kopi-tubruk-pagi-hari');
    fill('Ulangi kata sandi baru', 'kopi-tubruk-pagi-hari');
    fireEvent.click(screen.getByRole('button', { name: 'Aktifkan dan masuk' }));
    await waitFor(() => expect(session.token()).toBe('tok'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(requests.at(-1)?.body).toEqual({
      tenant: 'kalianda',
      username: '198702122010012001',
      code: 'k7qm-2d9x-4trb',
      password: 'kopi-tubruk-pagi-hari',
    });
  });

  it('checks the length and the repeat before sending', () => {
    const requests = serve({});
    renderAt(<ActivatePage />, { route: '/aktivasi', path: '/aktivasi', language: 'en' });
    fill('Region', 'kalianda');
    fill('NIP', '1987');
    fill('Activation code from the admin', 'X');
    fill('New password', 'short');
    fill('Repeat the new password', 'other');
    fireEvent.click(screen.getByRole('button', { name: 'Activate and sign in' }));
    expect(screen.getByText('Enter a NIP (18 digits) or an email.')).toBeTruthy();
    expect(screen.getByText('At least 12 characters.')).toBeTruthy();
    expect(screen.getByText('The two passwords differ.')).toBeTruthy();
    expect(requests).toHaveLength(0);
  });

  it('says a wrong or expired code as such', async () => {
    serve({
      'POST /api/v1/auth/activate': {
        status: 401,
        body: { type: 'urn:bangkom:problem:unauthenticated', title: 'x', status: 401, detail: 'x' },
      },
    });
    renderAt(<ActivatePage />, { route: '/aktivasi', path: '/aktivasi' });
    fillAll('kopi-tubruk-pagi-hari');
    expect((await screen.findByRole('alert')).textContent).toContain('NIP atau kode aktivasi salah');
  });
});
