import { describe, expect, it } from 'vitest';
import { serve } from '../../test/render';
import { api, startSession } from './client';
import { unwrap } from './problem';
import { secondsLeft, session } from './session';

const unauthenticated = { status: 401, body: { type: 'urn:bangkom:problem:unauthenticated', title: 'x', status: 401, detail: 'expired' } };
const me = { subject: 's', roles: ['employee'], tenant: null, employee: null };

describe('the API client and the session', () => {
  it('renews an expired access token through the refresh cookie once and repeats the call', async () => {
    startSession('old-token', 600);
    const requests = serve({
      'GET /api/v1/me': (r) => (r.headers.get('authorization') === 'Bearer new-token' ? { status: 200, body: me } : unauthenticated),
      'POST /api/v1/auth/refresh': { status: 200, body: { accessToken: 'new-token', tokenType: 'Bearer', expiresIn: 900 } },
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
    startSession('old-token', 600);
    serve({ 'GET /api/v1/me': unauthenticated, 'POST /api/v1/auth/refresh': unauthenticated });
    await expect(unwrap(api.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(session.get()).toEqual({ status: 'signed-out', reason: 'expired' });
  });

  it('never sends the access token to the sign-in endpoints', async () => {
    startSession('a-token', 600);
    const requests = serve({ 'POST /api/v1/auth/logout': { status: 200, body: { signedOut: true } } });
    await api.POST('/api/v1/auth/logout', { body: { everywhere: true } });
    expect(requests[0]?.headers.get('authorization')).toBeNull();
    expect(requests[0]?.body).toEqual({ everywhere: true });
  });

  it('reads how long a token has left without trusting it', () => {
    const payload = btoa(JSON.stringify({ exp: 1_000_100 })).replaceAll('=', '');
    expect(secondsLeft(`h.${payload}.s`, 1_000_000_000)).toBe(100);
    expect(secondsLeft('not-a-jwt')).toBe(0);
  });
});
