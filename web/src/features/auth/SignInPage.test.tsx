import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api/session';
import { renderAt, serve } from '../../test/render';
import { SignInPage, safeNext } from './SignInPage';

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });

describe('Masuk', () => {
  it('says the session expired, signs in and goes back to the page asked for', async () => {
    const requests = serve({
      'POST /api/v1/auth/login': { status: 200, body: { accessToken: 'tok', tokenType: 'Bearer', expiresIn: 900 } },
    });
    const { router } = renderAt(<SignInPage />, { route: '/masuk', path: '/masuk?next=%2Ftugas&reason=expired' });
    expect(screen.getByRole('status').textContent).toContain('Sesi Anda telah berakhir');
    fill('Wilayah', 'kalianda');
    fill('NIP atau email', '197905122002101431');
    fill('Kata sandi', 'rahasia-sekali-12');
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/tugas'));
    expect(requests[0]?.body).toEqual({ tenant: 'kalianda', username: '197905122002101431', password: 'rahasia-sekali-12' });
    expect(session.token()).toBe('tok');
  });

  it('marks empty fields beside them and sends nothing', () => {
    const requests = serve({});
    renderAt(<SignInPage />, { route: '/masuk', path: '/masuk', language: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getAllByText('Required.')).toHaveLength(2);
    expect(requests).toHaveLength(0);
  });

  it('shows a refused sign-in in Indonesian and asks for the second factor when the account needs it', async () => {
    serve({
      'POST /api/v1/auth/login': (r) =>
        (r.body as { password: string }).password === 'salah'
          ? { status: 401, body: { type: 'urn:bangkom:problem:unauthenticated', title: 'x', status: 401, detail: 'Invalid credentials.' } }
          : { status: 200, body: { totpRequired: true, challenge: 'ch1' } },
    });
    renderAt(<SignInPage />, { route: '/masuk', path: '/masuk' });
    fill('NIP atau email', 'admin@kalianda.go.id');
    fill('Kata sandi', 'salah');
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Silakan masuk lagi');
    fill('Kata sandi', 'benar-sekali-12');
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(await screen.findByText('Masukkan 6 angka dari aplikasi autentikator Anda.')).toBeTruthy();
  });

  it('goes back only to pages of the console', () => {
    expect(safeNext('/pendampingan/p1')).toBe('/pendampingan/p1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/masuk?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
