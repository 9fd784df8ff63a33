import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { endSession } from '../../lib/api/client';
import { session } from '../../lib/api/session';
import { personEnrollment } from '../../test/fixtures';
import { serve } from '../../test/render';
import { bootSession } from './boot';

const grant = (roles: string[], employeeId: string | null) => ({
  accessToken: 'boot-token',
  tokenType: 'Bearer',
  expiresIn: 900,
  twoFactorSetupRequired: false,
  secondFactorRequired: false,
  account: { id: 'acc_1', username: 'u', roles, tenant: 'kalianda', employeeId },
});
const enrollments = { items: [personEnrollment('enr_1', 'off_1', 'enrolled')], nextCursor: null };

afterEach(() => {
  endSession('signed-out');
  vi.useRealTimers();
});

async function boot(path: string, answer: { status: number; body?: unknown }) {
  const requests = serve({
    'POST /api/v1/auth/refresh': answer,
    'GET /api/v1/me/enrollments': { status: 200, body: enrollments },
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // The tenant's year is read on Jakarta's clock: a fixed day.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-06-15T03:00:00Z'));
  await bootSession(queryClient, path).settled;
  await vi.waitFor(() => expect(session.get().status).toBe(answer.status === 200 ? 'signed-in' : 'signed-out'));
  // Nothing follows: a read started later would be under way within a few ticks.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return requests.map((r) => `${r.method} ${r.path}`).sort();
}

describe('a page load', () => {
  it("starts an employee's Beranda reads with the caller's as soon as the session is renewed, before any screen asks", async () => {
    expect(await boot('/', { status: 200, body: grant(['employee'], 'emp_1') })).toEqual(
      [
        'POST /api/v1/auth/refresh',
        'GET /api/v1/me',
        'GET /api/v1/tenants/kalianda',
        'GET /api/v1/me/gaps',
        'GET /api/v1/me/jp?year=2026',
        'GET /api/v1/me/recommendations?limit=5',
        'GET /api/v1/me/enrollments?limit=20',
      ].sort(),
    );
    expect(session.token()).toBe('boot-token');
  });

  it('answers once the first reads have settled, so that the screen first renders with its data', async () => {
    const gaps = { items: [], assessedShare: 0 };
    serve({
      'POST /api/v1/auth/refresh': { status: 200, body: grant(['employee'], 'emp_1') },
      'GET /api/v1/me/gaps': { status: 200, body: gaps },
      'GET /api/v1/me/enrollments': { status: 200, body: { items: [], nextCursor: null } },
    });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await bootSession(queryClient, '/').settled;
    expect(queryClient.getQueryData(['me', 'gaps'])).toEqual(gaps);
    // An answer that failed has settled too: the screen shows its problem rather than waiting.
    expect(queryClient.getQueryState(['me'])?.status).toBe('error');
  });

  it('reads only the caller for another page or another role', async () => {
    expect(await boot('/tugas', { status: 200, body: grant(['employee'], 'emp_1') })).toEqual(
      ['POST /api/v1/auth/refresh', 'GET /api/v1/me', 'GET /api/v1/tenants/kalianda'].sort(),
    );
    endSession('signed-out');
    expect(await boot('/', { status: 200, body: grant(['tenant_admin'], null) })).toEqual(
      ['POST /api/v1/auth/refresh', 'GET /api/v1/me', 'GET /api/v1/tenants/kalianda'].sort(),
    );
  });

  it('reads nothing without a session', async () => {
    const unauthenticated = { type: 'urn:bangkom:problem:unauthenticated', title: 'x', status: 401, detail: 'no cookie' };
    expect(await boot('/', { status: 401, body: unauthenticated })).toEqual(['POST /api/v1/auth/refresh']);
    expect(session.get()).toEqual({ status: 'signed-out', reason: 'none' });
  });
});
