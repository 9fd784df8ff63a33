/**
 * Import boundaries inside src/, checked from the import statements themselves (no type checking,
 * so it runs in well under a second):
 *
 *  - A module is a folder `src/modules/<m>/` with everything under it, sub-folders included. From
 *    outside a module (another module, or src/app.ts and the other files at the top of src/),
 *    the only way in is its front door `src/modules/<m>/index.ts`: `../<m>`, `../<m>/index`,
 *    `../../<m>/index.ts`. Inside a module, any file may import any other.
 *  - `src/platform/**` and `src/db/**` never import from `src/modules/**`, front doors included:
 *    modules build on the platform, never the other way round.
 *  - Everything outside src/ (tests, scripts, bench) may import anything, and is not read.
 *
 * Every relative specifier counts: `import`, `import type`, `export … from`, side-effect imports,
 * `import('…')` (in code or in a type) and `import x = require('…')`, all found with TypeScript's
 * own scanner (`ts.preProcessFile`), so comments and strings are never mistaken for imports.
 * Bare specifiers (packages) cannot reach into src/ and are skipped; so would be tsconfig `paths`
 * aliases, of which there are none.
 *
 * Usage: `tsx scripts/lint/boundaries.ts [root]` (root defaults to the current directory). Prints
 * one line per violation, `file:line: imports <target> (<reason>)`, and exits 1 if there is any.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface Violation {
  /** The importing file, relative to the root, with `/` separators. */
  file: string;
  line: number;
  /** The imported file (or, when nothing exists there, the path the specifier names), relative to the root. */
  target: string;
  specifier: string;
  reason: string;
}

const sourceExtensions = ['.ts', '.tsx', '.mts', '.cts'];
/** What TypeScript's bundler resolution maps a written `.js`-style extension to. */
const writtenExtensions: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

const toPosix = (p: string) => p.split(path.sep).join('/');

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The file a relative specifier resolves to the way the bundler resolution does, or undefined. */
function resolveSpecifier(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier.replace(/[?#].*$/, ''));
  const candidates = [base];
  const ext = path.extname(base);
  for (const replacement of writtenExtensions[ext] ?? []) candidates.push(base.slice(0, -ext.length) + replacement);
  for (const e of [...sourceExtensions, '.d.ts']) candidates.push(base + e);
  for (const e of sourceExtensions) candidates.push(path.join(base, `index${e}`));
  return candidates.find(isFile);
}

/** The module a path (relative to the root, `/`-separated) belongs to, if it lies inside one. */
function moduleOf(relPath: string): string | undefined {
  const m = /^src\/modules\/([^/]+)\/./.exec(relPath);
  return m?.[1];
}

/** Whether `relPath` (relative to the root) is the front door of module `m`, or names its folder. */
function isFrontDoor(relPath: string, m: string): boolean {
  const inside = relPath.slice(`src/modules/${m}/`.length);
  return relPath === `src/modules/${m}` || /^index(\.(ts|tsx|mts|cts|js|jsx|mjs|cjs))?$/.test(inside);
}

/** The 1-based line holding offset `pos`, given the offsets at which lines start. */
function lineOf(lineStarts: number[], pos: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (sourceExtensions.some((e) => entry.name.endsWith(e))) out.push(full);
  }
  return out.sort();
}

/** Checks every source file under `<root>/src`; answers the violations in file and line order. */
export function checkBoundaries(root: string): Violation[] {
  const absRoot = path.resolve(root);
  const violations: Violation[] = [];
  for (const file of sourceFiles(path.join(absRoot, 'src'))) {
    const rel = toPosix(path.relative(absRoot, file));
    const own = moduleOf(rel);
    const lowerLayer = rel.startsWith('src/platform/') || rel.startsWith('src/db/');
    const text = readFileSync(file, 'utf8');
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    for (const { fileName: specifier, pos } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') continue;
      const resolved = resolveSpecifier(file, specifier);
      const target = toPosix(path.relative(absRoot, resolved ?? path.resolve(path.dirname(file), specifier.replace(/[?#].*$/, ''))));
      const line = lineOf(lineStarts, pos);
      if (lowerLayer) {
        if (target !== 'src/modules' && !target.startsWith('src/modules/')) continue;
        const layer = rel.startsWith('src/platform/') ? 'src/platform' : 'src/db';
        violations.push({ file: rel, line, target, specifier, reason: `${layer} must not import from src/modules` });
        continue;
      }
      // A specifier naming a module's folder that holds no index.ts yet resolves to nothing; it
      // still means the front door (and the type checker reports the missing file).
      const targetModule = moduleOf(target) ?? (resolved === undefined ? /^src\/modules\/([^/]+)$/.exec(target)?.[1] : undefined);
      if (targetModule === undefined) continue;
      if (targetModule !== own && !isFrontDoor(target, targetModule)) {
        violations.push({
          file: rel,
          line,
          target,
          specifier,
          reason: `inner file of module ${targetModule}; import from its index.ts`,
        });
      }
    }
  }
  return violations;
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}: imports ${v.target} (${v.reason})`;
}

function main(): void {
  const root = process.argv[2] ?? process.cwd();
  const violations = checkBoundaries(root);
  for (const v of violations) console.log(formatViolation(v));
  if (violations.length > 0) {
    const files = new Set(violations.map((v) => v.file)).size;
    console.error(`${violations.length} import boundary violation(s) in ${files} file(s)`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
