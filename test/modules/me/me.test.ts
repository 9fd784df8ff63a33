import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { tokenFor } from '../../support/tokens';
import { createEmployee, orgIds, pnsNip } from '../employees/helpers';

describe('GET /api/v1/me', () => {
  it('shows an employee their tenant, roles and profile with unit, position and supervisor', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    const boss = (await createEmployee(t, { nip: pnsNip(1), name: 'dr. Budi Santoso, M.Kes.', positionId: ids.KADINKES, grade: 'IV/c' }))
      .body;
    const me = (
      await createEmployee(t, { nip: pnsNip(2, 2), unitId: ids['DINKES-YANKES'], supervisorId: boss.id, email: 'siti@example.go.id' })
    ).body;
    const token = await tokenFor('employee', { tenant: t.slug, employeeId: me.id, sub: 'siti' });

    const res = await api('GET', '/api/v1/me', { token });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      subject: 'siti',
      roles: ['employee'],
      tenant: { id: t.id, slug: t.slug, name: `Pemerintah Kabupaten Uji ${t.slug}` },
      employee: {
        id: me.id,
        nip: pnsNip(2, 2),
        name: 'Siti Rahayu, S.Kep., Ns.',
        grade: 'III/b',
        employmentType: 'pns',
        status: 'active',
        email: 'siti@example.go.id',
        gender: 'female',
        birthDate: '1970-01-01',
        unit: { id: ids['DINKES-YANKES'], code: 'DINKES-YANKES', name: 'Bidang Pelayanan Kesehatan' },
        position: { id: ids['ANALIS-KEBIJAKAN'], code: 'ANALIS-KEBIJAKAN', name: 'Analis Kebijakan Ahli Muda', category: 'fungsional' },
        supervisor: { id: boss.id, name: 'dr. Budi Santoso, M.Kes.' },
      },
    });
    expect(res.cost.queries).toBeLessThanOrEqual(3);

    const bossView = await api('GET', '/api/v1/me', { token: await tokenFor('employee', { tenant: t.slug, employeeId: boss.id }) });
    expect(bossView.body.employee).toMatchObject({
      id: boss.id,
      supervisor: null,
      position: { code: 'KADINKES', category: 'jpt_pratama' },
    });
  });

  it('shows a tenant admin without employee_id with no profile, and with one, theirs', async () => {
    const t = await createTenant();
    const res = await api('GET', '/api/v1/me', { token: t.adminToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      subject: `admin@${t.slug}`,
      roles: ['tenant_admin'],
      tenant: { id: t.id, slug: t.slug, name: `Pemerintah Kabupaten Uji ${t.slug}` },
      employee: null,
    });
    expect(res.cost.queries).toBe(0); // no profile to read; the directory entry is cached

    const e = (await createEmployee(t)).body;
    const withProfile = await api('GET', '/api/v1/me', { token: await tokenFor('tenant_admin', { tenant: t.slug, employeeId: e.id }) });
    expect(withProfile.body.employee).toMatchObject({ id: e.id, nip: e.nip });
  });

  it('shows the national admin with no tenant and no profile', async () => {
    const res = await api('GET', '/api/v1/me', { token: await tokenFor('national_admin', { sub: 'bkn' }) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ subject: 'bkn', roles: ['national_admin'], tenant: null, employee: null });
  });

  it('answers 404 for an employee_id that is not in the tenant, including one from another tenant', async () => {
    const t = await createTenant();
    expectProblem(await api('GET', '/api/v1/me', { token: t.employeeToken }), 404);
    const other = await createTenant();
    const stranger = (await createEmployee(other)).body;
    const crossed = await api('GET', '/api/v1/me', { token: await tokenFor('employee', { tenant: t.slug, employeeId: stranger.id }) });
    expectProblem(crossed, 404);
    expect(crossed.text).not.toContain(stranger.nip);
  });

  it('reads the dedicated database of a tenant that has one', async () => {
    const t = await createTenant({ database: 'DB_DEDICATED' });
    const e = (await createEmployee(t)).body;
    const res = await api('GET', '/api/v1/me', { token: await tokenFor('employee', { tenant: t.slug, employeeId: e.id }) });
    expect(res.status, res.text).toBe(200);
    expect(res.body.employee?.id).toBe(e.id);
  });

  it('needs a valid token', async () => {
    expectProblem(await api('GET', '/api/v1/me'), 401);
    expectProblem(await api('GET', '/api/v1/me', { token: 'a.b.c' }), 401);
    expectProblem(await api('POST', '/api/v1/me', { token: await tokenFor('national_admin') }), 405);
  });
});
