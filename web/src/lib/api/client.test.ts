import { afterEach, describe, expect, it, vi } from 'vitest';
import { serve } from '../../test/render';
import { api, endSession, renewSession, startSession } from './client';
import { unwrap } from './problem';
import { session } from './session';

const unauthenticated = { status: 401, body: { type: 'urn:bangkom:problem:unauthenticated', title: 'x', status: 401, detail: 'expired' } };
const me = { subject: 's', roles: ['employee'], tenant: null, employee: null };
const grant = (accessToken: string, expiresIn = 900, twoFactorSetupRequired = false) => ({
  accessToken,
  tokenType: 'Bearer',
  expiresIn,
  twoFactorSetupRequired,
  account: { id: 'acc_1', username: 'u', roles: ['employee'], tenant: 'kalianda', employeeId: 'emp_1' },
});
const begin = (accessToken: string, expiresIn = 600) =>
  startSession({ accessToken, expiresIn, twoFactorSetupRequired: false, secondFactorRequired: false });

afterEach(() => {
  endSession('signed-out');
  vi.useRealTimers();
});

describe('the API client and the session', () => {
  it('renews an expired access token through the refresh cookie once and repeats the call', async () => {
    begin('old-token');
    const requests = serve({
      'GET /api/v1/me': (r) => (r.headers.get('authorization') === 'Bearer new-token' ? { status: 200, body: me } : unauthenticated),
      'POST /api/v1/auth/refresh': { status: 200, body: grant('new-token') },
    });
    await expect(unwrap(api.GET('/api/v1/me'))).resolves.toEqual(me);
    expect(requests.map((r) => `${r.method} ${r.path} ${r.headers.get('authorization') ?? '-'}`)).toEqual([
      'GET /api/v1/me Bearer old-token',
      'POST /api/v1/auth/refresh -',
      'GET /api/v1/me Bearer new-token',
    ]);
    expect(session.token()).toBe('new-token');
  });

  it('ends the session as expired when the renewal fails too', async () => {
    begin('old-token');
    serve({ 'GET /api/v1/me': unauthenticated, 'POST /api/v1/auth/refresh': unauthenticated });
    await expect(unwrap(api.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(session.get()).toEqual({ status: 'signed-out', reason: 'expired' });
  });

  it('sends the access token to the own-account routes but never to the public sign-in routes', async () => {
    begin('a-token');
    const requests = serve({
      'POST /api/v1/auth/logout': { status: 204 },
      'POST /api/v1/auth/password': { status: 204 },
      'POST /api/v1/auth/two-factor/setup': { status: 200, body: { secret: 'S', otpauthUri: 'otpauth://totp/x' } },
    });
    await api.POST('/api/v1/auth/logout', { body: { everywhere: true } });
    await api.POST('/api/v1/auth/password', { body: { currentPassword: 'a', newPassword: 'b' } });
    await api.POST('/api/v1/auth/two-factor/setup');
    expect(requests.map((r) => `${r.path} ${r.headers.get('authorization') ?? '-'}`)).toEqual([
      '/api/v1/auth/logout -',
      '/api/v1/auth/password Bearer a-token',
      '/api/v1/auth/two-factor/setup Bearer a-token',
    ]);
    expect(requests[0]?.body).toEqual({ everywhere: true });
  });

  it('renews silently a minute before the token expires, and ends the session as expired when the renewal is refused', async () => {
    vi.useFakeTimers();
    let answer: { status: number; body?: unknown } = { status: 200, body: grant('second', 120) };
    const requests = serve({ 'POST /api/v1/auth/refresh': () => answer });
    begin('first', 120);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(requests).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(requests).toHaveLength(1);
    expect(session.token()).toBe('second');
    answer = unauthenticated;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(2);
    expect(session.get()).toEqual({ status: 'signed-out', reason: 'expired' });
  });

  it('keeps the session when the renewal cannot reach the server (the next answer 401 tries again)', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    begin('first', 120);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(session.token()).toBe('first');
  });

  it('knows a token that reaches only the two-factor set-up', async () => {
    serve({ 'POST /api/v1/auth/refresh': { status: 200, body: grant('limited', 900, true) } });
    await expect(renewSession()).resolves.toBe(true);
    expect(session.get()).toMatchObject({ status: 'signed-in', accessToken: 'limited', setupOnly: true });
  });
});
