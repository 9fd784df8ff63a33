/** Activation codes, the admins' accounts API, national accounts, and the password rules. */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCommonPassword } from '../../../src/modules/accounts/common-passwords';
import { hashPassword, productionScheme, runsOf, verifyPassword } from '../../../src/modules/accounts/passwords';
import {
  activatedEmployee,
  first,
  freshAddress,
  issuedCodes,
  login,
  nextNip,
  refreshCookieOf,
  strongPassword,
} from '../../support/accounts';
import { api, expectProblem } from '../../support/api';
import { createTenant, type TestTenant } from '../../support/factories';

let t: TestTenant;
let unitId: string;
let positionId: string;

beforeAll(async () => {
  t = await createTenant();
  unitId = first((await api('GET', `/api/v1/tenants/${t.slug}/units?limit=1`, { token: t.adminToken })).body.items).id;
  positionId = first((await api('GET', `/api/v1/tenants/${t.slug}/positions?limit=1`, { token: t.adminToken })).body.items).id;
});

async function employee(unit = unitId): Promise<{ id: string; nip: string }> {
  const res = await api('POST', `/api/v1/tenants/${t.slug}/employees`, {
    token: t.adminToken,
    body: { nip: nextNip(), name: 'Pegawai Kode', unitId: unit, positionId, grade: 'II/c', employmentType: 'pns' },
  });
  return { id: res.body.id, nip: res.body.nip };
}

const codesFor = (body: Record<string, unknown>, tenant = t) =>
  api('POST', `/api/v1/tenants/${tenant.slug}/accounts/activation-codes`, { token: tenant.adminToken, body });
const activate = (body: Record<string, unknown>) =>
  api('POST', '/api/v1/auth/activate', { body, headers: { 'cf-connecting-ip': freshAddress() } });

describe('activation codes', () => {
  it('activate once: the code signs the person in with their own password, then never works again', async () => {
    const e = await employee();
    const item = first(issuedCodes(await codesFor({ employeeIds: [e.id] })));
    expect(item).toMatchObject({ username: e.nip, name: 'Pegawai Kode' });
    expect(item.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const password = strongPassword();
    const activated = await activate({ tenant: t.slug, username: e.nip, code: item.code.toLowerCase(), password });
    expect(activated.status).toBe(200);
    expect(refreshCookieOf(activated)).toBeDefined();
    expectProblem(await activate({ tenant: t.slug, username: e.nip, code: item.code, password: strongPassword() }), 401);
    expect((await login({ tenant: t.slug, username: e.nip, password })).status).toBe(200);
    const stored = await env.DB.prepare('select code_hash from activation_codes where account_id = ?')
      .bind(item.accountId)
      .first<{ code_hash: string }>();
    expect(stored?.code_hash).not.toContain(item.code);
  });

  it('refuses an expired code, a superseded code, and another person’s code, alike', async () => {
    const [a, b] = [await employee(), await employee()];
    const old = first(issuedCodes(await codesFor({ employeeIds: [a.id] })));
    const current = first(issuedCodes(await codesFor({ employeeIds: [a.id] })));
    const others = first(issuedCodes(await codesFor({ employeeIds: [b.id] })));
    const refusals = [
      await activate({ tenant: t.slug, username: a.nip, code: old.code, password: strongPassword() }),
      await activate({ tenant: t.slug, username: a.nip, code: others.code, password: strongPassword() }),
    ];
    await env.DB.prepare('update activation_codes set expires_at = ? where account_id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), current.accountId)
      .run();
    refusals.push(await activate({ tenant: t.slug, username: a.nip, code: current.code, password: strongPassword() }));
    const details = refusals.map((res) => expectProblem(res, 401).detail);
    expect(new Set(details).size).toBe(1);
  });

  it('refuses a weak password without using up the code', async () => {
    const e = await employee();
    const { code } = first(issuedCodes(await codesFor({ employeeIds: [e.id] })));
    for (const password of ['short', 'Password2024!', 'P@ssw0rd12345', '123456789012', `${e.nip}abc`, 'qwertyuiop12']) {
      const problem = expectProblem(await activate({ tenant: t.slug, username: e.nip, code, password }), 400);
      expect(problem.errors?.[0]?.path).toBe('body.password');
    }
    expect((await activate({ tenant: t.slug, username: e.nip, code, password: strongPassword() })).status).toBe(200);
  });

  it('a new code resets a forgotten password and ends the old sessions', async () => {
    const p = await activatedEmployee(t);
    const { code } = first(issuedCodes(await codesFor({ accountIds: [p.accountId] })));
    const password = strongPassword();
    expect((await activate({ tenant: t.slug, username: p.username, code, password })).status).toBe(200);
    expectProblem(
      await api('POST', '/api/v1/auth/refresh', { headers: { cookie: `bangkom_refresh=${encodeURIComponent(p.refreshToken)}` } }),
      401,
    );
    expectProblem(await login({ tenant: t.slug, username: p.username, password: p.password }), 401);
    const audit = await api('GET', `/api/v1/tenants/${t.slug}/audit?entityId=${p.accountId}&action=account.reset`, { token: t.adminToken });
    expect(audit.body.items).toHaveLength(1);
  });

  it('issues a printable sheet for everyone active in a unit, as CSV', async () => {
    const unit = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      body: { code: 'BAG-KODE', name: 'Bagian Kode', kind: 'bagian' },
    });
    const people = [await employee(unit.body.id), await employee(unit.body.id)];
    const res = await api('POST', `/api/v1/tenants/${t.slug}/accounts/activation-codes?format=csv`, {
      token: t.adminToken,
      body: { unitId: unit.body.id },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = res.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('username,name,unit,code,expires_at');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(people.map((p) => p.nip).sort());
    expect(lines[1]).toContain('Bagian Kode');
  });

  it('answers bad requests clearly and writes nothing', async () => {
    expectProblem(await codesFor({}), 422);
    expectProblem(await codesFor({ employeeIds: ['emp_nobody'] }), 422);
    expectProblem(await codesFor({ expiresInDays: 90, employeeIds: ['x'] }), 400);
    expectProblem(await activate({ tenant: t.slug, username: '', code: 'x', password: 'y' }), 400);
  });
});

describe('the accounts API', () => {
  it('lists accounts with their status: never activated, active, locked, disabled', async () => {
    const fresh = await employee();
    await codesFor({ employeeIds: [fresh.id] });
    const active = await activatedEmployee(t);
    const disabled = await activatedEmployee(t);
    await api('POST', `/api/v1/tenants/${t.slug}/accounts/${disabled.accountId}/disable`, { token: t.adminToken });
    const all = await api('GET', `/api/v1/tenants/${t.slug}/accounts?limit=500`, { token: t.adminToken });
    const status = (username: string) => all.body.items.find((a: { username: string }) => a.username === username)?.status;
    expect([status(fresh.nip), status(active.username), status(disabled.username)]).toEqual(['never_activated', 'active', 'disabled']);
    const onlyDisabled = await api('GET', `/api/v1/tenants/${t.slug}/accounts?status=disabled`, { token: t.adminToken });
    expect(onlyDisabled.body.items.every((a: { status: string }) => a.status === 'disabled')).toBe(true);
    expect(all.body.items[0]).not.toHaveProperty('passwordHash');
  });

  it('finds accounts by a NIP prefix or part of a name (the employee’s or the user name), and shows the employee’s name', async () => {
    // Letters, fixed: a tag of digits only would be searched as a NIP prefix instead of a name.
    const tag = 'qzvx';
    const named = async (name: string) => {
      const res = await api('POST', `/api/v1/tenants/${t.slug}/employees`, {
        token: t.adminToken,
        body: { nip: nextNip(), name, unitId, positionId, grade: 'II/c', employmentType: 'pns' },
      });
      expect(res.status, res.text).toBe(201);
      return { id: res.body.id, nip: res.body.nip };
    };
    const siti = await named(`Siti Cari${tag}`);
    const budi = await named(`Budi Lain${tag}`);
    await codesFor({ employeeIds: [siti.id, budi.id] });
    const email = `cari${tag}@bkd.example.go.id`;
    expect(
      (await api('POST', `/api/v1/tenants/${t.slug}/accounts`, { token: t.adminToken, body: { roles: ['tenant_admin'], email } })).status,
    ).toBe(201);
    const search = async (q: string) =>
      (await api('GET', `/api/v1/tenants/${t.slug}/accounts?limit=500&q=${encodeURIComponent(q)}`, { token: t.adminToken })).body.items.map(
        (a: { username: string }) => a.username,
      );
    // Part of a name, whatever its case: the employee's name, or the admin's user name.
    expect(await search(`cari${tag.toUpperCase()}`)).toEqual([siti.nip, email].sort());
    expect(await search(`lain${tag}`)).toEqual([budi.nip]);
    // Digits: a NIP prefix (the whole NIP, and its first 17 digits, which the other one need not share).
    expect(await search(siti.nip)).toEqual([siti.nip]);
    expect(await search(siti.nip.slice(0, 17))).toContain(siti.nip);
    expect(await search('0')).toEqual([]);
    // With the status filter, and the employee's name in the answer (none for an admin).
    const listed = await api('GET', `/api/v1/tenants/${t.slug}/accounts?status=never_activated&q=${tag}`, { token: t.adminToken });
    expect(listed.body.items.map((a: { username: string; name: string | null }) => [a.username, a.name])).toEqual(
      [
        [siti.nip, `Siti Cari${tag}`],
        [budi.nip, `Budi Lain${tag}`],
        [email, null],
      ].sort((a, b) => (a[0] as string).localeCompare(b[0] as string)),
    );
    // Another region's people are never found.
    const other = await createTenant();
    expect((await api('GET', `/api/v1/tenants/${other.slug}/accounts?q=${tag}`, { token: other.adminToken })).body.items).toEqual([]);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/accounts?q=`, { token: t.adminToken }), 400);
    expectProblem(await api('GET', `/api/v1/tenants/${t.slug}/accounts?q=${'x'.repeat(101)}`, { token: t.adminToken }), 400);
  });

  it('keeps the sign-in settings versioned: If-Match required, a stale save refused and unrecorded', async () => {
    const s = await createTenant();
    const url = `/api/v1/tenants/${s.slug}/sign-in-settings` as const;
    const read = await api('GET', url, { token: s.adminToken });
    expect(read.body).toEqual({ requireAdminTotp: false, sso: null, version: 0 });
    expect(read.headers.get('etag')).toBe('"v0"');
    const body = { requireAdminTotp: true, sso: null };
    expectProblem(await api('PUT', url, { token: s.adminToken, body }), 428);
    const saved = await api('PUT', url, { token: s.adminToken, body, headers: { 'if-match': '"v0"' } });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ requireAdminTotp: true, version: 1 });
    expect(saved.headers.get('etag')).toBe('"v1"');
    // A second admin who read version 0 does not overwrite it, and leaves no audit entry.
    expectProblem(
      await api('PUT', url, { token: s.adminToken, body: { requireAdminTotp: false, sso: null }, headers: { 'if-match': '"v0"' } }),
      412,
    );
    const again = await api('PUT', url, {
      token: s.adminToken,
      body: { requireAdminTotp: false, sso: null },
      headers: { 'if-match': '"v1"' },
    });
    expect(again.body).toMatchObject({ requireAdminTotp: false, version: 2 });
    expectProblem(
      await api('PUT', url, { token: s.adminToken, body: { requireAdminTotp: true, sso: null }, headers: { 'if-match': '"v1"' } }),
      412,
    );
    expect((await api('GET', url, { token: s.adminToken })).body).toEqual({ requireAdminTotp: false, sso: null, version: 2 });
    const audit = await api('GET', `/api/v1/tenants/${s.slug}/audit?action=sign_in_settings.update`, { token: s.adminToken });
    expect(audit.body.items).toHaveLength(2);
  });

  it('creates an admin account by email, activated with a code; names are unique', async () => {
    const email = `Admin.${crypto.randomUUID().slice(0, 6)}@bkd.example.go.id`;
    const created = await api('POST', `/api/v1/tenants/${t.slug}/accounts`, {
      token: t.adminToken,
      body: { roles: ['tenant_admin'], email },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: email.toLowerCase(), roles: ['tenant_admin'], status: 'never_activated' });
    expectProblem(
      await api('POST', `/api/v1/tenants/${t.slug}/accounts`, { token: t.adminToken, body: { roles: ['tenant_admin'], email } }),
      409,
    );
    expectProblem(await api('POST', `/api/v1/tenants/${t.slug}/accounts`, { token: t.adminToken, body: { roles: ['employee'] } }), 400);
    const { code } = first(issuedCodes(await codesFor({ accountIds: [created.body.id] })));
    const password = strongPassword();
    const signedIn = await activate({ tenant: t.slug, username: email, code, password });
    expect(signedIn.body.account.roles).toEqual(['tenant_admin']);
    expect((await api('GET', `/api/v1/tenants/${t.slug}/accounts`, { token: signedIn.body.accessToken })).status).toBe(200);
    const self = await api('POST', `/api/v1/tenants/${t.slug}/accounts/${created.body.id}/disable`, { token: signedIn.body.accessToken });
    expectProblem(self, 409);
  });

  it("keeps regions apart: another region's account is a 404", async () => {
    const other = await createTenant();
    const p = await activatedEmployee(t);
    for (const action of ['disable', 'enable', 'reset-two-factor']) {
      expectProblem(await api('POST', `/api/v1/tenants/${other.slug}/accounts/${p.accountId}/${action}`, { token: other.adminToken }), 404);
    }
    expectProblem(await codesFor({ accountIds: [p.accountId] }, other), 422);
    const listed = await api('GET', `/api/v1/tenants/${other.slug}/accounts`, { token: other.adminToken });
    expect(listed.body.items).toEqual([]);
    expectProblem(await login({ tenant: other.slug, username: p.username, password: p.password }), 401);
  });
});

describe('national accounts', () => {
  it('are created and activated by the national admin, and sign in without a region', async () => {
    const email = `analis.${crypto.randomUUID().slice(0, 6)}@kemendagri.example.go.id`;
    const created = await api('POST', '/api/v1/national/accounts', { token: t.nationalToken, body: { email } });
    expect(created.status).toBe(201);
    const issued = await api('POST', '/api/v1/national/accounts/activation-codes', {
      token: t.nationalToken,
      body: { accountIds: [created.body.id] },
    });
    const password = strongPassword();
    const signedIn = await activate({ username: email, code: first(issuedCodes(issued)).code, password });
    expect(signedIn.body.account).toMatchObject({ roles: ['national_admin'], tenant: null });
    const me = await api('GET', '/api/v1/me', { token: signedIn.body.accessToken });
    expect(me.body).toMatchObject({ subject: created.body.id, roles: ['national_admin'], tenant: null });
    expect((await login({ username: email, password })).status).toBe(200);
    // A national account is not a region's: naming a region finds nothing.
    expectProblem(await login({ tenant: t.slug, username: email, password }), 401);
    const listed = await api('GET', '/api/v1/national/accounts?limit=500', { token: t.nationalToken });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(created.body.id);
  });
});

describe('passwords', () => {
  it('hashes with PBKDF2-HMAC-SHA512 at the production 210,000 iterations, in runs the runtime accepts, and verifies', async () => {
    expect(runsOf(productionScheme.iterations)).toEqual([70_000, 70_000, 70_000]);
    expect(runsOf(200_001)).toEqual([66_667, 66_667, 66_667]);
    expect(runsOf(1000)).toEqual([1000]);
    // Cloudflare's runtime refuses one run above 100,000 (local workerd does not check): no run may be longer.
    for (const n of [1, 99_999, 100_000, 100_001, 210_000, 1_000_000]) {
      const runs = runsOf(n);
      expect(runs.reduce((sum, run) => sum + run, 0)).toBe(n);
      expect(Math.max(...runs)).toBeLessThanOrEqual(100_000);
    }
    const started = performance.now();
    const stored = await hashPassword('kuda-lari-di-sawah-77', productionScheme);
    const ms = performance.now() - started;
    expect(stored).toMatch(/^pbkdf2-sha512\$210000\$[\w-]{22}\$[\w-]{86}$/);
    expect(await verifyPassword('kuda-lari-di-sawah-77', stored, productionScheme)).toBe(true);
    expect(await verifyPassword('kuda-lari-di-sawah-78', stored, productionScheme)).toBe(false);
    // Another salt, another hash; the same password and salt, the same one.
    expect(await hashPassword('kuda-lari-di-sawah-77', productionScheme)).not.toBe(stored);
    console.info(`PBKDF2-HMAC-SHA512 210,000 iterations: one hash ${ms.toFixed(0)} ms in workerd`);
  });

  it('knows common passwords under their decoration, and lets passphrases through', () => {
    for (const p of [
      'Password2024!',
      'P@ssw0rd',
      'iloveyou123456',
      'Bismillah2025',
      'indonesia1945',
      'aaaaaaaaaaaa',
      'abcdefghijkl',
      '12345678901234',
      'Qwerty123456',
    ]) {
      expect(isCommonPassword(p), p).toBe(true);
    }
    for (const p of ['kuda merah makan rumput', 'Tr0ub4dor&3-Lamp', 'gunung-salak-berkabut-pagi'])
      expect(isCommonPassword(p), p).toBe(false);
  });
});
