/**
 * `npm run bench:jobs`: long work as jobs against `wrangler dev` (bench/README.md, "Jobs").
 *
 * - `runs` (default): the 50,000-employee import as a job three times in a row (three regions, each
 *   a fresh file of `BENCH_EMPLOYEES`), then the first region's assessments and 200 offerings and
 *   the annual plan as a job three times; every HTTP request the bench sends is counted, and one
 *   that fails (no answer, or a 5xx) is reported.
 * - `BENCH_JOBS=resume`: the kill-and-resume run. The import is started, the server is killed
 *   (SIGKILL of wrangler's process group) once the local D1 files hold `BENCH_KILL_AT` employees
 *   (or after `BENCH_KILL_AFTER` seconds), and started again on the same persisted state; the job is polled on (reading a stalled job wakes it), and
 *   the registry is counted through the API: it must hold exactly the file's employees.
 *
 * Own state in `.wrangler/bench-jobs` (`-resume` for the resume run; deleted first); port 8789 (`BENCH_PORT`).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAssets } from '../scripts/build-assets';
import { employeesCsv } from '../scripts/demo/employees';
import { ensureDevKeys, mintToken, repoRoot } from '../scripts/lib/dev-keys';
import { waitForJob } from '../scripts/lib/jobs';
import { applyLocalMigrations, type DevServer, startDevServer, waitForHealth } from '../scripts/lib/wrangler';
import { expectOk, request } from './lib/client';
import { benchManifest, bigSlug } from './lib/dataset';
import { quietNetwork } from './lib/memory';
import { seedAssessments } from './lib/needs';
import { createOfferings, measurePlans } from './lib/plans';
import { importEmployees, onboard } from './lib/steps';

const port = Number(process.env.BENCH_PORT ?? 8789);
const inspectorPort = Number(process.env.BENCH_INSPECTOR_PORT ?? 9339);
const url = `http://127.0.0.1:${port}`;
const mode = process.env.BENCH_JOBS ?? 'runs';
const persistTo = fileURLToPath(new URL(mode === 'resume' ? '.wrangler/bench-jobs-resume' : '.wrangler/bench-jobs', repoRoot));
const employees = Number(process.env.BENCH_EMPLOYEES ?? 50_000);

/**
 * Every request the bench sends; those answered with a 5xx; those whose connection was dropped
 * before any answer (the client sends those again when that is safe: a GET, or a POST with its
 * `Idempotency-Key`, which the API answers once).
 */
const sent = { requests: 0, failed: [] as string[], dropped: [] as string[] };
/** Off while the server is starting or killed: health probes and polls then are expected to fail. */
let counting = false;
const plainFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const target = input instanceof Request ? input.url : String(input);
  // Only the API's requests count (not the dev tooling's inspector, which the bench reads the heap from).
  if (!counting || !target.startsWith(url)) return plainFetch(input, init);
  sent.requests++;
  const what = `${init?.method ?? 'GET'} ${target}`;
  try {
    const res = await plainFetch(input, init);
    if (res.status >= 500) sent.failed.push(`${what}: HTTP ${res.status}`);
    return res;
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    sent.dropped.push(`${what}: ${cause}`);
    throw err;
  }
};

/** The dev tooling's network capture off (bench/README.md); its inspector may come up a moment after the server. */
async function quiet(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await quietNetwork(inspectorPort);
    } catch (err) {
      if (attempt === 20) throw err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

const start = () => startDevServer(port, persistTo, ['--inspector-port', String(inspectorPort)]);

/**
 * Waits (up to 10 minutes) until `/health` answers within 2 s three times in a row: right after
 * start-up on a loaded machine the dev server answers a health check in 10–20 s and has reset
 * connections (an upload then fails with EPIPE), which is the machine's, not the API's.
 */
async function settle(): Promise<void> {
  const deadline = Date.now() + 600_000;
  for (let quick = 0; quick < 3 && Date.now() < deadline; ) {
    const t0 = performance.now();
    const ok = await plainFetch(`${url}/health`, { signal: AbortSignal.timeout(30_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    quick = ok && performance.now() - t0 < 2000 ? quick + 1 : 0;
    if (quick < 3) await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * A server that answers `/health`, started up to three times: on a loaded machine `wrangler dev`
 * now and then exits while it starts (its bundler crashed in one run), which is no request of
 * the bench's. The reason is printed each time.
 */
async function startUp(): Promise<DevServer> {
  for (let attempt = 1; ; attempt++) {
    counting = false;
    const server = start();
    try {
      await waitForHealth(server, url);
      await quiet();
      await settle();
      counting = true;
      return server;
    } catch (err) {
      const why = server
        .recentOutput()
        .split('\n')
        .filter((line) => /error|panic|fatal|failed|killed/i.test(line))
        .slice(0, 5);
      console.log(`  start-up #${attempt}: ${(err as Error).message}${why.length ? `\n    ${why.join('\n    ')}` : ''}`);
      await server.stop('SIGKILL');
      if (attempt === 3) throw err;
    }
  }
}

async function runs(server: DevServer): Promise<void> {
  const national = await mintToken({ role: 'national_admin', ttl: '2h' });
  const slugs = [bigSlug, `${bigSlug}-2`, `${bigSlug}-3`];
  const imports: string[] = [];
  for (const [i, slug] of slugs.entries()) {
    const manifest = benchManifest(slug, 40, 100);
    await onboard(url, national, manifest);
    const token = await mintToken({ role: 'tenant_admin', tenant: slug, ttl: '2h' });
    const done = await importEmployees(url, token, manifest, employees, inspectorPort);
    imports.push(
      `import #${i + 1} (${slug}): ${done.seconds.toFixed(1)} s request to job end, created ${done.created}, rejected ${done.rejected}, Worker heap peak ${done.peakMb.toFixed(1)} MB`,
    );
    console.log(`  ${imports.at(-1)}`);
  }
  const token = await mintToken({ role: 'tenant_admin', tenant: bigSlug, ttl: '2h' });
  const assessed = await seedAssessments(url, token, benchManifest(bigSlug, 40, 100));
  console.log(`  recorded ${assessed.created} assessments in ${assessed.seconds.toFixed(0)} s`);
  await createOfferings(url, bigSlug, token);
  const plan = await measurePlans(url, bigSlug, token, 2_000_000_000, 3, inspectorPort);
  console.log(`\nJobs, three runs in a row (${new Date().toISOString()}):`);
  for (const line of imports) console.log(`  ${line}`);
  console.log(
    `  plan ×${plan.runs}: median ${(plan.medianMs / 1000).toFixed(1)} s, p95 ${(plan.p95Ms / 1000).toFixed(1)} s, value ${plan.totals.value}, Worker heap peak ${plan.peakMb.toFixed(1)} MB`,
  );
  void server;
}

async function resume(first: DevServer): Promise<DevServer> {
  const national = await mintToken({ role: 'national_admin', ttl: '2h' });
  const manifest = benchManifest(bigSlug, 40, 100);
  await onboard(url, national, manifest);
  const token = await mintToken({ role: 'tenant_admin', tenant: bigSlug, ttl: '2h' });
  const started = await request(`${url}/api/v1/tenants/${bigSlug}/employees/import?mode=commit`, {
    method: 'POST',
    token,
    csv: employeesCsv(manifest, employees),
    timeoutMs: 120_000,
    idempotencyKey: crypto.randomUUID(),
  });
  if (started.status !== 202 || !started.location) throw new Error(`import: HTTP ${started.status}`);
  const location = started.location;
  const begun = performance.now();
  // The kill is decided on what the local D1 files hold, not on a poll (which once got no answer
  // while the import ran, bench/README.md): the bench reads them (read-only) every second and kills
  // once `BENCH_KILL_AT` employees are written, or after `BENCH_KILL_AFTER` seconds whatever it saw.
  const killAt = Number(process.env.BENCH_KILL_AT ?? 10_000);
  const killAfter = Number(process.env.BENCH_KILL_AFTER ?? 600);
  let written = 0;
  while ((performance.now() - begun) / 1000 < killAfter) {
    await new Promise((r) => setTimeout(r, 1000));
    written = registryOnDisk() ?? written;
    if (written >= killAt) break;
  }
  const killedAfter = (performance.now() - begun) / 1000;
  console.log(`  ${written} / ${employees} employees written after ${killedAfter.toFixed(1)} s: killing the server (SIGKILL)`);
  counting = false;
  await first.stop('SIGKILL');
  const onDisk = registryOnDisk();
  console.log(`  registry on disk after the kill: ${onDisk ?? 'unreadable'} employees`);
  const second = await startUp();
  counting = true;
  let firstSeen: string | null = null;
  console.log(`  server up again after ${((performance.now() - begun) / 1000).toFixed(1)} s; polling the job`);
  const job = await waitForJob<{ created: number; rejected: number }>(url, location, token, {
    onProgress: (j) => {
      if (firstSeen === null) {
        firstSeen = `${j.status} ${j.progress.done} / ${j.progress.total}`;
        console.log(`    first answer after the restart: ${firstSeen}`);
      } else if (j.progress.done % 10_000 < 250) console.log(`    ${j.status} ${j.progress.done} / ${j.progress.total}`);
    },
  });
  let listed = 0;
  const nips = new Set<string>();
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page: { body: { items: { nip: string }[]; nextCursor: string | null } } = expectOk(
      await request<{ items: { nip: string }[]; nextCursor: string | null }>(
        `${url}/api/v1/tenants/${bigSlug}/employees?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token },
      ),
      'employees',
    );
    listed += page.body.items.length;
    for (const e of page.body.items) nips.add(e.nip);
    cursor = page.body.nextCursor;
  }
  console.log(`\nKill and resume (${new Date().toISOString()}):`);
  console.log(
    `  killed after ${killedAfter.toFixed(1)} s with ${onDisk ?? written} / ${employees} employees on disk; first poll after the restart: ${firstSeen}; job ${job.status} after ${((performance.now() - begun) / 1000).toFixed(1)} s`,
  );
  console.log(
    `  job result: created ${job.result?.created}, rejected ${job.result?.rejected}; registry: ${listed} employees, ${nips.size} distinct NIPs`,
  );
  if (job.status !== 'succeeded' || listed !== employees || nips.size !== employees)
    throw new Error('the resumed import did not end with exactly the file');
  return second;
}

/**
 * Employees in the local D1 files (`sqlite3`, read-only; only the resume run's region has any),
 * or null when they cannot be read (no `sqlite3`, a file busy).
 */
/**
 * `sqlite3` read-only, with the schema's text not checked: a CLI older than SQLite 3.48 cannot parse
 * the triggers whose `RAISE` message is an expression (0013_batch_guards), and refuses every query.
 */
const readOnly = ['-readonly', '-cmd', 'PRAGMA writable_schema=ON'];

function registryOnDisk(): number | null {
  const dir = join(persistTo, 'v3', 'd1');
  let total = 0;
  try {
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.sqlite')) continue;
      const out = execFileSync('sqlite3', [...readOnly, join(dir, file), "select count(*) from sqlite_master where name = 'employees'"], {
        encoding: 'utf8',
        timeout: 10_000,
      });
      if (out.trim() !== '1') continue;
      total += Number(
        execFileSync('sqlite3', [...readOnly, join(dir, file), 'select count(*) from employees'], { encoding: 'utf8', timeout: 10_000 }),
      );
    }
    return total;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  await ensureDevKeys();
  buildAssets();
  await rm(persistTo, { recursive: true, force: true });
  for (const db of ['DB', 'DB_DEDICATED']) console.log(await applyLocalMigrations(db, persistTo));
  let server = await startUp();
  try {
    if (mode === 'resume') server = await resume(server);
    else await runs(server);
  } catch (err) {
    console.error(
      `The run stopped: ${(err as Error).message}\nLast lines of the server:\n${server.recentOutput().split('\n').slice(-30).join('\n')}`,
    );
    throw err;
  } finally {
    await server.stop('SIGTERM');
    // Counted only while a server was up (not its start-up, not the resume run's kill and restart).
    console.log(
      `  requests sent: ${sent.requests}, answered 5xx: ${sent.failed.length}, connection dropped before an answer: ${sent.dropped.length}`,
    );
    for (const f of [...sent.failed, ...sent.dropped].slice(0, 10)) console.log(`    ${f}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
