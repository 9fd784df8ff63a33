/**
 * The drizzle schema (src/db/schema) and the committed migrations agree: `drizzle-kit generate`
 * over a copy of migrations/ finds nothing to migrate. A schema change without its migration (or
 * a hand-edited snapshot) fails here, with the SQL drizzle-kit would have written. Runs the
 * installed drizzle-kit, offline, on a temporary copy, so the working tree is never touched; it
 * assumes nothing about which migrations exist.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../drizzle.config';

const root = fileURLToPath(new URL('../..', import.meta.url));
const drizzleKit = join(root, 'node_modules/.bin/drizzle-kit');

/** Every file under `dir`, relative to it, with its content. */
function filesOf(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), readFileSync(path, 'utf8'));
  }
  return files;
}

/**
 * drizzle-kit's output for a failure message: without its per-table summary, and quoted, since
 * vitest reads lines like "at fn (file:1:2)" in a message as a stack trace and chokes on
 * drizzle-kit's bundle.
 */
const said = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\S+ \d+ columns \d+ indexes \d+ fks$/.test(line))
    .map((line) => `  | ${line}`)
    .join('\n');

function run(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    // stdin closed: should drizzle-kit ever ask (a rename?), it must fail, not wait.
    const child = execFile(
      command,
      args,
      { cwd, timeout: 60_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: said(`${stdout}\n${stderr}`) });
      },
    );
    child.stdin?.end();
  });
}

const temp = mkdtempSync(join(tmpdir(), 'bangkom-drizzle-drift-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('drizzle schema and migrations', () => {
  it('drizzle-kit generate finds no change', { timeout: 90_000 }, async () => {
    const committed = resolve(root, config.out ?? 'drizzle');
    const copy = join(temp, 'migrations');
    cpSync(committed, copy, { recursive: true });
    const schema = (Array.isArray(config.schema) ? config.schema : [config.schema])
      .filter((s): s is string => typeof s === 'string')
      .map((s) => resolve(root, s));
    // drizzle-kit reads `out` relative to its working directory (it prefixes './'), so run it in
    // the temporary directory. The config is plain data: no import of drizzle-kit from /tmp.
    writeFileSync(join(temp, 'drizzle.config.json'), JSON.stringify({ ...config, schema, out: './migrations' }));
    const before = filesOf(copy);

    const { code, output } = await run(drizzleKit, ['generate', '--config', 'drizzle.config.json'], temp);

    const after = filesOf(copy);
    const changed = [...after].filter(([path, text]) => before.get(path) !== text).map(([path]) => path);
    const written = changed.filter((path) => path.endsWith('.sql')).map((path) => `-- ${path}\n${after.get(path)}`);
    expect(
      changed,
      `the schema and migrations/ disagree; npm run db:generate would write:\n${written.join('\n')}\ndrizzle-kit said:\n${output}`,
    ).toEqual([]);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    // drizzle-kit exits 0 even when it fails (a missing snapshot, say), so read what it said.
    expect(code, `drizzle-kit said:\n${output}`).toBe(0);
    // A renamed table or column makes drizzle-kit ask, which it cannot here: run npm run db:generate in a terminal.
    expect(output, `drizzle-kit said:\n${output}`).toContain('No schema changes, nothing to migrate');
    expect(output, `drizzle-kit said:\n${output}`).not.toMatch(/\berror\b/i);
  });
});
