import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { createEmployee, orgIds, pnsNip } from './helpers';

describe('registering an employee', () => {
  it('creates a PNS with gender and birth date read from the NIP, and audits it', async () => {
    const t = await createTenant();
    const ids = await orgIds(t);
    const res = await createEmployee(t, { nip: '19870212 201001 2 001', grade: 'iii/B', email: 'siti@dinkes.go.id' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      nip: '198702122010012001',
      name: 'Siti Rahayu, S.Kep., Ns.',
      unitId: ids.DINKES,
      positionId: ids['ANALIS-KEBIJAKAN'],
      grade: 'III/b',
      employmentType: 'pns',
      supervisorId: null,
      gender: 'female',
      birthDate: '1987-02-12',
      email: 'siti@dinkes.go.id',
      status: 'active',
      version: 1,
    });
    expect(res.body.id).toMatch(/^emp_[0-9a-z]{16}$/);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.headers.get('location')).toBe(`/api/v1/tenants/${t.slug}/employees/${res.body.id}`);

    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?entity=employee&entityId=${res.body.id}`, { token: t.adminToken });
    expect(audit.body.items).toMatchObject([
      { action: 'employee.create', entity: 'employee', entityId: res.body.id, actor: `admin@${t.slug}` },
    ]);
  });

  it('creates a PPPK with no gender or birth date', async () => {
    const t = await createTenant();
    const res = await createEmployee(t, { nip: '199001012021211001', employmentType: 'pppk', grade: '9' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ employmentType: 'pppk', grade: 'IX', gender: null, birthDate: null });
  });

  it('refuses a bad NIP and a grade of the wrong type, naming each', async () => {
    const t = await createTenant();
    const res = await createEmployee(t, { nip: '198702312010012000', grade: 'IX' });
    expect(expectProblem(res, 400).errors).toEqual([
      { path: 'body.nip', message: 'birth date 1987-02-31 is not a real date' },
      { path: 'body.nip', message: 'sequence 000 is not valid (001–999)' },
      { path: 'body.grade', message: 'grade IX is a PPPK grade; a PNS golongan is I/a … IV/e' },
    ]);
  });

  it('refuses malformed bodies with 400', async () => {
    const t = await createTenant();
    expectProblem(await api('POST', `/api/v1/tenants/${t.slug}/employees`, { token: t.adminToken, body: {} }), 400);
    expectProblem(await createEmployee(t, { name: 'X' }), 400);
    expectProblem(await createEmployee(t, { name: '=HYPERLINK("x")' }), 400);
    expectProblem(await createEmployee(t, { email: 'not-an-email' }), 400);
    expectProblem(await createEmployee(t, { employmentType: 'honorer' }), 400);
    expectProblem(await createEmployee(t, { extra: 1 }), 400);
  });

  it('answers 409 for a NIP already in the tenant, and 422 for unknown references', async () => {
    const t = await createTenant();
    expect((await createEmployee(t, { nip: pnsNip(7) })).status).toBe(201);
    const taken = await createEmployee(t, { nip: pnsNip(7) });
    expect(expectProblem(taken, 409).detail).toContain(pnsNip(7));
    const unknown = await createEmployee(t, { unitId: 'unt_nope', positionId: 'pos_nope', supervisorId: 'emp_nope' });
    expect(expectProblem(unknown, 422).errors?.map((e) => e.path)).toEqual(['body.unitId', 'body.positionId', 'body.supervisorId']);
  });

  it('replays a create retried with the same Idempotency-Key, creating nothing new', async () => {
    const t = await createTenant();
    const first = await createEmployee(t, { nip: pnsNip(3) }, { 'idempotency-key': 'create-3' });
    const again = await createEmployee(t, { nip: pnsNip(3) }, { 'idempotency-key': 'create-3' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const list = await api('GET', `/api/v1/tenants/${t.slug}/employees`, { token: t.adminToken });
    expect(list.body.items).toHaveLength(1);
  });
});

describe('changing an employee', () => {
  it('needs If-Match, refuses a stale one with 412 and applies a current one', async () => {
    const t = await createTenant();
    const { body: e } = await createEmployee(t);
    const path = `/api/v1/tenants/${t.slug}/employees/${e.id}` as const;
    expectProblem(await api('PATCH', path, { token: t.adminToken, body: { grade: 'III/c' } }), 428);

    const ok = await api('PATCH', path, { token: t.adminToken, body: { grade: 'III/c' }, headers: { 'if-match': '"v1"' } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ grade: 'III/c', version: 2 });
    expect(ok.headers.get('etag')).toBe('"v2"');

    const stale = await api('PATCH', path, { token: t.adminToken, body: { name: 'Lain' }, headers: { 'if-match': '"v1"' } });
    expectProblem(stale, 412);
    expect((await api('GET', path, { token: t.adminToken })).body).toMatchObject({ name: e.name, version: 2 });

    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?entityId=${e.id}`, { token: t.adminToken });
    expect(audit.body.items.map((a) => a.action)).toEqual(['employee.update', 'employee.create']);
  });

  it('re-derives gender and birth date when the NIP changes, and checks the pair with the type', async () => {
    const t = await createTenant();
    const { body: e } = await createEmployee(t);
    const path = `/api/v1/tenants/${t.slug}/employees/${e.id}` as const;
    const res = await api('PATCH', path, { token: t.adminToken, body: { nip: '199112312015031001' }, headers: { 'if-match': '"v1"' } });
    expect(res.body).toMatchObject({ gender: 'male', birthDate: '1991-12-31', version: 2 });

    const mismatch = await api('PATCH', path, { token: t.adminToken, body: { employmentType: 'pppk' }, headers: { 'if-match': '"v2"' } });
    expect(expectProblem(mismatch, 400).errors).toEqual([
      { path: 'body.grade', message: 'grade III/b is a PNS golongan; PPPK grades are I … XVII' },
    ]);

    const toPppk = await api('PATCH', path, {
      token: t.adminToken,
      body: { employmentType: 'pppk', grade: 'X' },
      headers: { 'if-match': '"v2"' },
    });
    expect(toPppk.body).toMatchObject({ employmentType: 'pppk', grade: 'X', gender: null, birthDate: null, version: 3 });
  });

  it('writes nothing for a change that changes nothing', async () => {
    const t = await createTenant();
    const { body: e } = await createEmployee(t);
    const res = await api('PATCH', `/api/v1/tenants/${t.slug}/employees/${e.id}`, {
      token: t.adminToken,
      body: { name: e.name, grade: e.grade },
      headers: { 'if-match': '"v1"' },
    });
    expect(res.body.version).toBe(1);
    expect(res.cost.rowsWritten).toBe(0);
  });

  it('refuses a supervisor loop: self, A→B→A and A→B→C→A', async () => {
    const t = await createTenant();
    const a = (await createEmployee(t)).body;
    const b = (await createEmployee(t, { supervisorId: a.id })).body;
    const c = (await createEmployee(t, { supervisorId: b.id })).body;
    const patch = (id: string, supervisorId: string) =>
      api('PATCH', `/api/v1/tenants/${t.slug}/employees/${id}`, {
        token: t.adminToken,
        body: { supervisorId },
        headers: { 'if-match': '"v1"' },
      });

    const self = await patch(a.id, a.id);
    expect(expectProblem(self, 422).errors).toEqual([{ path: 'body.supervisorId', message: 'an employee cannot supervise themselves' }]);
    const twoStep = await patch(a.id, b.id);
    expect(expectProblem(twoStep, 422).errors?.[0]?.message).toMatch(/loop/);
    expectProblem(await patch(a.id, c.id), 422);

    const fine = await patch(c.id, a.id);
    expect(fine.status, fine.text).toBe(200);
    expect(fine.body.supervisorId).toBe(a.id);
  });

  it('answers 409 when the new NIP belongs to someone else', async () => {
    const t = await createTenant();
    await createEmployee(t, { nip: pnsNip(10) });
    const { body: e } = await createEmployee(t, { nip: pnsNip(11) });
    const res = await api('PATCH', `/api/v1/tenants/${t.slug}/employees/${e.id}`, {
      token: t.adminToken,
      body: { nip: pnsNip(10) },
      headers: { 'if-match': '"v1"' },
    });
    expectProblem(res, 409);
  });

  it('deactivates without deleting, keeps the history, and can reactivate', async () => {
    const t = await createTenant();
    const { body: e } = await createEmployee(t);
    const path = `/api/v1/tenants/${t.slug}/employees/${e.id}` as const;
    expectProblem(await api('POST', `${path}/deactivate`, { token: t.adminToken }), 428);
    const off = await api('POST', `${path}/deactivate`, { token: t.adminToken, headers: { 'if-match': '"v1"' } });
    expect(off.status, off.text).toBe(200);
    expect(off.body).toMatchObject({ status: 'inactive', version: 2 });
    expect((await api('GET', path, { token: t.adminToken })).body.status).toBe('inactive');
    expect(await api('DELETE', path, { token: t.adminToken })).toMatchObject({ status: 405 });

    const inactive = await api('GET', `/api/v1/tenants/${t.slug}/employees?status=inactive`, { token: t.adminToken });
    expect(inactive.body.items.map((x) => x.id)).toEqual([e.id]);
    const on = await api('PATCH', path, { token: t.adminToken, body: { status: 'active' }, headers: { 'if-match': '"v2"' } });
    expect(on.body).toMatchObject({ status: 'active', version: 3 });

    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?entityId=${e.id}`, { token: t.adminToken });
    expect(audit.body.items.map((a) => a.action)).toEqual(['employee.update', 'employee.deactivate', 'employee.create']);
  });

  it('answers 404 for an unknown id on every item route', async () => {
    const t = await createTenant();
    const path = `/api/v1/tenants/${t.slug}/employees/emp_unknown` as const;
    expectProblem(await api('GET', path, { token: t.adminToken }), 404);
    expectProblem(await api('PATCH', path, { token: t.adminToken, body: { name: 'Nama Baru' }, headers: { 'if-match': '"v1"' } }), 404);
    expectProblem(await api('POST', `${path}/deactivate`, { token: t.adminToken, headers: { 'if-match': '"v1"' } }), 404);
  });
});
