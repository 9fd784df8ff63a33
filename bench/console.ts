/**
 * `npm run bench:console` (and the end of `npm run bench`): the console's budgets (SPEC 16).
 *
 * - **First screen's JavaScript, gzip**: every script the browser fetches until the employee's
 *   Beranda is usable (the entry and the chunks it loads on the way), each gzipped at level 9
 *   from the built file, summed. Budget 250 KB. The console is built first, as `npm start` builds it.
 * - **Time until Beranda is usable** in Chromium under DevTools' "Fast 4G" (9 Mbit/s down,
 *   1.5 Mbit/s up, 165 ms latency) and 4× CPU throttling, against the local Worker with the demo
 *   data: from the navigation until the gap chart, the JP figure and the recommendations are on
 *   screen (their data loaded), read in the page itself: the frame that shows them painted. The employee signed in before (through the sign-in screen,
 *   unthrottled), so the load renews its session through the refresh cookie first, as a returning
 *   person's does. Median of 5 cold loads (cache disabled). Budget 2.5 s.
 * - Besides, without budgets: the machine's own speed (a fixed script in an unthrottled page; the
 *   throttling is relative to the machine, so the figure above moves with it) and Beranda at 8× CPU,
 *   what a device twice as slow would see: the room the budget's figure leaves.
 *
 * `--trace` prints each run's requests (start → end, ms from the navigation): where the time goes.
 * `--profile` prints where each run's main thread spent its time (CPU profile self time by script
 * and by function, throttled). `--timeline` prints the main thread's trace events summed by name,
 * and its long tasks in order (start, length, what ran in them).
 *
 * Uses the journeys' harness (web/e2e/harness.ts): its own temporary D1, the demo region, Chromium.
 * Writes bench/results/console.json and console.md.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildConsole } from '../scripts/build-console';
import type { DemoAccount } from '../scripts/lib/demo-accounts';
import { adminCall, chromiumFlags, chromiumPath, demoAccount, fillSignIn, type Stack, startStack } from '../web/e2e/harness';
import { type BareChromium, type BarePage, launchBareChromium } from './lib/bare-chromium';
import { Report } from './lib/report';

const assets = fileURLToPath(new URL('../dist/public/', import.meta.url));
const fast4g = { offline: false, downloadThroughput: (9_000_000 / 8) * 0.9, uploadThroughput: (1_500_000 / 8) * 0.9, latency: 60 * 2.75 };
const runs = 5;
/** The budget's CPU throttling, and twice it: what a device half as fast as this machine would see. */
const budgetRate = 4;
const marginRate = 8;
const marginRuns = 3;

async function main(): Promise<void> {
  // The build measured is the one `npm start` serves, made here rather than whatever dist/ holds.
  console.log(`console built in ${await buildConsole('development')} s`);
  const stack = await startStack((line) => console.log(line));
  const report = new Report();
  try {
    const employees = await adminCall<{ items: { id: string }[] }>(stack, 'GET', '/employees?limit=1');
    const employeeId = employees.items[0]?.id;
    if (!employeeId) throw new Error('the demo region has no employee');
    const account = await demoAccount(stack, { role: 'employee', employeeId });
    const times: number[] = [];
    const marginTimes: number[] = [];
    let scripts = new Set<string>();
    let hostWork = Number.NaN;
    const bare = await launchBareChromium(chromiumPath, chromiumFlags);
    try {
      hostWork = await fixedWork(bare);
      for (let run = 0; run < runs; run++) {
        const loaded = await timedLoad(stack, account, bare, run, budgetRate);
        times.push(loaded.usable);
        scripts = loaded.scripts;
      }
      for (let run = 0; run < marginRuns; run++) marginTimes.push((await timedLoad(stack, account, bare, run, marginRate)).usable);
    } finally {
      await bare.close();
    }
    let gzipBytes = 0;
    for (const path of scripts) gzipBytes += gzipSync(await readFile(join(assets, path)), { level: 9 }).length;
    const median = middle(times);
    report.add({
      section: 'console',
      name: 'host: fixed script, unthrottled (median of 5)',
      value: hostWork,
      unit: 'ms',
    });
    report.add({
      section: 'console',
      name: `first screen JavaScript, gzip (${scripts.size} files)`,
      value: gzipBytes / 1024,
      unit: 'KB',
      budget: '≤ 250 KB',
      pass: gzipBytes <= 250 * 1024,
    });
    report.add({
      section: 'console',
      name: 'Beranda usable, Fast 4G + 4× CPU (median of 5)',
      value: median / 1000,
      unit: 's',
      budget: '≤ 2.5 s',
      pass: median <= 2500,
    });
    // No budget: how much room the budget's figure leaves, on a device twice as slow as this machine.
    report.add({
      section: 'console',
      name: `Beranda usable, Fast 4G + ${marginRate}× CPU (median of ${marginRuns})`,
      value: middle(marginTimes) / 1000,
      unit: 's',
    });
    await report.write(
      new URL('results/', import.meta.url),
      {
        date: new Date().toISOString(),
        node: process.version,
        runs: times.map((t) => Math.round(t)),
        [`runs at ${marginRate}×`]: marginTimes.map((t) => Math.round(t)),
      },
      'console',
    );
  } finally {
    await stack.stop();
  }
}

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * The machine's own speed, so that the throttled figures can be read against it (DevTools'
 * throttling slows the page relative to the machine it runs on): a fixed piece of script (sorting,
 * string building, object churn) run five times in an unthrottled blank page, the median in ms.
 */
async function fixedWork(bare: BareChromium): Promise<number> {
  const page = await bare.newPage();
  try {
    return await page.evaluate<number>(`(() => {
      const times = [];
      for (let round = 0; round < 5; round++) {
        const started = performance.now();
        let seed = 20261130;
        const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
        const numbers = Array.from({ length: 200000 }, next).sort((a, b) => a - b);
        const parts = [];
        for (let i = 0; i < 100000; i++) parts.push({ key: 'k' + (numbers[i] % 997), value: i });
        const grouped = new Map();
        for (const { key, value } of parts) grouped.set(key, (grouped.get(key) ?? 0) + value);
        if (grouped.size === 0) throw new Error('no work done');
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[2];
    })()`);
  } finally {
    await page.close();
  }
}

/**
 * One cold load of Beranda by a returning employee: signed in through the sign-in screen in
 * Playwright (unthrottled), the refresh cookie handed to a bare page (lib/bare-chromium.ts), which
 * then loads `/` under Fast 4G and `rate`× CPU throttling with the cache disabled. Answers the
 * page's own `bangkom:usable` mark and the scripts it fetched.
 */
async function timedLoad(
  stack: Stack,
  account: DemoAccount,
  bare: BareChromium,
  run: number,
  rate: number,
): Promise<{ usable: number; scripts: Set<string> }> {
  const context = await stack.browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'id-ID' });
  const first = await context.newPage();
  await first.goto(`${stack.url}/masuk`);
  await fillSignIn(first, account);
  await first.getByTestId('gap-row').first().waitFor({ timeout: 60_000 });
  const cookies = await context.cookies();
  await context.close();

  const page = await bare.newPage();
  try {
    await page.send('Network.enable');
    await page.send('Network.setCookies', {
      cookies: cookies.map(({ expires, ...cookie }) => (expires > 0 ? { ...cookie, expires } : cookie)),
    });
    await page.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.send('Network.emulateNetworkConditions', fast4g);
    await page.send('Emulation.setDeviceMetricsOverride', { width: 360, height: 780, deviceScaleFactor: 1, mobile: false });
    await page.send('Emulation.setLocaleOverride', { locale: 'id-ID' });
    await page.send('Emulation.setCPUThrottlingRate', { rate });
    await page.send('Page.enable');
    await page.send('Page.addScriptToEvaluateOnNewDocument', { source: watchUsable });
    const profiling = process.argv.includes('--profile');
    if (profiling) {
      await page.send('Profiler.enable');
      await page.send('Profiler.start');
    }
    const timeline = process.argv.includes('--timeline');
    if (timeline)
      await page.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: traceCategories } });
    await page.send('Page.navigate', { url: `${stack.url}/` });
    const usable = await usableMark(page, run);
    if (profiling) printProfile((await page.send<{ profile: CpuProfile }>('Profiler.stop')).profile);
    if (timeline) {
      const events = await readTrace(page);
      printTimeline(events);
      printLongTasks(events, `${stack.url}/`);
    }
    const resources = await page.evaluate<{ name: string; start: number; end: number }[]>(
      "performance.getEntriesByType('resource').map((r) => ({ name: r.name, start: Math.round(r.startTime), end: Math.round(r.responseEnd) }))",
    );
    if (process.argv.includes('--trace')) {
      const marks = await page.evaluate<[string, number][]>(
        "performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])",
      );
      console.log(`run ${run + 1} at ${rate}×: ${Math.round(usable)} ms; ${marks.map(([name, at]) => `${name} ${at}`).join(', ')}`);
      for (const r of resources) {
        const { pathname, search } = new URL(r.name);
        console.log(`  ${String(r.start).padStart(6)} → ${String(r.end).padStart(6)} ms  ${pathname}${search}`);
      }
    }
    // The first screen's scripts: those asked for before it was usable (the rest come after).
    const before = resources.filter((r) => r.start < usable).map((r) => new URL(r.name).pathname);
    return { usable, scripts: new Set(before.filter((path) => path.endsWith('.js'))) };
  } finally {
    await page.close();
  }
}

/** The page's `bangkom:usable` mark, asked for rarely: the bench's questions run on the page's throttled thread too. */
async function usableMark(page: BarePage, run: number): Promise<number> {
  for (let waited = 0; waited <= 60_000; waited += 500) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const usable = await page.evaluate<number | null>("performance.getEntriesByName('bangkom:usable')[0]?.startTime ?? null");
    if (usable !== null) return usable;
  }
  throw new Error(`run ${run + 1}: Beranda was not usable within 60 s`);
}

/**
 * Runs in the page before its own scripts: watches the document for the three things that make
 * Beranda usable (a gap row, the JP figure, a recommendation) and marks `bangkom:usable` once the
 * frame that shows them has been painted (the task after the next animation frame). Read in the page,
 * from the navigation's start, without the bench's own round trips to the browser in the figure.
 * A string, not a function: the page gets it as written (a compiled function may call helpers
 * that only exist here).
 */
const watchUsable = `
  const shown = () =>
    document.querySelector('[data-testid="gap-row"]') !== null &&
    /dari \\d+ JP/.test(document.body.textContent ?? '') &&
    document.querySelector('section[aria-labelledby="recommendations-title"] article') !== null;
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.mark('bangkom:usable');
      channel.port2.postMessage(null);
    });
  });
  // The main thread's long tasks, seen by the page itself (--trace prints them).
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) performance.mark('long-task ' + Math.round(task.duration), { startTime: task.startTime });
  }).observe({ type: 'longtask' });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document.body, { childList: true, subtree: true, characterData: true }),
  );
`;

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading'];

interface TraceEvent {
  name: string;
  ph: string;
  /** Start, µs on the trace's clock. */
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the work cost, whatever else the machine was doing. */
  tdur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { url?: string }; fileName?: string };
}

/** The page's renderer main thread: the busiest CrRendererMain in the trace. */
function pageMainThread(events: TraceEvent[]): string | undefined {
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const busy = new Map<string, number>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (mains.has(thread) && e.ph === 'X' && e.name === 'RunTask') busy.set(thread, (busy.get(thread) ?? 0) + (e.dur ?? 0));
  }
  return [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
}

async function readTrace(page: BarePage): Promise<TraceEvent[]> {
  const complete = page.nextEvent<{ stream?: string }>('Tracing.tracingComplete');
  await page.send('Tracing.end');
  const handle = (await complete).stream ?? '';
  let text = '';
  for (;;) {
    const chunk = await page.send<{ data: string; base64Encoded?: boolean; eof?: boolean }>('IO.read', { handle });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await page.send('IO.close', { handle });
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? (parsed as TraceEvent[]) : (parsed as { traceEvents: TraceEvent[] }).traceEvents;
}

/** The renderer's main thread: total duration per event name (nested events count in both). */
function printTimeline(events: TraceEvent[]): void {
  const thread = pageMainThread(events);
  const byName = new Map<string, [number, number]>();
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== thread || e.ph !== 'X' || !e.dur) continue;
    const [wall, cpu] = byName.get(e.name) ?? [0, 0];
    byName.set(e.name, [wall + e.dur / 1000, cpu + (e.tdur ?? 0) / 1000]);
  }
  const lines = [...byName]
    .sort((a, b) => b[1][1] - a[1][1])
    .slice(0, 30)
    .map(([k, [wall, cpu]]) => `\n    ${String(Math.round(cpu)).padStart(6)} ms cpu ${String(Math.round(wall)).padStart(6)} ms wall  ${k}`);
  console.log('  main thread by trace event (cpu: unthrottled thread time):', ...lines);
}

/** What inside a long task is worth naming: script by file, and the rendering steps. */
const named = new Set([
  'v8.compileModule',
  'v8.evaluateModule',
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'ParseHTML',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'MajorGC',
  'MinorGC',
  'ParseAuthorStyleSheet',
  'RunMicrotasks',
  'TimerFire',
  'FireAnimationFrame',
  'v8.produceModuleCache',
  'HandlePostMessage',
]);

/**
 * The main thread's tasks of 30 ms or more in the order they ran, from the document's request:
 * start, wall and thread time, and the named steps inside them (nested steps count in both).
 */
function printLongTasks(events: TraceEvent[], pageUrl: string): void {
  const thread = pageMainThread(events);
  const origin = events.find((e) => e.name === 'ResourceSendRequest' && e.args?.data?.url === pageUrl)?.ts;
  if (!thread || origin === undefined) return;
  const onThread = events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts);
  const lines: string[] = [];
  for (const task of onThread) {
    if (task.name !== 'RunTask' || (task.dur ?? 0) < 30_000 || task.ts < origin) continue;
    const end = task.ts + (task.dur ?? 0);
    const inside = new Map<string, number>();
    for (const e of onThread) {
      if (e.ts < task.ts || e.ts >= end || !named.has(e.name)) continue;
      const url = e.args?.data?.url ?? e.args?.fileName;
      const key = url ? `${e.name} ${url.replace(/^https?:\/\/[^/]+/, '')}` : e.name;
      inside.set(key, (inside.get(key) ?? 0) + (e.dur ?? 0) / 1000);
    }
    const parts = [...inside]
      .filter(([, ms]) => ms >= 5)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, ms]) => `${k} ${Math.round(ms)}`);
    lines.push(
      `\n    ${String(Math.round((task.ts - origin) / 1000)).padStart(6)} ms +${String(Math.round((task.dur ?? 0) / 1000)).padStart(5)} (cpu ${String(Math.round((task.tdur ?? 0) / 1000)).padStart(4)})  ${parts.join(' · ')}`,
    );
  }
  console.log('  long tasks (from the document request; wall, throttled):', ...lines);
}

/** Self time per script and the heaviest functions, from a CPU profile's samples. */
function printProfile(profile: CpuProfile): void {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = frames.get(samples[i] ?? -1);
    const ms = (deltas[i + 1] ?? 0) / 1000;
    if (!frame) continue;
    const script = frame.url ? new URL(frame.url).pathname : `(${frame.functionName || 'native'})`;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    const fn = `${frame.functionName || '(anonymous)'} ${script}:${frame.lineNumber}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `    ${String(Math.round(v)).padStart(6)} ms  ${k}`);
  console.log('  self time by script:', ...top(byScript, 12).map((l) => `\n${l}`));
  console.log('  heaviest functions:', ...top(byFunction, 15).map((l) => `\n${l}`));
}

await main();
