/**
 * The needs-totals trigger migrations are generated (scripts/generate-needs-triggers.ts) from the
 * competency types; each committed one must be exactly the generator's output for the types it was
 * made for, so a hand edit of the SQL, or a change to the generator or the types without a new
 * migration, fails here. Adding a type: see the generator's header.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { needsTriggersMigration } from '../../scripts/generate-needs-triggers';
import { competencyTypes } from '../../src/db/schema/competencies';

const migrations = new URL('../../migrations/', import.meta.url);

/**
 * Every needs-triggers migration, oldest first, with the type list it was generated from. The
 * newest is generated from the schema's `competencyTypes`; an older one keeps its own list.
 */
const generated: { tag: string; types: readonly string[]; recreate: boolean }[] = [
  { tag: '0012_needs_triggers', types: competencyTypes, recreate: false },
];

/** Where two texts first differ: line, column and the text around it (the files are 100 KB). */
function firstDifference(expected: string, actual: string): string {
  let i = 0;
  while (i < expected.length && expected[i] === actual[i]) i++;
  if (i === expected.length && i === actual.length) return 'no difference';
  const line = expected.slice(0, i).split('\n').length;
  const column = i - expected.lastIndexOf('\n', i - 1);
  const around = (text: string) => JSON.stringify(text.slice(Math.max(0, i - 60), i + 60));
  return `first difference at line ${line}, column ${column}:\n  generated: ${around(expected)}\n  committed: ${around(actual)}`;
}

describe('needs-totals trigger migrations', () => {
  for (const { tag, types, recreate } of generated) {
    it(`${tag}.sql is the generator's output for ${types.join(', ')}`, () => {
      const committed = readFileSync(new URL(`${tag}.sql`, migrations), 'utf8');
      const expected = needsTriggersMigration(types, { recreate });
      // Not toBe: a 100 KB string diff is unreadable; the message names the first differing line.
      expect(
        committed === expected,
        `${tag}.sql is not what the generator writes: undo a hand edit of it; after a change to the generator or the types, add a new migration (see scripts/generate-needs-triggers.ts), never rewrite an applied one; ${firstDifference(expected, committed)}`,
      ).toBe(true);
    });
  }

  it('the newest needs-triggers migration is generated from the schema types', () => {
    const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', migrations), 'utf8')) as { entries: { tag: string }[] };
    const tags = journal.entries.map((e) => e.tag).filter((tag) => tag.includes('needs_triggers'));
    expect(tags).toEqual(generated.map((g) => g.tag));
    expect(generated.at(-1)?.types).toBe(competencyTypes);
  });

  it('writes one column group and one filter per type, and never CASE', () => {
    const sql = needsTriggersMigration([...competencyTypes, 'budaya']);
    expect(sql).toContain('top_weighted_gap_budaya = iif(pairs_budaya = 0,');
    expect(sql).toContain("AND c2.type = 'budaya'))))");
    expect(sql.replace(/^--.*$/gm, '')).not.toMatch(/\bCASE\b/i);
    const recreated = needsTriggersMigration(competencyTypes, { recreate: true });
    const created = [...recreated.matchAll(/^CREATE TRIGGER (\w+)/gm)].map((m) => m[1]);
    const dropped = [...recreated.matchAll(/^DROP TRIGGER IF EXISTS (\w+);/gm)].map((m) => m[1]);
    expect(created).toHaveLength(10);
    expect(dropped).toEqual(created);
    expect(() => needsTriggersMigration(["teknis'"])).toThrow();
  });
});
