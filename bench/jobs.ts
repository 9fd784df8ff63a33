/**
 * `npm run bench:jobs`: long work as jobs against `wrangler dev` (bench/README.md, "Jobs").
 *
 * - `runs` (default): the 50,000-employee import as a job three times in a row (three regions, each
 *   a fresh file of `BENCH_EMPLOYEES`), then the first region's assessments and 200 offerings and
 *   the annual plan as a job three times; every HTTP request the bench sends is counted, and one
 *   that fails (no answer, or a 5xx) is reported.
 * - `BENCH_JOBS=resume`: the kill-and-resume run. The import is started, the server is killed
 *   (SIGKILL of wrangler's process group) at the first poll that sees rows written, and started
 *   again on the same persisted state; the job is polled on (reading a stalled job wakes it), and
 *   the registry is counted through the API: it must hold exactly the file's employees.
 *
 * Own state in `.wrangler/bench-jobs` (deleted first); port 8789 (`BENCH_PORT`).
 */
import { rm } from 'node:fs/promises';
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
const persistTo = fileURLToPath(new URL('.wrangler/bench-jobs', repoRoot));
const employees = Number(process.env.BENCH_EMPLOYEES ?? 50_000);
const mode = process.env.BENCH_JOBS ?? 'runs';

/** Every request the bench sends, and those that failed (no answer, or a 5xx). */
const sent = { requests: 0, failed: [] as string[] };
const plainFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  sent.requests++;
  const what = `${init?.method ?? 'GET'} ${input instanceof Request ? input.url : String(input)}`;
  try {
    const res = await plainFetch(input, init);
    if (res.status >= 500) sent.failed.push(`${what}: HTTP ${res.status}`);
    return res;
  } catch (err) {
    sent.failed.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
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
  });
  if (started.status !== 202 || !started.location) throw new Error(`import: HTTP ${started.status}`);
  const location = started.location;
  const begun = performance.now();
  let killedAt = 0;
  let killedStatus = '';
  // Poll until rows are being written, then kill the server without warning. (A poll waits while
  // the Worker is busy with a step, so on a loaded machine the first one that sees progress may
  // come late: the figures say where the kill fell.)
  await waitForJob(url, location, token, {
    onProgress: (job) => {
      if (killedAt === 0 && job.progress.done > 0) {
        killedAt = job.progress.done;
        killedStatus = job.status;
        throw new Error('kill');
      }
    },
  }).catch((err: unknown) => {
    if (!(err instanceof Error && err.message === 'kill')) throw err;
  });
  console.log(
    `  ${killedStatus}, progress ${killedAt} / ${employees} after ${((performance.now() - begun) / 1000).toFixed(1)} s: killing the server (SIGKILL)`,
  );
  await first.stop('SIGKILL');
  const second = start();
  await waitForHealth(second, url);
  await quiet();
  console.log(`  server up again after ${((performance.now() - begun) / 1000).toFixed(1)} s; polling the job`);
  const job = await waitForJob<{ created: number; rejected: number }>(url, location, token, {
    onProgress: (j) => {
      if (j.progress.done % 10_000 < 250) console.log(`    ${j.status} ${j.progress.done} / ${j.progress.total}`);
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
    `  killed at ${killedAt} / ${employees} rows (${killedStatus}); job ${job.status} after ${((performance.now() - begun) / 1000).toFixed(1)} s`,
  );
  console.log(
    `  job result: created ${job.result?.created}, rejected ${job.result?.rejected}; registry: ${listed} employees, ${nips.size} distinct NIPs`,
  );
  if (job.status !== 'succeeded' || listed !== employees || nips.size !== employees)
    throw new Error('the resumed import did not end with exactly the file');
  return second;
}

async function main(): Promise<void> {
  await ensureDevKeys();
  buildAssets();
  await rm(persistTo, { recursive: true, force: true });
  for (const db of ['DB', 'DB_DEDICATED']) console.log(await applyLocalMigrations(db, persistTo));
  let server = start();
  try {
    await waitForHealth(server, url);
    await quiet();
    if (mode === 'resume') server = await resume(server);
    else await runs(server);
  } catch (err) {
    console.error(
      `The run stopped: ${(err as Error).message}\nLast lines of the server:\n${server.recentOutput().split('\n').slice(-30).join('\n')}`,
    );
    throw err;
  } finally {
    await server.stop('SIGTERM');
    // The kill of the resume run is no failed request of the bench's: only what it sent after.
    console.log(`  requests sent: ${sent.requests}, failed: ${sent.failed.length}`);
    for (const f of sent.failed.filter((f) => !f.includes('/health:')).slice(0, 10)) console.log(`    ${f}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
