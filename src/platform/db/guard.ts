/**
 * Aborting a D1 batch on purpose. D1 has no interactive transactions, so a write that must not
 * happen unless something still holds (a seat is free, the place is still enrolled, the version
 * is the one read) puts a guard into its own batch: a statement that aborts the whole batch when
 * its condition fails, with a tagged message the platform turns into a problem. No service
 * matches SQLite's error text: `guardFailure` is the one place that reads it.
 *
 * The statement inserts into `batch_guards`, whose trigger always raises
 * `bangkom_guard:<code>:<detail>` (migration 0013), and it inserts only when the condition is not
 * true, so a passing guard writes nothing. https://www.sqlite.org/lang_createtrigger.html#raise
 */
import { type SQL, sql } from 'drizzle-orm';
import type { DrizzleD1Database } from 'drizzle-orm/d1';
import { batchGuards } from '../../db/schema';
import { DomainError, type ProblemCode, problemCodes } from '../errors';
import { messageChain } from './constraints';

const tag = 'bangkom_guard:';

/** A statement that aborts its batch with `code` and `detail` unless `condition` is true (NULL fails). */
export function guardStatement(orm: DrizzleD1Database, condition: SQL, code: ProblemCode, detail: string) {
  return orm.insert(batchGuards).select(sql`select ${code} as code, ${detail} as detail where not coalesce((${condition}), 0)`);
}

/** The guard that aborted a batch, as the problem it stands for; undefined for any other error. */
export function guardFailure(err: unknown): DomainError | undefined {
  const message = messageChain(err);
  const at = message.indexOf(tag);
  if (at < 0) return undefined;
  const rest = message.slice(at + tag.length);
  const colon = rest.indexOf(':');
  const code = rest.slice(0, colon);
  if (colon < 0 || !(code in problemCodes)) return undefined;
  // SQLite appends its own words after the message (": SQLITE_CONSTRAINT …"); the detail ends before them.
  const detail =
    rest
      .slice(colon + 1)
      .replace(/: SQLITE_CONSTRAINT.*$/s, '')
      .split(' | ')[0] ?? '';
  return new DomainError(code as ProblemCode, detail);
}
