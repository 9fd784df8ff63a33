/**
 * The import-boundary checker (scripts/lint/boundaries.ts) on small trees written to a temp
 * directory: what it must report, what it must let through, and the CLI's output and exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBoundaries, formatViolation } from '../../scripts/lint/boundaries';

const script = fileURLToPath(new URL('../../scripts/lint/boundaries.ts', import.meta.url));
const roots: string[] = [];

/** Writes `files` (path relative to the root → content) under a fresh temp root. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'boundaries-'));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

const lines = (root: string) => checkBoundaries(root).map(formatViolation);

/** Two modules with front doors and inner files, used by most cases. */
const modules = {
  'src/modules/catalog/index.ts': "export { offerings } from './offerings';\n",
  'src/modules/catalog/offerings.ts': 'export const offerings = 1;\n',
  'src/modules/competencies/index.ts': "export { gaps } from './gaps';\n",
  'src/modules/competencies/gaps.ts': 'export const gaps = 2;\n',
  'src/modules/competencies/needs/index.ts': "export { totals } from './totals';\n",
  'src/modules/competencies/needs/totals.ts': 'export const totals = 3;\n',
  'src/platform/ids.ts': 'export const id = 4;\n',
};

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('import boundaries', () => {
  it("reports a module importing another module's inner file, with file, line and target", () => {
    const root = tree({
      ...modules,
      'src/modules/plans/service.ts':
        "import { id } from '../../platform/ids';\nimport { offerings } from '../catalog/offerings';\nexport const x = [id, offerings];\n",
    });
    expect(lines(root)).toEqual([
      'src/modules/plans/service.ts:2: imports src/modules/catalog/offerings.ts (inner file of module catalog; import from its index.ts)',
    ]);
  });

  it('lets a module import another through its index.ts, however the path is written', () => {
    const root = tree({
      ...modules,
      'src/modules/plans/service.ts': [
        "import { offerings } from '../catalog';",
        "import { offerings as o2 } from '../catalog/index';",
        "import { offerings as o3 } from '../catalog/index.ts';",
        "import { offerings as o4 } from '../catalog/index.js';",
        "export { gaps } from '../competencies';",
        'export const x = [offerings, o2, o3, o4];',
      ].join('\n'),
      'src/modules/plans/deep/worker.ts': "import { gaps } from '../../competencies/index';\nexport const y = gaps;\n",
    });
    expect(lines(root)).toEqual([]);
  });

  it('lets a front door named before its index.ts exists through (the type checker reports the missing file)', () => {
    const root = tree({ 'src/modules/plans/service.ts': "import { x } from '../catalog';\nexport const y = x;\n" });
    expect(lines(root)).toEqual([]);
  });

  it("lets a module import its own inner files, sub-folders included, and its sub-folders' indexes", () => {
    const root = tree({
      ...modules,
      'src/modules/competencies/routes.ts':
        "import { gaps } from './gaps';\nimport { totals } from './needs';\nexport const r = [gaps, totals];\n",
      'src/modules/competencies/needs/routes.ts':
        "import { gaps } from '../gaps';\nimport { totals } from './totals';\nexport const r = [gaps, totals];\n",
    });
    expect(lines(root)).toEqual([]);
  });

  it("counts a module's sub-folder, index.ts included, as inner", () => {
    const root = tree({
      ...modules,
      'src/modules/plans/service.ts': "import { totals } from '../competencies/needs';\nexport const x = totals;\n",
    });
    expect(lines(root)).toEqual([
      'src/modules/plans/service.ts:1: imports src/modules/competencies/needs/index.ts (inner file of module competencies; import from its index.ts)',
    ]);
  });

  it('reports platform and db code importing from a module, even through its index.ts', () => {
    const root = tree({
      ...modules,
      'src/platform/http/problems.ts': "import { gaps } from '../../modules/competencies/gaps';\nexport const p = gaps;\n",
      'src/platform/tenancy/directory.ts': "import { offerings } from '../../modules/catalog';\nexport const d = offerings;\n",
      'src/db/schema/plans.ts': "import type { gaps } from '../../modules/competencies/index';\nexport type T = typeof gaps;\n",
    });
    expect(lines(root)).toEqual([
      'src/db/schema/plans.ts:1: imports src/modules/competencies/index.ts (src/db must not import from src/modules)',
      'src/platform/http/problems.ts:1: imports src/modules/competencies/gaps.ts (src/platform must not import from src/modules)',
      'src/platform/tenancy/directory.ts:1: imports src/modules/catalog/index.ts (src/platform must not import from src/modules)',
    ]);
  });

  it('holds src/app.ts and the other files outside modules to the front doors too', () => {
    const root = tree({
      ...modules,
      'src/app.ts':
        "import { offerings } from './modules/catalog';\nimport { gaps } from './modules/competencies/gaps';\nexport const a = [offerings, gaps];\n",
    });
    expect(lines(root)).toEqual([
      'src/app.ts:2: imports src/modules/competencies/gaps.ts (inner file of module competencies; import from its index.ts)',
    ]);
  });

  it('sees every form of import, and nothing in comments or strings', () => {
    const root = tree({
      ...modules,
      'src/modules/plans/forms.ts': [
        '// import { offerings } from "../catalog/offerings";',
        'const text = "import { gaps } from \'../competencies/gaps\'";',
        "import type { offerings } from '../catalog/offerings';",
        "export * from '../competencies/gaps';",
        "export type Totals = typeof import('../competencies/needs/totals');",
        "export const later = () => import('../catalog/offerings.js');",
        "import '../catalog/offerings';",
        'export const t: typeof offerings = 1;',
        'export { text };',
      ].join('\n'),
    });
    expect(checkBoundaries(root).map((v) => `${v.line} ${v.target}`)).toEqual([
      '3 src/modules/catalog/offerings.ts',
      '4 src/modules/competencies/gaps.ts',
      '5 src/modules/competencies/needs/totals.ts',
      '6 src/modules/catalog/offerings.ts',
      '7 src/modules/catalog/offerings.ts',
    ]);
  });

  it('does not read tests, which may import anything', () => {
    const root = tree({
      ...modules,
      'test/modules/catalog.test.ts': "import { offerings } from '../../src/modules/catalog/offerings';\nexport const t = offerings;\n",
    });
    expect(lines(root)).toEqual([]);
  });

  describe('the command', () => {
    const run = (root: string) => spawnSync(process.execPath, ['--import', 'tsx', script, root], { encoding: 'utf8' });

    it('prints each violation and exits 1 when there is one', () => {
      const root = tree({
        ...modules,
        'src/modules/plans/service.ts': "import { gaps } from '../competencies/gaps';\nexport const x = gaps;\n",
      });
      const result = run(root);
      expect(result.stdout).toBe(
        'src/modules/plans/service.ts:1: imports src/modules/competencies/gaps.ts (inner file of module competencies; import from its index.ts)\n',
      );
      expect(result.stderr).toContain('1 import boundary violation(s) in 1 file(s)');
      expect(result.status).toBe(1);
    }, 60_000);

    it('prints nothing and exits 0 on a tree that keeps to the rules', () => {
      const root = tree({
        ...modules,
        'src/modules/plans/service.ts': "import { gaps } from '../competencies';\nexport const x = gaps;\n",
      });
      const result = run(root);
      expect(result.stdout).toBe('');
      expect(result.status).toBe(0);
    }, 60_000);
  });
});
