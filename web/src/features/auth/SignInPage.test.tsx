import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { session } from '../../lib/api/session';
import { renderAt, serve } from '../../test/render';
import { SignInPage, safeNext } from './SignInPage';
import { rememberSsoNext } from './sign-in-methods';

const fill = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label, { exact: false }), { target: { value } });
const signedIn = (accessToken: string, twoFactorSetupRequired = false) => ({
  status: 200,
  body: {
    accessToken,
    tokenType: 'Bearer',
    expiresIn: 900,
    twoFactorSetupRequired,
    account: { id: 'acc_1', username: 'x', roles: ['employee'], tenant: 'kalianda', employeeId: 'emp_1' },
  },
});
const problem401 = (errors?: { path: string; message: string }[]) => ({
  status: 401,
  body: { type: 'urn:bangkom:problem:unauthenticated', title: 'x', status: 401, detail: 'x', ...(errors ? { errors } : {}) },
});

describe('Masuk', () => {
  it('says the session expired, signs in and goes back to the page asked for, remembering the region', async () => {
    const requests = serve({ 'POST /api/v1/auth/login': signedIn('tok') });
    const { router } = renderAt(<SignInPage />, { route: '/masuk', path: '/masuk?next=%2Ftugas&reason=expired' });
    expect(screen.getByRole('status').textContent).toContain('Sesi Anda telah berakhir');
    fill('Wilayah', 'Kalianda');
    fill('NIP atau email', '197905122002101431');
    fill('Kata sandi', 'rahasia-sekali-12');
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/tugas'));
    const login = requests.find((r) => r.path === '/api/v1/auth/login');
    expect(login?.body).toEqual({ tenant: 'kalianda', username: '197905122002101431', password: 'rahasia-sekali-12' });
    expect(session.token()).toBe('tok');
    expect(localStorage.getItem('bangkom.tenant')).toBe('kalianda');
  });

  it('signs a national account in without a region', async () => {
    const requests = serve({ 'POST /api/v1/auth/login': signedIn('tok') });
    renderAt(<SignInPage />, { route: '/masuk', path: '/masuk' });
    fill('NIP atau email', 'nasional@bangkom.local');
    fill('Kata sandi', 'rahasia-sekali-12');
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    await waitFor(() => expect(session.token()).toBe('tok'));
    expect(requests.find((r) => r.path === '/api/v1/auth/login')?.body).toEqual({
      username: 'nasional@bangkom.local',
      password: 'rahasia-sekali-12',
    });
  });

  it('marks empty fields beside them and sends nothing', () => {
    const requests = serve({});
    renderAt(<SignInPage />, { route: '/masuk', path: '/masuk', language: 'en' });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getAllByText('Required.')).toHaveLength(2);
    expect(requests).toHaveLength(0);
  });

  it('says a refused sign-in in Indonesian, not as an expired session', async () => {
    serve({ 'POST /api/v1/auth/login': problem401() });
    renderAt(<SignInPage />, { route: '/masuk', path: '/masuk' });
    fill('NIP atau email', 'admin@kalianda.go.id');
    fill('Kata sandi', 'salah');
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('NIP/email atau kata sandi salah');
    expect(alert.textContent).not.toContain('Sesi Anda');
  });

  it('asks for the second factor when the server names totp, repeats the sign-in with it, and takes a recovery code', async () => {
    const requests = serve({
      'POST /api/v1/auth/login': (r) => {
        const { totp } = r.body as { totp?: string };
        if (totp === undefined) return problem401([{ path: 'body.totp', message: 'required' }]);
        if (totp === 'ABCD-EFGH-JKMN') return signedIn('tok');
        return problem401([{ path: 'body.totp', message: 'not correct' }]);
      },
    });
    const { router } = renderAt(<SignInPage />, { route: '/masuk', path: '/masuk?next=%2Fadmin' });
    fill('Wilayah', 'kalianda');
    fill('NIP atau email', 'admin@kalianda.go.id');
    fill('Kata sandi', 'benar-sekali-12');
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(await screen.findByText('Masukkan 6 angka dari aplikasi autentikator Anda.')).toBeTruthy();

    fill('Kode autentikator', '12345');
    fireEvent.click(screen.getByRole('button', { name: 'Verifikasi' }));
    expect(screen.getByText('Kode terdiri dari 6 angka.')).toBeTruthy();
    fill('Kode autentikator', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Verifikasi' }));
    expect(await screen.findByText(/Kode tidak cocok atau sudah dipakai/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /Pakai kode pemulihan/ }));
    fill('Kode pemulihan', 'ABCD-EFGH-JKMN');
    fireEvent.click(screen.getByRole('button', { name: 'Verifikasi' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/admin'));
    const logins = requests.filter((r) => r.path === '/api/v1/auth/login').map((r) => r.body);
    expect(logins).toEqual([
      { tenant: 'kalianda', username: 'admin@kalianda.go.id', password: 'benar-sekali-12' },
      { tenant: 'kalianda', username: 'admin@kalianda.go.id', password: 'benar-sekali-12', totp: '123456' },
      { tenant: 'kalianda', username: 'admin@kalianda.go.id', password: 'benar-sekali-12', totp: 'ABCD-EFGH-JKMN' },
    ]);
  });

  it('sends an admin whose region requires a second factor to its set-up first', async () => {
    serve({ 'POST /api/v1/auth/login': signedIn('limited', true) });
    const { router } = renderAt(<SignInPage />, { route: '/masuk', path: '/masuk?next=%2Fadmin' });
    fill('Wilayah', 'kalianda');
    fill('NIP atau email', 'admin@kalianda.go.id');
    fill('Kata sandi', 'benar-sekali-12');
    fireEvent.click(screen.getByRole('button', { name: 'Masuk' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/masuk/dua-faktor'));
    expect(router.state.location.search).toBe('?next=%2Fadmin');
  });

  it("offers the region's single sign-on when it has one, and nothing when the methods route answers 404", async () => {
    const requests = serve({
      'GET /api/v1/auth/methods': (r) =>
        r.path.endsWith('tenant=kalianda')
          ? { status: 200, body: { password: true, sso: { startUrl: '/api/v1/auth/oidc/kalianda/start' } } }
          : { status: 404, body: { type: 'urn:bangkom:problem:not-found', title: 'x', status: 404, detail: 'x' } },
    });
    renderAt(<SignInPage />, { route: '/masuk', path: '/masuk?next=%2Ftugas' });
    fill('Wilayah', 'kalianda');
    const button = await screen.findByRole('link', { name: 'Masuk dengan SSO wilayah' });
    expect(button.getAttribute('href')).toBe('/api/v1/auth/oidc/kalianda/start');
    button.addEventListener('click', (e) => e.preventDefault());
    fireEvent.click(button);
    expect(sessionStorage.getItem('bangkom.sso-next')).toBe('/tugas');

    fill('Wilayah', 'lampung-selatan');
    await waitFor(() => expect(requests.some((r) => r.path === '/api/v1/auth/methods?tenant=lampung-selatan')).toBe(true));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Masuk dengan SSO wilayah' })).toBeNull());
  });

  it('explains in Indonesian why the single sign-on failed', () => {
    serve({});
    renderAt(<SignInPage />, { route: '/masuk', path: '/masuk?sso=gagal&alasan=akun' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Masuk dengan SSO gagal');
    expect(alert.textContent).toContain('Akun SSO Anda tidak terhubung ke akun Bangkom di wilayah ini');
  });

  it('says something useful for a reason it does not know', () => {
    serve({});
    renderAt(<SignInPage />, { route: '/masuk', path: '/masuk?sso=gagal&alasan=lainnya', language: 'en' });
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong signing in with SSO');
  });

  it('finishes a single sign-on with the refresh cookie and goes to the page remembered before it', async () => {
    session.signOut('none');
    rememberSsoNext('/pendampingan');
    const requests = serve({ 'POST /api/v1/auth/refresh': signedIn('from-sso') });
    const { router } = renderAt(<SignInPage />, { route: '/masuk', path: '/masuk?sso=ok' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/pendampingan'));
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/auth/refresh']);
    expect(session.token()).toBe('from-sso');
  });

  it('says so when the single sign-on came back but no session can be started', async () => {
    session.signOut('none');
    serve({ 'POST /api/v1/auth/refresh': problem401() });
    renderAt(<SignInPage />, { route: '/masuk', path: '/masuk?sso=ok' });
    expect((await screen.findByRole('alert')).textContent).toContain('Sesi dari SSO tidak dapat dimulai');
    expect(screen.getByLabelText('Kata sandi', { exact: false })).toBeTruthy();
  });

  it('goes back only to pages of the console', () => {
    expect(safeNext('/pendampingan/p1')).toBe('/pendampingan/p1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/masuk?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
