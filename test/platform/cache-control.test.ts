/** Authenticated answers carry personal data: none may be kept by a shared or browser cache. */
import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { createTenant } from '../support/factories';

describe('Cache-Control', () => {
  it('is no-store on every authenticated answer, successes and problems alike', async () => {
    const t = await createTenant();
    const answers = [
      await api('GET', `/api/v1/tenants/${t.slug}/units`, { token: t.adminToken }),
      await api('GET', '/api/v1/me', { token: t.adminToken }),
      await api('GET', `/api/v1/tenants/${t.slug}/units/unt_nothing`, { token: t.adminToken }),
      await api('POST', `/api/v1/tenants/${t.slug}/units`, { token: t.adminToken, body: { code: '' } }),
      await api('GET', '/api/v1/national/summary', { token: t.nationalToken }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 404, 400, 200]);
    for (const res of answers) expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
