/**
 * Running wrangler for `npm start`: local D1 migrations, and `wrangler dev` as a child that is
 * quiet while the server starts (its output is kept to explain a failure) and streams once ready.
 * Wrangler runs in its own process group so that stopping it also stops the workerd it spawned;
 * nothing here may leave a workerd behind.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './dev-keys';

const cwd = fileURLToPath(repoRoot);
// Wrangler must neither phone home nor wait for an answer on a prompt; Miniflare takes request.cf
// from its built-in fallback instead of downloading it.
const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** `--persist-to` keeps a separate local state (the benchmarks' own databases). */
const persistArgs = (persistTo?: string) => (persistTo ? ['--persist-to', persistTo] : []);

/** Applies pending migrations to one local D1 binding; answers a short summary. */
export async function applyLocalMigrations(binding: string, persistTo?: string): Promise<string> {
  const args = ['wrangler', 'd1', 'migrations', 'apply', binding, '--local', ...persistArgs(persistTo)];
  const { code, output } = await run(args, { ...quietEnv, CI: 'true' });
  if (code !== 0) throw new Error(`wrangler d1 migrations apply ${binding} --local failed:\n${output}`);
  if (output.includes('No migrations to apply')) return `${binding}: up to date`;
  // Wrangler redraws its status table as it goes, so a name can appear more than once.
  const applied = new Set([...output.matchAll(/│\s*(\S+\.sql)\s*│\s*✅/g)].map((m) => m[1]));
  return `${binding}: applied ${[...applied].join(', ') || 'migrations'}`;
}

export interface DevServer {
  /** Resolves with wrangler's exit code (128 + signal number when a signal ended it). */
  exited: Promise<number>;
  /** From now on, wrangler's output goes to the terminal, each line prefixed. */
  stream(): void;
  /** The last lines wrangler printed, for an error message. */
  recentOutput(): string;
  /** Forwards the signal, then kills the group if wrangler has not gone within 10 s. */
  stop(signal: NodeJS.Signals): Promise<number>;
}

export function startDevServer(port: number, persistTo?: string, extraArgs: string[] = []): DevServer {
  const child = spawn('npx', ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), ...persistArgs(persistTo), ...extraArgs], {
    cwd,
    env: quietEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const recent: string[] = [];
  let streaming = false;

  const follow = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) =>
    createInterface({ input: stream }).on('line', (line) => {
      recent.push(line);
      if (recent.length > 200) recent.shift();
      if (streaming) out.write(`wrangler │ ${line}\n`);
    });
  if (child.stdout) follow(child.stdout, process.stdout);
  if (child.stderr) follow(child.stderr, process.stderr);

  // The group outlives its leader (npx) while workerd is still in it, so it is signalled even
  // after the leader has exited.
  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };
  // Last resort if this process ends without a signal (an uncaught error): never orphan workerd.
  process.on('exit', () => killGroup('SIGKILL'));

  const exited = new Promise<number>((resolve) => {
    child.on('error', (err) => {
      recent.push(`could not start wrangler: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      resolve(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1));
    });
  });

  return {
    exited,
    stream: () => {
      streaming = true;
    },
    recentOutput: () => recent.join('\n'),
    async stop(signal) {
      killGroup(signal);
      const timer = setTimeout(() => killGroup('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      killGroup('SIGKILL');
      return code;
    },
  };
}

/** Polls `/health` until it answers 200; fails early if wrangler exits first. */
export async function waitForHealth(server: DevServer, url: string, timeoutMs = 90_000): Promise<void> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone) {
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(gone ? 'wrangler dev exited before the server was up' : `${url}/health did not answer 200 within ${timeoutMs / 1000} s`);
}
