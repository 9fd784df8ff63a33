/**
 * The demo accounts of `npm start`: one per demo role — the national admin, each region's admin,
 * an employee of the demo region — each activated through the API the way a person would (an
 * admin issues a one-time code, the account's holder chooses a password), here with a random
 * password. Every start issues new codes and new passwords, so it is safe to repeat; the list is
 * written to `.local/demo-accounts.json` (gitignored, mode 0600) and printed.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { repoRoot } from './dev-keys';
import { ApiError } from './onboarding';

export interface DemoAccount {
  tenant?: string;
  role: 'national_admin' | 'tenant_admin' | 'employee';
  username: string;
  password: string;
}

export interface DemoTarget {
  tenant?: string;
  role: DemoAccount['role'];
  /** The admin's email; an employee's account is named by their NIP. */
  email?: string;
  employeeId?: string;
}

async function call(url: string, path: string, token: string | undefined, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const parsed: unknown = await response.json();
  return { status: response.status, body: parsed };
}

async function accountId(url: string, token: string, target: DemoTarget): Promise<{ id: string; username: string } | undefined> {
  const base = target.tenant ? `/api/v1/tenants/${target.tenant}/accounts` : '/api/v1/national/accounts';
  const response = await fetch(new URL(`${base}?limit=500`, url), { headers: { authorization: `Bearer ${token}` } });
  const { items } = (await response.json()) as { items: { id: string; username: string; employeeId: string | null }[] };
  return items.find((a) => (target.email ? a.username === target.email : a.employeeId === target.employeeId));
}

/** A random password that passes the rules: 4 groups of 5 lowercase letters and digits. */
const randomPassword = () =>
  Array.from({ length: 4 }, () =>
    randomBytes(5)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x'),
  ).join('-');

/** Creates the account if needed, issues a code and activates it with a random password, as its holder would (also for the journeys). */
export async function activateAccount(url: string, adminToken: string, target: DemoTarget): Promise<DemoAccount> {
  const scope = target.tenant ? `/api/v1/tenants/${target.tenant}/accounts` : '/api/v1/national/accounts';
  if (target.email) {
    const created = await call(
      url,
      scope,
      adminToken,
      target.tenant ? { roles: ['tenant_admin'], email: target.email } : { email: target.email },
    );
    if (created.status !== 201 && created.status !== 409) throw new ApiError(created.status, created.body as ApiError['problem']);
  }
  const request = target.employeeId
    ? { employeeIds: [target.employeeId] }
    : { accountIds: [(await accountId(url, adminToken, target))?.id] };
  const issued = await call(url, `${scope}/activation-codes`, adminToken, request);
  if (issued.status !== 201) throw new ApiError(issued.status, issued.body as ApiError['problem']);
  const [item] = (issued.body as { items: { username: string; code: string }[] }).items;
  if (!item) throw new Error('no activation code was issued');
  const password = randomPassword();
  const activated = await call(url, '/api/v1/auth/activate', undefined, {
    ...(target.tenant ? { tenant: target.tenant } : {}),
    username: item.username,
    code: item.code,
    password,
  });
  if (activated.status !== 200) throw new ApiError(activated.status, activated.body as ApiError['problem']);
  return { ...(target.tenant ? { tenant: target.tenant } : {}), role: target.role, username: item.username, password };
}

/** Activates every target with a fresh random password, writes `.local/demo-accounts.json` and returns the list. */
export async function demoAccounts(url: string, tokens: (target: DemoTarget) => string, targets: DemoTarget[]): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const target of targets) accounts.push(await activateAccount(url, tokens(target), target));
  const file = new URL('.local/demo-accounts.json', repoRoot);
  await mkdir(new URL('.local/', repoRoot), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return accounts;
}
