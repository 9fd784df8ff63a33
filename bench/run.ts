/**
 * `npm run bench`: builds the benchmark data set in its own local D1 (`.wrangler/bench`, never the
 * development or test databases), starts the Worker on port 8788 and measures cost (D1 rows read
 * and written, from Server-Timing), latency and throughput against the budgets in bench/README.md.
 * Prints a table and writes bench/results/latest.json and latest.md.
 *
 * `BENCH_ONLY=plan` builds only what the annual plan needs (the large region, its employees and
 * assessments, 200 offerings) and measures `POST /plans`; `BENCH_ONLY=plan-again` keeps the data
 * built by an earlier `plan` run and only measures the plan again (seconds instead of minutes).
 * Both stream the Worker's output and write bench/results/plan.json/.md, never latest.*.
 * `BENCH_ONLY=import` stops after the import figures, `BENCH_ONLY=capacity` after the capacity
 * figures (the database's size before and after the import and the assessments).
 * `BENCH_ONLY=sign-in` measures sign-in alone at the production password scheme (a server of its
 * own), and writes bench/results/sign-in.json/.md.
 * `BENCH_PORT` / `BENCH_INSPECTOR_PORT` move the server (default 8788 / 9338).
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildAssets } from '../scripts/build-assets';
import { ensureDevKeys, mintToken, repoRoot } from '../scripts/lib/dev-keys';
import { applyLocalMigrations, startDevServer, waitForHealth } from '../scripts/lib/wrangler';
import { type PasswordScheme, productionScheme } from '../src/modules/accounts/passwords';
import { benchManifest, bigSlug, directorySlugs, smallSlugs } from './lib/dataset';
import { quietNetwork } from './lib/memory';
import { measureNationalSummary, refreshAll, refreshOne } from './lib/national';
import { measureNeeds, seedAssessments } from './lib/needs';
import { createOfferings, measurePlans } from './lib/plans';
import { Report } from './lib/report';
import { measureSignIn } from './lib/sign-in';
import { databaseSizes, totalBytes } from './lib/size';
import { importEmployees, measureEndpoints, measureThroughput, onboard } from './lib/steps';

const port = Number(process.env.BENCH_PORT ?? 8788);
const inspectorPort = Number(process.env.BENCH_INSPECTOR_PORT ?? 9338);
/** `BENCH_ONLY=plan|plan-again` measures the plan alone; `import` / `capacity` stop after those figures. */
const only = process.env.BENCH_ONLY;
if (only !== undefined && !['plan', 'plan-again', 'import', 'capacity', 'sign-in'].includes(only))
  throw new Error(`BENCH_ONLY=${only}: use plan, plan-again, import, capacity or sign-in`);
const url = `http://127.0.0.1:${port}`;
const persistTo = fileURLToPath(new URL('.wrangler/bench', repoRoot));
const employees = Number(process.env.BENCH_EMPLOYEES ?? 50_000);

async function main(): Promise<void> {
  const started = Date.now();
  await ensureDevKeys();
  buildAssets();
  if (only !== 'plan-again') await rm(persistTo, { recursive: true, force: true });
  for (const db of ['DB', 'DB_DEDICATED']) console.log(await applyLocalMigrations(db, persistTo));
  if (only === 'sign-in') return signInOnly(started);
  const server = startDevServer(port, persistTo, ['--inspector-port', String(inspectorPort)]);
  const stop = () => server.stop('SIGTERM');
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    await waitForHealth(server, url);
    await quietNetwork(inspectorPort);
    if (only === 'plan' || only === 'plan-again') {
      server.stream();
      await planOnly(
        only === 'plan-again',
        await mintToken({ role: 'national_admin', ttl: '2h' }),
        await mintToken({ role: 'tenant_admin', tenant: bigSlug, ttl: '2h' }),
      );
      return;
    }
    const national = await mintToken({ role: 'national_admin', ttl: '2h' });
    const adminOf = (slug: string) => mintToken({ role: 'tenant_admin', tenant: slug, ttl: '2h' });
    const report = new Report();
    const finish = async () => {
      const seconds = Math.round((Date.now() - started) / 1000);
      // A capacity-only run keeps its own files, so the full run's latest.* stay as they are.
      const name = only === 'capacity' ? 'capacity' : 'latest';
      await report.write(
        new URL('bench/results/', repoRoot),
        { date: new Date().toISOString(), employees, seconds, node: process.version },
        name,
      );
      const misses = report.figures.filter((f) => f.pass === false).length;
      console.log(`\nDone in ${seconds} s; ${misses} figure(s) over budget. Written to bench/results/${name}.json and ${name}.md.`);
    };

    console.log(`\nBuilding the data set: ${directorySlugs.length + smallSlugs.length + 1} regions, ${employees} employees in ${bigSlug}`);
    const bigManifest = benchManifest(bigSlug, 40, 100);
    await onboard(url, national, bigManifest);
    for (const slug of smallSlugs) await onboard(url, national, benchManifest(slug, 5, 12));
    const small = smallSlugs[0] as string;
    const smallAdmin = await adminOf(small);
    const bigAdmin = await adminOf(bigSlug);
    await importEmployees(url, smallAdmin, benchManifest(small, 5, 12), 200);

    console.log('\nFigures (✓ within budget, ✗ over):');
    await measureSignInStep(report, small, smallAdmin, productionScheme);
    const isolationBefore = await measureEndpoints(url, small, smallAdmin);

    const sizeBefore = totalBytes(await databaseSizes(persistTo));
    const imported = await importEmployees(url, bigAdmin, bigManifest, employees, inspectorPort);
    report.add({
      section: 'import',
      name: `CSV import of ${employees} employees (commit, as a job: request to job end)`,
      value: imported.seconds,
      unit: 's',
      budget: '≤ 60 s',
      pass: imported.seconds <= 60,
    });
    report.add({ section: 'import', name: 'employees created / rejected', value: `${imported.created} / ${imported.rejected}`, unit: '' });
    report.add({ section: 'import', name: 'Worker heap before import', value: imported.baselineMb, unit: 'MB' });
    report.add({
      section: 'import',
      name: 'Worker heap, peak during import',
      value: imported.peakMb,
      unit: 'MB',
      budget: '< 128 MB',
      pass: imported.peakMb < 128,
    });
    const again = await importEmployees(url, bigAdmin, bigManifest, employees);
    report.add({
      section: 'import',
      name: 're-import of the same file: created / updated',
      value: `${again.created} / ${again.updated}`,
      unit: '',
      budget: '0 changes',
      pass: again.updated === 0 && again.created === 0,
    });
    if (only === 'import') return await finish();
    const sizeImported = totalBytes(await databaseSizes(persistTo));

    const assessed = await seedAssessments(url, bigAdmin, bigManifest);
    report.add({
      section: 'needs',
      name: `assessments recorded for ${assessed.employees} employees (bulk API)`,
      value: assessed.created,
      unit: 'rows',
    });
    report.add({ section: 'needs', name: 'time to record them', value: Math.round(assessed.seconds), unit: 's' });
    reportCapacity(
      report,
      { before: sizeBefore, imported: sizeImported, assessed: totalBytes(await databaseSizes(persistTo)) },
      imported.created,
      assessed.created,
    );
    if (only === 'capacity') return await finish();
    const catalog = await createOfferings(url, bigSlug, bigAdmin);
    await measurePlanStep(report, bigAdmin, catalog.offerings);

    for (const slug of directorySlugs) await onboard(url, national, benchManifest(slug, 1, 1));

    const refreshed = await refreshAll(url, national);
    report.add({
      section: 'national',
      name: `refresh of every tenant (${refreshed.tenants} tenants, ${refreshed.calls} calls)`,
      value: refreshed.seconds.toFixed(1),
      unit: 's',
    });
    const bigRefresh = await refreshOne(url, national, bigSlug);
    report.add({
      section: 'national',
      name: `refresh of ${bigSlug} alone (${employees} employees)`,
      value: Math.round(bigRefresh.ms),
      unit: 'ms',
    });
    const summary = await measureNationalSummary(url, national);
    const rowsBudget = 2 * summary.tenants + 10;
    report.add({
      section: 'national',
      name: `GET /national/summary (${summary.tenants} tenants): median / p95`,
      value: `${summary.medianMs.toFixed(0)} / ${summary.p95Ms.toFixed(0)}`,
      unit: 'ms',
      budget: '≤ 300 ms median',
      pass: summary.medianMs <= 300,
    });
    report.add({
      section: 'national',
      name: 'GET /national/summary: rows read',
      value: summary.rowsRead,
      unit: 'rows',
      budget: `≤ ${rowsBudget} (∝ tenants)`,
      pass: summary.rowsRead <= rowsBudget,
    });
    report.add({
      section: 'national',
      name: 'GET /national/summary: D1 round trips / response size',
      value: `${summary.queries} / ${Math.round(summary.bytes / 1024)} KB`,
      unit: '',
    });

    const isolationAfter = await measureEndpoints(url, small, smallAdmin);
    for (const [name, before] of Object.entries(isolationBefore)) {
      const after = isolationAfter[name];
      report.add({
        section: 'isolation',
        name: `${name}: rows read before / after others grew`,
        value: `${before.rowsRead} / ${after?.rowsRead}`,
        unit: 'rows',
        budget: 'equal',
        pass: before.rowsRead === after?.rowsRead,
      });
    }

    const big = await measureEndpoints(url, bigSlug, bigAdmin);
    for (const [name, m] of Object.entries(big)) {
      const budget = 2 * m.returned + 10;
      report.add({
        section: 'cost',
        name: `${name}: rows read (returned ${m.returned})`,
        value: m.rowsRead,
        unit: 'rows',
        budget: `≤ ${budget}`,
        pass: m.rowsRead <= budget,
      });
      report.add({
        section: 'cost',
        name: `${name}: D1 round trips`,
        value: m.queries,
        unit: 'queries',
        budget: '≤ 3',
        pass: m.queries <= 3,
      });
      report.add({
        section: 'latency',
        name: `${name}: median / p95`,
        value: `${m.medianMs.toFixed(1)} / ${m.p95Ms.toFixed(1)}`,
        unit: 'ms',
      });
    }

    const throughput = await measureThroughput(url, bigSlug, bigAdmin);
    report.add({ section: 'throughput', name: '/health', value: throughput.health, unit: 'req/s' });
    report.add({ section: 'throughput', name: 'authenticated GET of the tenant (no D1 read)', value: throughput.tenant, unit: 'req/s' });
    report.add({ section: 'throughput', name: 'authenticated GET of one employee (1 D1 read)', value: throughput.employee, unit: 'req/s' });
    const ratio = throughput.employee / throughput.health;
    report.add({
      section: 'throughput',
      name: 'ratio employee / health',
      value: Math.round(ratio * 100),
      unit: '%',
      budget: '≥ 50 %',
      pass: ratio >= 0.5,
    });

    // Last: computing the report over the whole large region is the heaviest single query of the
    // suite; should it not answer in time, every other figure is in already.
    const pairs = assessed.employees * 10;
    try {
      for (const n of await measureNeeds(url, bigSlug, bigAdmin)) {
        const name = `needs by ${n.groupBy} (${n.groups} groups, ${pairs} pairs)`;
        report.add({
          section: 'needs',
          name: `${name}: median / p95`,
          value: `${n.medianMs.toFixed(0)} / ${n.p95Ms.toFixed(0)}`,
          unit: 'ms',
          budget: '≤ 500 ms median',
          pass: n.medianMs <= 500,
        });
        report.add({ section: 'needs', name: `${name}: rows read (served)`, value: n.servedRowsRead, unit: 'rows' });
        report.add({
          section: 'needs',
          name: `${name}: computing after a change`,
          value: Math.round(n.computeMs),
          unit: 'ms',
          budget: '≤ 500 ms',
          pass: n.computeMs <= 500,
        });
        report.add({
          section: 'needs',
          name: `${name}: rows read computing, per pair`,
          value: Number((n.computeRowsRead / pairs).toFixed(1)),
          unit: 'rows',
          budget: 'linear in the tenant',
          pass: n.computeRowsRead / pairs <= 20,
        });
      }
    } catch (err) {
      report.add({
        section: 'needs',
        name: `needs report computing over ${pairs} pairs`,
        value: (err as Error).message.slice(0, 60),
        unit: '',
        budget: '≤ 500 ms',
        pass: false,
      });
    }

    await finish();
  } catch (err) {
    // The Worker's own words on why a request failed (a restart, a limit) are in its output.
    console.error(
      `\nThe run stopped: ${(err as Error).message}\nLast lines of the server:\n${server.recentOutput().split('\n').slice(-40).join('\n')}`,
    );
    throw err;
  } finally {
    await stop();
  }
}

const planBudget = 2_000_000_000;
/** D1's size limit per database (10 GB, decimal, as Cloudflare states it). */
const d1LimitBytes = 10_000_000_000;

/**
 * The capacity figures (ARCHITECTURE.md, "Capacity"): what the large region's employees and their
 * assessments add to its database (every row they cause: employees, audit entries, current levels,
 * the needs totals and indexes), and how many such employees one D1 database holds.
 */
function reportCapacity(
  report: Report,
  size: { before: number; imported: number; assessed: number },
  employeesCreated: number,
  assessments: number,
): void {
  const mb = (bytes: number) => Number((bytes / 1_000_000).toFixed(1));
  const perEmployee = (size.assessed - size.before) / Math.max(1, employeesCreated);
  report.add({ section: 'capacity', name: 'D1 databases before the import (all tenants so far)', value: mb(size.before), unit: 'MB' });
  report.add({ section: 'capacity', name: `after the import of ${employeesCreated} employees`, value: mb(size.imported), unit: 'MB' });
  report.add({ section: 'capacity', name: `after ${assessments} assessments`, value: mb(size.assessed), unit: 'MB' });
  report.add({
    section: 'capacity',
    name: 'bytes per employee, registry only',
    value: Math.round((size.imported - size.before) / Math.max(1, employeesCreated)),
    unit: 'B',
  });
  report.add({
    section: 'capacity',
    name: `bytes per employee with ${(assessments / Math.max(1, employeesCreated)).toFixed(1)} assessments`,
    value: Math.round(perEmployee),
    unit: 'B',
  });
  report.add({
    section: 'capacity',
    name: 'employees of that kind in one 10 GB D1 database',
    value: Math.floor(d1LimitBytes / perEmployee),
    unit: 'employees',
  });
}

/** `POST /plans` for the large region three times; a failure is a figure too (the heaviest request). */
async function measurePlanStep(report: Report, bigAdmin: string, offerings: number): Promise<void> {
  const name = `POST /plans (${employees} employees, ${offerings} offerings, Rp ${planBudget.toLocaleString('id-ID')})`;
  try {
    const plan = await measurePlans(url, bigSlug, bigAdmin, planBudget, 3, inspectorPort);
    report.add({
      section: 'plan',
      name: `${name}: median / p95 of ${plan.runs}`,
      value: `${plan.medianMs.toFixed(0)} / ${plan.p95Ms.toFixed(0)}`,
      unit: 'ms',
    });
    report.add({
      section: 'plan',
      name: 'POST /plans: rows read / written',
      value: `${plan.rowsRead} / ${plan.rowsWritten}`,
      unit: 'rows',
    });
    report.add({
      section: 'plan',
      name: 'POST /plans: Worker heap peak',
      value: plan.peakMb,
      unit: 'MB',
      budget: '< 128 MB',
      pass: plan.peakMb < 128,
    });
    report.add({ section: 'plan', name: 'lines / budget used', value: `${plan.totals.lines} / ${plan.totals.budgetUsed}`, unit: '' });
    report.add({
      section: 'plan',
      name: 'value: optimizer / naive greedy',
      value: `${plan.totals.value} / ${plan.totals.naiveValue}`,
      unit: '',
      budget: 'optimizer ≥ naive',
      pass: plan.totals.value >= plan.totals.naiveValue,
    });
    report.add({
      section: 'plan',
      name: 'gap closure share (of all weighted gaps in scope)',
      value: `${(plan.totals.closureShare * 100).toFixed(2)} %`,
      unit: '',
    });
  } catch (err) {
    report.add({ section: 'plan', name, value: (err as Error).message.slice(0, 60), unit: '', budget: 'an answer', pass: false });
  }
}

/** `BENCH_ONLY=plan`: the large region and what its plan reads, then the plan; `plan-again`: the plan alone. */
async function planOnly(again: boolean, national: string, bigAdmin: string): Promise<void> {
  const started = Date.now();
  const report = new Report();
  const bigManifest = benchManifest(bigSlug, 40, 100);
  if (!again) {
    console.log(`\nBuilding the plan's data: ${employees} employees in ${bigSlug}, their assessments, 200 offerings`);
    await onboard(url, national, bigManifest);
    const imported = await importEmployees(url, bigAdmin, bigManifest, employees);
    console.log(`  imported ${imported.created} employees in ${imported.seconds.toFixed(0)} s`);
    const assessed = await seedAssessments(url, bigAdmin, bigManifest);
    console.log(`  recorded ${assessed.created} assessments in ${assessed.seconds.toFixed(0)} s`);
    await createOfferings(url, bigSlug, bigAdmin);
  }
  await measurePlanStep(report, bigAdmin, 200);
  const seconds = Math.round((Date.now() - started) / 1000);
  await report.write(
    new URL('bench/results/', repoRoot),
    { date: new Date().toISOString(), employees, seconds, node: process.version },
    'plan',
  );
}

const schemeLabel = ({ iterations }: PasswordScheme) => `PBKDF2-HMAC-SHA512 ${iterations.toLocaleString('en')} iterations`;

/** One password hash's time in the Worker and the login's latency (lib/sign-in.ts), for the scheme the server hashes with. */
async function measureSignInStep(report: Report, slug: string, adminToken: string, scheme: PasswordScheme): Promise<void> {
  const s = await measureSignIn(url, slug, adminToken);
  report.add({
    section: 'sign-in',
    name: `${schemeLabel(scheme)}: one hash in the Worker (median of ${s.samples}, load ${s.load})`,
    value: Number(s.hashMs.toFixed(0)),
    unit: 'ms',
  });
  report.add({
    section: 'sign-in',
    name: `${schemeLabel(scheme)}: POST /auth/login p50 / p95`,
    value: `${s.loginP50.toFixed(0)} / ${s.loginP95.toFixed(0)}`,
    unit: 'ms',
    budget: '≤ 300 ms p50',
    pass: s.loginP50 <= 300,
  });
}

/** `BENCH_ONLY=sign-in`: the production scheme on a server of its own, the sign-in figures alone. */
async function signInOnly(started: number): Promise<void> {
  const report = new Report();
  console.log('\nSign-in at the production password scheme (✓ within budget, ✗ over):');
  const server = startDevServer(port, persistTo, ['--inspector-port', String(inspectorPort)]);
  try {
    await waitForHealth(server, url);
    await quietNetwork(inspectorPort);
    const slug = 'bench-masuk';
    await onboard(url, await mintToken({ role: 'national_admin', ttl: '1h' }), benchManifest(slug, 1, 1));
    await measureSignInStep(report, slug, await mintToken({ role: 'tenant_admin', tenant: slug, ttl: '1h' }), productionScheme);
  } finally {
    await server.stop('SIGTERM');
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  await report.write(new URL('bench/results/', repoRoot), { date: new Date().toISOString(), seconds, node: process.version }, 'sign-in');
  console.log(`\nDone in ${seconds} s. Written to bench/results/sign-in.json and sign-in.md.`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
