/**
 * Lets the database decide races: a unique index or a foreign key that refuses a write becomes a
 * clear 409/422 instead of a 500, with no check-then-write window in between.
 */
import type { DomainError } from '../errors';

interface Meanings {
  unique?: () => DomainError;
  foreignKey?: () => DomainError;
}

/** An error's message with those of its causes (D1 wraps SQLite's message in a cause). */
export function messageChain(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(' | ');
}

export async function withConstraints<T>(work: () => Promise<T>, meanings: Meanings): Promise<T> {
  try {
    return await work();
  } catch (err) {
    const message = messageChain(err);
    if (meanings.unique && message.includes('UNIQUE constraint failed')) throw meanings.unique();
    if (meanings.foreignKey && message.includes('FOREIGN KEY constraint failed')) throw meanings.foreignKey();
    throw err;
  }
}
