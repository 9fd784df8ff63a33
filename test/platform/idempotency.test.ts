import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { expireIdempotencyKeys, idempotencyWindowMs } from '../../src/platform/http/idempotency';
import { createEmployee } from '../modules/employees/helpers';
import { api, expectProblem } from '../support/api';
import { createTenant, manifestFor, uniqueSlug } from '../support/factories';
import { tokenFor } from '../support/tokens';

const unitsNamed = async (tenantId: string, code: string) =>
  (await env.DB.prepare('select count(*) as n from units where tenant_id = ? and code = ?').bind(tenantId, code).first<{ n: number }>())?.n;

describe('Idempotency-Key on creates', () => {
  it('replays the first response to a retry and creates nothing new', async () => {
    const t = await createTenant();
    const send = () =>
      api('POST', `/api/v1/tenants/${t.slug}/units`, {
        token: t.adminToken,
        body: { code: 'IDEM', name: 'Bagian Idempoten', kind: 'bagian' },
        headers: { 'idempotency-key': 'create-idem-1' },
      });
    const first = await send();
    expect(first.status).toBe(201);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await unitsNamed(t.id, 'IDEM')).toBe(1);
  });

  it('refuses the same key with a different request (422), and treats parallel retries as one', async () => {
    const t = await createTenant();
    const send = (name: string) =>
      api('POST', `/api/v1/tenants/${t.slug}/units`, {
        token: t.adminToken,
        body: { code: 'PAR', name, kind: 'bagian' },
        headers: { 'idempotency-key': 'parallel-1' },
      });
    const results = await Promise.all(Array.from({ length: 8 }, () => send('Bagian Paralel')));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(await unitsNamed(t.id, 'PAR')).toBe(1);
    expectProblem(await send('Bagian Lain'), 422);
  });

  it('keeps keys per caller and per tenant, and forgets them after the window', async () => {
    const t = await createTenant();
    const key = { 'idempotency-key': 'shared-key' };
    const a = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      body: { code: 'K1', name: 'Bagian K1', kind: 'bagian' },
      headers: key,
    });
    expect(a.status).toBe(201);
    const other = await createTenant();
    const b = await api('POST', `/api/v1/tenants/${other.slug}/units`, {
      token: other.adminToken,
      body: { code: 'K1', name: 'Bagian K1', kind: 'bagian' },
      headers: key,
    });
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBeNull();

    await expireIdempotencyKeys(env.DB, Date.now() + idempotencyWindowMs + 1000);
    const left = await env.DB.prepare('select count(*) as n from idempotency_keys where key = ?').bind('shared-key').first<{ n: number }>();
    expect(left?.n).toBe(0);
  });

  it('does not keep a failed attempt: a corrected retry with the same key runs', async () => {
    const t = await createTenant();
    const headers = { 'idempotency-key': 'after-failure' };
    const bad = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      body: { code: 'DINKES', name: 'Duplikat', kind: 'dinas' },
      headers,
    });
    expectProblem(bad, 409);
    const fixed = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      body: { code: 'DINKES', name: 'Duplikat', kind: 'dinas' },
      headers,
    });
    expectProblem(fixed, 409);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it('works on national routes too (onboarding)', async () => {
    const t = await createTenant();
    const body = manifestFor(uniqueSlug());
    const headers = { 'idempotency-key': 'onboard-key' };
    const first = await api('POST', '/api/v1/tenants', { token: t.nationalToken, body, headers });
    const again = await api('POST', '/api/v1/tenants', { token: t.nationalToken, body, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expectProblem(
      await api('POST', '/api/v1/tenants', { token: t.nationalToken, body, headers: { 'idempotency-key': 'x'.repeat(300) } }),
      400,
    );
  });

  it('scopes a key to its tenant, caller, method and route: a /me key of one tenant never answers another', async () => {
    const a = await createTenant();
    const b = await createTenant();
    const headers = { 'idempotency-key': 'same-key-everywhere' };
    const oneOf = async (t: typeof a) => {
      const employee = (await createEmployee(t)).body.id;
      return { employee, token: await tokenFor('employee', { tenant: t.slug, employeeId: employee, sub: 'shared-subject' }) };
    };
    const [inA, inB] = [await oneOf(a), await oneOf(b)];
    const body = { competency: 'INTEGRITAS', level: 3, date: '2026-02-01' };
    const first = await api('POST', '/api/v1/me/assessments', { token: inA.token, body, headers });
    expect(first.status, first.text).toBe(201);
    const second = await api('POST', '/api/v1/me/assessments', { token: inB.token, body, headers });
    expect(second.status, second.text).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.employeeId).toBe(inB.employee);
    const history = await api('GET', `/api/v1/tenants/${b.slug}/employees/${inB.employee}/assessments`, { token: b.adminToken });
    expect(history.body.items).toHaveLength(1);
    // The same key on another route of the same caller is another key, not a mismatch.
    const unit = await api('POST', `/api/v1/tenants/${a.slug}/units`, {
      token: a.adminToken,
      body: { code: 'RUTE1', name: 'Bagian Rute', kind: 'bagian' },
      headers,
    });
    const position = await api('POST', `/api/v1/tenants/${a.slug}/positions`, {
      token: a.adminToken,
      body: { code: 'RUTE1', name: 'Jabatan Rute', category: 'pelaksana' },
      headers,
    });
    expect([unit.status, position.status]).toEqual([201, 201]);
  });

  it('replays only to a caller the route authorizes: a read-only token or a role without the right gets 403', async () => {
    const t = await createTenant();
    const headers = { 'idempotency-key': 'authorized-replay' };
    const body = { code: 'AUTHZ', name: 'Bagian Otorisasi', kind: 'bagian' };
    const first = await api('POST', `/api/v1/tenants/${t.slug}/units`, { token: t.adminToken, body, headers });
    expect(first.status).toBe(201);
    const readOnly = await tokenFor('tenant_admin', { tenant: t.slug, sub: `admin@${t.slug}`, scope: 'read' });
    expectProblem(await api('POST', `/api/v1/tenants/${t.slug}/units`, { token: readOnly, body, headers }), 403);
    const employee = await tokenFor('employee', { tenant: t.slug, sub: `admin@${t.slug}` });
    expectProblem(await api('POST', `/api/v1/tenants/${t.slug}/units`, { token: employee, body, headers }), 403);
    expect(await unitsNamed(t.id, 'AUTHZ')).toBe(1);
  });
});
