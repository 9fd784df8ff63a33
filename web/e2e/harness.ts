/**
 * The journeys' world: the console built once as `npm start` builds it (global-setup.ts), the
 * real Worker on a free port (wrangler's unstable_startWorker, the configuration in wrangler.toml)
 * over a fresh temporary D1
 * with every migration applied, the demo region `kalianda` onboarded and loaded through the API
 * (scripts/demo), and Debian's Chromium driven by playwright-core. The journeys sign in through
 * the sign-in screen with accounts activated the way `npm start` activates its demo accounts
 * (scripts/lib/demo-accounts.ts: a one-time code, then a random password); the Worker signs their
 * sessions with the local key of `.local/auth-signing-keys.json`. Setting up data is done with
 * tokens of the local dev key (`npm run token`'s), as the tenant admin and the national admin.
 */
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readD1Migrations } from '@cloudflare/vitest-pool-workers';
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { getPlatformProxy, unstable_startWorker } from 'wrangler';
import { demoLoaders } from '../../scripts/demo';
import { activateAccount, type DemoAccount, type DemoTarget } from '../../scripts/lib/demo-accounts';
import { ensureAuthKeys, ensureDevKeys, mintToken } from '../../scripts/lib/dev-keys';
import { onboardManifest } from '../../scripts/lib/onboarding';
import { parseServerTiming } from '../../src/platform/http/server-timing';

const root = fileURLToPath(new URL('../../', import.meta.url));
const screenshotsDir = join(root, 'test-results/screenshots');
// Nothing calls out: Miniflare takes request.cf from its built-in fallback instead of downloading it.
process.env.CLOUDFLARE_CF_FETCH_ENABLED = 'false';

export const tenant = 'kalianda';

/** Debian's Chromium (`.ci/run` installs it with apt when missing) and the flags it runs with here. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export const viewports = [
  { name: 'phone', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 860 },
] as const;
export type Viewport = (typeof viewports)[number];

type Worker = Awaited<ReturnType<typeof unstable_startWorker>>;

export interface Stack {
  url: string;
  browser: Browser;
  adminToken: string;
  stop(): Promise<void>;
}

/** The one method of a D1 binding the migrations use, as getPlatformProxy hands it to Node. */
interface D1Like {
  exec(query: string): Promise<unknown>;
}

/**
 * Applies every migration to both D1 bindings in the persist directory, in one local Miniflare.
 * Each binding gets all statements in one `exec` (one statement a line), not a `prepare` per
 * statement: the proxy answers synchronous calls such as `prepare` over a worker thread whose reply
 * can miss its wake-up on a loaded machine (Miniflare's SynchronousFetcher, "AssertionError:
 * false == true"), so the fewer of them the better; `exec` is asynchronous.
 */
async function migrate(persistDir: string): Promise<void> {
  const migrations = await readD1Migrations(join(root, 'migrations'));
  const statements = migrations
    .flatMap((m) => m.queries)
    .map(oneLine)
    .filter((q) => q.length > 0);
  const proxy = await getPlatformProxy<Record<'DB' | 'DB_DEDICATED', D1Like>>({
    configPath: join(root, 'wrangler.toml'),
    persist: { path: join(persistDir, 'v3') },
    envFiles: [],
  });
  try {
    for (const binding of ['DB', 'DB_DEDICATED'] as const) await proxy.env[binding].exec(statements.join('\n'));
  } finally {
    await proxy.dispose();
  }
}

/** A statement on one line, its comment lines dropped (`exec` reads one statement a line). */
function oneLine(query: string): string {
  return query
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join(' ')
    .trim();
}

async function startWorker(persistDir: string): Promise<Worker> {
  const { d: _private, ...publicJwk } = await ensureDevKeys();
  const worker = await unstable_startWorker({
    config: join(root, 'wrangler.toml'),
    bindings: {
      JWT_JWKS: { type: 'plain_text', value: JSON.stringify({ keys: [{ ...publicJwk, use: 'sig' }] }) },
      AUTH_SIGNING_KEYS: { type: 'secret_text', value: JSON.stringify(await ensureAuthKeys()) },
      // The suites' fewer iterations (docs/auth.md): a sign-in costs milliseconds of a shared core.
      AUTH_PBKDF2_ITERATIONS: { type: 'plain_text', value: '1000' },
      // Every answer says its D1 round trips, rows read and written (docs/http.md): the journeys check the cost budgets.
      SERVER_TIMING: { type: 'plain_text', value: 'on' },
    },
    envFiles: [],
    sendMetrics: false,
    dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false, persist: persistDir, watch: false, logLevel: 'error' },
  });
  await worker.ready;
  return worker;
}

/** The demo region's admin, as the harness sets up data (the local dev key's token). */
const demoAdminToken = () => mintToken({ role: 'tenant_admin', tenant, ttl: '2h' });

async function loadDemo(url: string): Promise<string> {
  const nationalToken = await mintToken({ role: 'national_admin', ttl: '2h' });
  const manifest = JSON.parse(await readFile(join(root, 'tenants', `${tenant}.json`), 'utf8'));
  await onboardManifest(url, nationalToken, manifest);
  const adminToken = await demoAdminToken();
  for (const loader of demoLoaders) await loader.load({ url, slug: tenant, adminToken, nationalToken });
  return adminToken;
}

/**
 * The journeys' starting database, made once for all of them (global-setup.ts): every migration and
 * the demo region, in a persist directory that each file's stack copies rather than loading the
 * demo again (a few seconds a file). Its path reaches the test files through this variable.
 */
export const demoTemplateVariable = 'BANGKOM_E2E_DEMO_TEMPLATE';

/** Makes the demo template in `persistDir`: migrated, the demo region loaded through the API of a Worker that is then stopped. */
export async function makeDemoTemplate(persistDir: string): Promise<void> {
  await migrate(persistDir);
  const worker = await startWorker(persistDir);
  try {
    await loadDemo((await worker.url).origin);
  } finally {
    await worker.dispose();
  }
}

export async function startStack(log: (line: string) => void = () => {}): Promise<Stack> {
  const started = Date.now();
  const lap = (what: string) => log(`e2e: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const persistDir = await mkdtemp(join(tmpdir(), 'bangkom-e2e-'));
  const template = process.env[demoTemplateVariable];
  let worker: Worker | undefined;
  let browser: Browser | undefined;
  try {
    // The console was built once for all journey files (global-setup.ts), and so was the demo
    // database when the journeys run under Vitest; the bench, alone, loads its own.
    if (template) {
      await cp(template, persistDir, { recursive: true });
      lap('demo database copied');
    } else {
      await migrate(persistDir);
      lap('migrated');
    }
    worker = await startWorker(persistDir);
    const url = (await worker.url).origin;
    lap(`worker on ${url}`);
    const [adminToken, launched] = await Promise.all([
      template
        ? demoAdminToken()
        : loadDemo(url).then((token) => {
            lap('demo data loaded');
            return token;
          }),
      chromium.launch({ executablePath: chromiumPath, args: chromiumFlags }),
    ]);
    browser = launched;
    await mkdir(screenshotsDir, { recursive: true });
    const ready = { worker, browser };
    return {
      url,
      browser,
      adminToken,
      async stop() {
        await ready.browser.close();
        await ready.worker.dispose();
        await rm(persistDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser?.close();
    await worker?.dispose();
    await rm(persistDir, { recursive: true, force: true });
    throw err;
  }
}

/** A token the local Worker accepts, as `npm run token` makes them (for setting up data, never for the console). */
export function employeeToken(employeeId: string, ttl = '1h'): Promise<string> {
  return mintToken({ role: 'employee', tenant, employeeId, ttl });
}

/** An account of the demo region with its password, activated through the API as `npm start` does. */
export function demoAccount(stack: Pick<Stack, 'url' | 'adminToken'>, target: Omit<DemoTarget, 'tenant'>): Promise<DemoAccount> {
  return activateAccount(stack.url, stack.adminToken, { ...target, tenant });
}

/** A national admin's account with its password, created and activated through the national API as `npm start` does. */
export async function nationalAccount(stack: Pick<Stack, 'url'>, email: string): Promise<DemoAccount> {
  return activateAccount(stack.url, await mintToken({ role: 'national_admin', ttl: '1h' }), { role: 'national_admin', email });
}

let contexts = 0;

/**
 * A fresh browser context at the viewport, in Indonesian, without motion; axe can be injected (CSP
 * bypassed for it). Each is a person at an address of their own (`CF-Connecting-IP`, from the
 * shared address space 100.64.0.0/10), as the sign-in routes' per-address rate limits see people:
 * locally every request would otherwise come from one unknown address, and a file's sign-ins pass
 * twenty a minute on a fast machine.
 */
export async function openPage(stack: Pick<Stack, 'browser'>, viewport: Viewport): Promise<{ context: BrowserContext; page: Page }> {
  contexts++;
  const context = await stack.browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    locale: 'id-ID',
    reducedMotion: 'reduce',
    // The console's CSP (web/public/_headers) forbids inline scripts, as it should; axe is injected as one.
    bypassCSP: true,
    extraHTTPHeaders: { 'cf-connecting-ip': `100.64.${(contexts >> 8) & 255}.${contexts & 255}` },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page };
}

/** Fills the sign-in screen (region, user name, password) and submits it. */
export async function fillSignIn(page: Page, account: DemoAccount): Promise<void> {
  await page.getByLabel('Wilayah').fill(account.tenant ?? '');
  await page.getByLabel('NIP atau email').fill(account.username);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

/** Opens `path`, which sends a caller without a session to the sign-in screen; signs in there and waits to be back on `path`. */
export async function signIn(page: Page, url: string, account: DemoAccount, path = '/'): Promise<void> {
  await page.goto(`${url}${path}`);
  await page.getByRole('heading', { name: 'Masuk' }).waitFor();
  await fillSignIn(page, account);
  await page.waitForURL((u) => `${u.pathname}${u.search}` === path);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** axe-core on the page as it is (WCAG 2.x A and AA rules); answers the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<{ id: string; help: string; targets: string; why: string }[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as { axe: { run(options: object): Promise<{ violations: AxeViolation[] }> } };
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)).join(' '),
      // What axe measured (a contrast's ratio and colours, say): what a failure needs to be mended.
      why: v.nodes.map((n) => n.failureSummary ?? '').join(' | '),
    }));
}

/** Keeps a screenshot of the whole page as a test artifact: test-results/screenshots/<name>-<width>.png. */
export async function screenshot(page: Page, name: string, viewport: Viewport): Promise<void> {
  await page.screenshot({ path: join(screenshotsDir, `${name}-${viewport.width}.png`), fullPage: true });
}

/** The JSON of an API call made as the tenant admin (for setting up a journey's data). */
export async function adminCall<T>(
  stack: Pick<Stack, 'url' | 'adminToken'>,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${stack.url}/api/v1/tenants/${tenant}${path}`, {
    method,
    headers: { authorization: `Bearer ${stack.adminToken}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/** What one API answer a page received cost, from its `Server-Timing` (docs/http.md). */
export interface ApiCost {
  /** `GET /api/v1/…?…` */
  call: string;
  /** The request's own D1 round trips: what the budget of 3 holds. */
  queries: number;
  /** Tenant-directory lookups the Worker's 30 s cache did not serve, reported apart. */
  directory: number;
}

/**
 * Records the cost of every API answer `page` receives from now on, sign-in and renewal excepted
 * (they hash passwords and rotate sessions: their budgets are the auth suites'). `over(budget)`
 * lists the answers whose own round trips exceed it, or that carry no `Server-Timing`; `take()`
 * hands over what was recorded and starts again.
 */
export function apiCosts(page: Page): { over(budget: number, filter?: (c: ApiCost) => boolean): string[]; take(): ApiCost[] } {
  let seen: ApiCost[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/v1/') || url.pathname.startsWith('/api/v1/auth/')) return;
    const { queries, directory } = parseServerTiming(response.headers()['server-timing'] ?? null);
    seen.push({ call: `${response.request().method()} ${url.pathname}${url.search}`, queries, directory });
  });
  return {
    over: (budget, filter = () => true) =>
      seen.filter((c) => filter(c) && !(c.queries <= budget)).map((c) => `${c.call}: ${c.queries} (+${c.directory} directory)`),
    take: () => {
      const taken = seen;
      seen = [];
      return taken;
    },
  };
}

/**
 * `apiCosts` held to one budget for a whole page: `over()` lists the reads above it. The budget is
 * on each screen's data (SPEC 16: ≤ 3 D1 round trips a request, as for every detail and list
 * endpoint); writes have none (a write batches its statements, and checks before it writes).
 */
export function meterApi(page: Page, budget = 3): { over: () => string[] } {
  const costs = apiCosts(page);
  return { over: () => costs.over(budget, (c) => c.call.startsWith('GET ')) };
}
