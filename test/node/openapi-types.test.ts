/**
 * types/openapi.d.ts, the types the test client (and a web client) reads responses with, is
 * generated from the OpenAPI document the Worker serves (scripts/openapi-types.ts). A route or
 * schema changed without regenerating it fails here, as does a hand edit of the file. In Node,
 * like the generator: openapi-typescript runs on the TypeScript compiler.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiTypes, apiTypesFile } from '../../scripts/openapi-types';

/** Where two texts first differ: line and the lines there (the file is 470 KB). */
function firstDifference(expected: string, actual: string): string {
  const want = expected.split('\n');
  const have = actual.split('\n');
  const line = want.findIndex((text, i) => text !== have[i]);
  const at = line === -1 ? want.length : line;
  return `first difference at line ${at + 1}:\n  generated: ${JSON.stringify(want[at] ?? '(end of file)')}\n  committed: ${JSON.stringify(have[at] ?? '(end of file)')}`;
}

describe('OpenAPI types', () => {
  it('types/openapi.d.ts is what npm run api:types writes for the current routes', { timeout: 120_000 }, async () => {
    const expected = await apiTypes();
    let committed = '';
    try {
      committed = readFileSync(apiTypesFile, 'utf8');
    } catch {
      // Missing: the comparison below says so, with the command that writes it.
    }
    // Not toBe: a diff of a 470 KB string is unreadable; the message names the first differing line.
    expect(
      committed === expected,
      `${fileURLToPath(apiTypesFile)} does not match the OpenAPI document the Worker serves: run \`npm run api:types\` and commit the result; ${firstDifference(expected, committed)}`,
    ).toBe(true);
  });
});
