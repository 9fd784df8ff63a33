/**
 * Chromium driven through the DevTools protocol's pipe with only the domains a timed page load
 * needs (Target, Storage, Page, Network, Emulation, and Runtime.evaluate without Runtime.enable).
 *
 * Why not through Playwright: Playwright enables the Runtime domain on every page, and with it V8
 * records a detailed stack trace (lines and columns) for every Error the page creates. React
 * creates five at start-up; each makes V8 re-parse every function on the stack to find its
 * positions, the console's whole bundle among them: half a second at 4× CPU throttling that no
 * visitor's browser spends. The page's own figures would include it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

interface Reply {
  id?: number;
  result?: unknown;
  error?: { message: string };
  method?: string;
  params?: unknown;
  sessionId?: string;
}

export interface BarePage {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** The next event of this name from the page. */
  nextEvent<T>(method: string): Promise<T>;
  /** Evaluates an expression in the page and answers its value (JSON-serialisable). */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export interface BareChromium {
  /** A fresh page in its own browser context (no shared cookies or cache). */
  newPage(): Promise<BarePage>;
  close(): Promise<void>;
}

/** The switches Playwright gives a headless Chromium that bear on a page's speed, so that the two browsers run pages alike. */
const asPlaywrightRunsIt = [
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-back-forward-cache',
  '--disable-ipc-flooding-protection',
  '--disable-hang-monitor',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--disable-breakpad',
  '--force-color-profile=srgb',
];

export async function launchBareChromium(executablePath: string, flags: readonly string[]): Promise<BareChromium> {
  const profile = await mkdtemp(join(tmpdir(), 'bangkom-bench-chromium-'));
  const child: ChildProcess = spawn(
    executablePath,
    [...flags, ...asPlaywrightRunsIt, '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const input = child.stdio[3] as Writable;
  const output = child.stdio[4] as Readable;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string }>();
  const listeners = new Map<string, (params: unknown) => void>();
  let buffered = '';
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const reply = JSON.parse(buffered.slice(0, end)) as Reply;
      buffered = buffered.slice(end + 1);
      if (reply.method) {
        const key = `${reply.sessionId ?? ''} ${reply.method}`;
        const listener = listeners.get(key);
        listeners.delete(key);
        listener?.(reply.params);
      }
      const pending = reply.id === undefined ? undefined : waiting.get(reply.id);
      if (!pending || reply.id === undefined) continue;
      waiting.delete(reply.id);
      if (reply.error) pending.reject(new Error(`${pending.method}: ${reply.error.message}`));
      else pending.resolve(reply.result);
    }
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
      input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  await send('Browser.getVersion');
  return {
    async newPage() {
      const { browserContextId } = await send<{ browserContextId: string }>('Target.createBrowserContext', { disposeOnDetach: true });
      const { targetId } = await send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', browserContextId });
      const { sessionId } = await send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
      const inPage = <T>(method: string, params?: Record<string, unknown>) => send<T>(method, params, sessionId);
      return {
        send: inPage,
        nextEvent: <T>(method: string) =>
          new Promise<T>((resolve) => listeners.set(`${sessionId} ${method}`, resolve as (params: unknown) => void)),
        async evaluate<T>(expression: string) {
          const answer = await inPage<{ result: { value?: T }; exceptionDetails?: { text: string } }>('Runtime.evaluate', {
            expression,
            returnByValue: true,
          });
          if (answer.exceptionDetails) throw new Error(`evaluate: ${answer.exceptionDetails.text}`);
          return answer.result.value as T;
        },
        async close() {
          await send('Target.disposeBrowserContext', { browserContextId });
        },
      };
    },
    async close() {
      // Closed through the protocol, so that Chromium's helper processes finish with the profile
      // before it is removed; still writing, they leave it not empty for a moment (ENOTEMPTY).
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await send('Browser.close').catch(() => child.kill());
      await exited;
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
