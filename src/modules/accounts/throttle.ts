/**
 * Lockout with backoff, counted exactly in the control database (`sign_in_throttle`):
 * - per account name — `user:<tenant id>:<username>`, whether or not such an account exists, so a
 *   lockout says nothing about existence: after 5 failures in a row the name is locked for 30 s,
 *   doubling with each further failure up to 15 minutes;
 * - per client address — `addr:<address>`: after 30 failures (an office behind one NAT shares
 *   it), locked for 1 minute, doubling up to an hour.
 * A success clears the name's count; a count also starts over a day after its last failure. While
 * locked, nothing is checked: the answer is 429 with Retry-After, the same for every name.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { signInThrottle } from '../../db/schema';
import { DomainError } from '../../platform/errors';
import { controlDb } from '../../platform/tenancy/directory';
import type { AuthCall, Realm } from './realm';

interface Policy {
  threshold: number;
  firstLockSeconds: number;
  maxLockSeconds: number;
}

const lockoutPolicy = {
  user: { threshold: 5, firstLockSeconds: 30, maxLockSeconds: 15 * 60 },
  addr: { threshold: 30, firstLockSeconds: 60, maxLockSeconds: 60 * 60 },
} as const satisfies Record<string, Policy>;

const forgetAfterMs = 24 * 3600 * 1000;

export interface ThrottleKeys {
  user: string;
  addr: string;
}

export const throttleKeys = (call: AuthCall, realm: Pick<Realm, 'id'> | undefined, username: string): ThrottleKeys => ({
  user: `user:${realm?.id ?? '?'}:${username.toLowerCase()}`.slice(0, 300),
  addr: `addr:${call.address}`.slice(0, 100),
});

/** Seconds until the lock ends (`failures` past the threshold), 0 below it. */
function lockSeconds(policy: Policy, failures: number): number {
  if (failures < policy.threshold) return 0;
  return Math.min(policy.maxLockSeconds, policy.firstLockSeconds * 2 ** Math.min(failures - policy.threshold, 20));
}

/** 429 with Retry-After while either key is locked. */
export async function assertNotLocked(call: AuthCall, keys: ThrottleKeys): Promise<void> {
  const rows = await controlDb(call.env, call.meter)
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, [keys.user, keys.addr]));
  const until = Math.max(0, ...rows.map((r) => (r.lockedUntil ? Date.parse(r.lockedUntil) : 0)));
  const seconds = Math.ceil((until - call.now.getTime()) / 1000);
  if (seconds > 0) {
    throw new DomainError('too_many_requests', `Too many failed attempts: try again in ${seconds} s.`, undefined, {
      'retry-after': String(seconds),
    });
  }
}

/** Counts a failure on both keys; returns when the name's lock ends, if it is locked now. */
export async function recordFailure(call: AuthCall, keys: ThrottleKeys): Promise<Date | undefined> {
  const db = controlDb(call.env, call.meter);
  const at = call.now.toISOString();
  const stale = new Date(call.now.getTime() - forgetAfterMs).toISOString();
  const count = (key: string) =>
    db
      .insert(signInThrottle)
      .values({ key, failures: 1, lastFailureAt: at })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          failures: sql`case when ${signInThrottle.lastFailureAt} < ${stale} then 1 else ${signInThrottle.failures} + 1 end`,
          lastFailureAt: at,
        },
      })
      .returning({ failures: signInThrottle.failures });
  const [[user], [addr]] = await db.batch([count(keys.user), count(keys.addr)]);
  const locks = [
    [keys.user, lockSeconds(lockoutPolicy.user, user?.failures ?? 0)],
    [keys.addr, lockSeconds(lockoutPolicy.addr, addr?.failures ?? 0)],
  ] as const;
  const updates = locks
    .filter(([, seconds]) => seconds > 0)
    .map(([key, seconds]) =>
      db
        .update(signInThrottle)
        .set({ lockedUntil: new Date(call.now.getTime() + seconds * 1000).toISOString() })
        .where(eq(signInThrottle.key, key)),
    );
  const [first, ...rest] = updates;
  if (first) await db.batch([first, ...rest]);
  const userLock = locks[0][1];
  return userLock > 0 ? new Date(call.now.getTime() + userLock * 1000) : undefined;
}

/** A success: the name starts over (the address keeps its count until it ages out). */
export async function clearFailures(call: AuthCall, keys: ThrottleKeys): Promise<void> {
  await controlDb(call.env, call.meter).delete(signInThrottle).where(eq(signInThrottle.key, keys.user));
}
