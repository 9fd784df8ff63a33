import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { createTenant } from '../support/factories';

describe('smoke', () => {
  it('serves health and onboards a tenant', async () => {
    const health = await api('GET', '/health');
    expect(health.status).toBe(200);
    const t = await createTenant();
    const res = await api('GET', `/api/v1/tenants/${t.slug}`, { token: t.adminToken });
    expect(res.status, res.text).toBe(200);
    expect(res.body.slug).toBe(t.slug);
  });
});
