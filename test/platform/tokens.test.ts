/** Token handling that is not forgery (that is test/security/token-forgery.test.ts). */
import { beforeAll, describe, expect, it } from 'vitest';
import { api, expectProblem } from '../support/api';
import { createTenant, type TestTenant } from '../support/factories';
import { tokenFor } from '../support/tokens';

let t: TestTenant;
beforeAll(async () => {
  t = await createTenant();
});

describe('tokens', () => {
  it('accepts a valid token, including one a little past exp (30 s tolerance)', async () => {
    expect((await api('GET', `/api/v1/tenants/${t.slug}`, { token: t.adminToken })).status).toBe(200);
    const justExpired = await tokenFor('tenant_admin', { tenant: t.slug, ttlSeconds: -10 });
    expect((await api('GET', `/api/v1/tenants/${t.slug}`, { token: justExpired })).status).toBe(200);
  });

  it('refuses a missing or non-Bearer Authorization header with 401 and WWW-Authenticate', async () => {
    const none = await api('GET', `/api/v1/tenants/${t.slug}`);
    expectProblem(none, 401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}`, { headers: { authorization: `Basic ${btoa('a:b')}` } }), 401);
  });

  it('lets a read-scoped token read but not write', async () => {
    const reader = await tokenFor('tenant_admin', { tenant: t.slug, scope: 'read' });
    expect((await api('GET', `/api/v1/tenants/${t.slug}/units`, { token: reader })).status).toBe(200);
    const write = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: reader,
      body: { code: 'X1', name: 'Bagian X', kind: 'bagian' },
    });
    expect(expectProblem(write, 403).detail).toMatch(/reading/);
  });
});
