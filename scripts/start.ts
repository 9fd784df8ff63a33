/**
 * `npm start`: the local server, ready to use. Dev keys, the console's build, local D1 migrations,
 * `wrangler dev`, the demo tenants onboarded and loaded through the API, then a banner with the
 * demo accounts to sign in to the console with, and dev tokens for the API.
 * Every step is safe to repeat on every start; it never touches anything but local state.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { ManifestInput } from '../src/modules/tenants/manifest';
import { buildAssets } from './build-assets';
import { buildConsole } from './build-console';
import { demoLoaders } from './demo';
import { type DemoTarget, demoAccounts } from './lib/demo-accounts';
import { ensureDevKeys, mintToken, repoRoot } from './lib/dev-keys';
import { ApiError, describeOnboarding, onboardManifest } from './lib/onboarding';
import { applyLocalMigrations, startDevServer, waitForHealth } from './lib/wrangler';

/** BANGKOM_PORT picks another port when 8787 is taken (several checkouts on one machine). */
const port = Number(process.env.BANGKOM_PORT ?? 8787);
const url = `http://127.0.0.1:${port}`;
const databases = ['DB', 'DB_DEDICATED'];
const demoTenant = 'kalianda';
const ttl = '8h';

function portIsFree(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function readManifests(): Promise<ManifestInput[]> {
  const dir = new URL('tenants/', repoRoot);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(files.map(async (f) => JSON.parse(await readFile(new URL(f, dir), 'utf8')) as ManifestInput));
}

/** An employee to mint the demo employee token for, if the tenant has an employee registry yet. */
async function firstEmployeeId(slug: string, adminToken: string): Promise<string | undefined> {
  try {
    const res = await fetch(`${url}/api/v1/tenants/${slug}/employees?limit=1`, { headers: { authorization: `Bearer ${adminToken}` } });
    if (res.status !== 200) return undefined;
    const body = (await res.json()) as { items?: { id?: string }[] };
    return body.items?.[0]?.id;
  } catch {
    return undefined;
  }
}

async function setUp(): Promise<string[]> {
  const nationalToken = await mintToken({ role: 'national_admin', ttl });
  const adminTokens = new Map<string, string>();
  for (const manifest of await readManifests()) {
    const result = await onboardManifest(url, nationalToken, manifest);
    console.log(`  onboarded ${describeOnboarding(result)}`);
    adminTokens.set(result.tenant.slug, await mintToken({ role: 'tenant_admin', tenant: result.tenant.slug, ttl }));
  }
  for (const [slug, adminToken] of adminTokens) {
    for (const loader of demoLoaders) {
      console.log(`  ${slug} ${loader.name}: ${await loader.load({ url, slug, adminToken, nationalToken })}`);
    }
  }

  const targets: DemoTarget[] = [{ role: 'national_admin', email: 'nasional@bangkom.local' }];
  for (const slug of adminTokens.keys()) targets.push({ tenant: slug, role: 'tenant_admin', email: `admin@${slug}.bangkom.local` });
  const demoAdminToken = adminTokens.get(demoTenant);
  const demoEmployee = demoAdminToken && (await firstEmployeeId(demoTenant, demoAdminToken));
  if (demoEmployee) targets.push({ tenant: demoTenant, role: 'employee', employeeId: demoEmployee });
  const accounts = await demoAccounts(url, (t) => (t.tenant ? (adminTokens.get(t.tenant) as string) : nationalToken), targets);

  const lines = [`  national_admin\n    ${nationalToken}`];
  for (const [slug, token] of adminTokens) lines.push(`  tenant_admin ${slug}\n    ${token}`);
  const demoAdmin = adminTokens.get(demoTenant);
  if (demoEmployee) {
    const token = await mintToken({ role: 'employee', tenant: demoTenant, employeeId: demoEmployee, ttl });
    lines.push(`  employee ${demoTenant} (${demoEmployee})\n    ${token}`);
  } else {
    lines.push(`  employee ${demoTenant}: none, the employee registry is empty`);
  }
  const signIn = accounts.find((a) => a.tenant === demoTenant && a.role === 'tenant_admin') ?? accounts[0];
  return [
    '',
    `Bangkom is running on ${url}`,
    `  Console        ${url}/  (sign in with a demo account below: region, user name, password)`,
    `  API reference  ${url}/api/v1/reference`,
    '',
    'Demo accounts (random passwords, new on every start; also in .local/demo-accounts.json):',
    ...accounts.map((a) => `  ${a.role.padEnd(15)} ${(a.tenant ?? '(national)').padEnd(10)} ${a.username.padEnd(34)} ${a.password}`),
    '',
    'Sign in:',
    `  curl -s -X POST ${url}/api/v1/auth/login -H 'content-type: application/json' \\`,
    `    -d '${JSON.stringify({ ...(signIn?.tenant ? { tenant: signIn.tenant } : {}), username: signIn?.username, password: signIn?.password })}'`,
    '',
    `Dev tokens (valid ${ttl}; mint more with \`npm run token -- --role … --tenant …\`):`,
    ...lines,
    '',
    'Try it:',
    `  TOKEN=${demoAdmin ?? nationalToken}`,
    `  curl -H "Authorization: Bearer $TOKEN" ${url}/api/v1/tenants/${demoTenant}`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ];
}

async function main(): Promise<number> {
  await ensureDevKeys();
  if (!(await portIsFree())) {
    console.error(
      `Port ${port} on 127.0.0.1 is already in use: is another \`npm start\` or \`wrangler dev\` running? Stop it and try again.`,
    );
    return 1;
  }
  for (const line of buildAssets()) console.log(`Static assets: ${line}`);
  console.log(`Console built in ${await buildConsole('development')} s`);
  console.log('Applying local D1 migrations…');
  for (const binding of databases) console.log(`  ${await applyLocalMigrations(binding)}`);

  console.log(`Starting wrangler dev on ${url}…`);
  const server = startDevServer(port);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`\nStopping (${signal})…`);
      void server.stop(signal);
    });
  }

  try {
    await waitForHealth(server, url);
    console.log('Onboarding the demo tenants…');
    for (const line of await setUp()) console.log(line);
  } catch (err) {
    if (!stopping) {
      const reason = err instanceof ApiError ? err.describe() : (err as Error).message;
      console.error(`\nnpm start failed: ${reason}\n\nwrangler's last output:\n${server.recentOutput()}`);
    }
    await server.stop('SIGTERM');
    return stopping ? 0 : 1;
  }
  server.stream();
  const code = await server.exited;
  await server.stop('SIGTERM');
  if (stopping) return 0;
  console.error(`wrangler dev exited by itself with code ${code}`);
  return code;
}

process.exitCode = await main();
