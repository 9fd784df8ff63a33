/**
 * Signing in with a password, and activating an account with a one-time code. Every failure —
 * unknown region, unknown name, never activated, wrong password, disabled account, inactive
 * employee — is the same 401 after the same work (a password hash is always computed), so the
 * answer says nothing about which accounts exist. Failures count towards the lockout
 * (throttle.ts); every attempt is audited in the realm's trail.
 */
import { and, eq, getTableColumns, gt, isNull, sql } from 'drizzle-orm';
import { type AccountRow, accounts, activationCodes } from '../../db/schema';
import { DomainError } from '../../platform/errors';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { checkPasswordPolicy, hashPassword, needsRehash, passwordScheme, verifyPassword } from './passwords';
import { type AuthCall, type Realm, realmNamed, signInActor } from './realm';
import { signInRestriction } from './restriction';
import { checkSecondFactor } from './second-factor';
import { normalizeCode, sameText, sha256 } from './secrets';
import { accountActor, authAudit, employeeStatusOf, revokeAccountSessions, sessionStatements } from './sessions';
import { assertNotLocked, clearFailures, recordFailure, type ThrottleKeys, throttleKeys } from './throttle';
import { type SignedIn, signedIn } from './tokens';

const normalizeUsername = (username: string): string => username.trim().toLowerCase();

const wrongCredentials = () => new DomainError('unauthenticated', 'The user name or password is not correct.');
const wrongCode = () => new DomainError('unauthenticated', 'The user name or activation code is not correct, or the code has expired.');

export interface Found {
  account: AccountRow;
  employeeActive: boolean;
}

/** The account named `username` in `realm`, with whether its employee is still active. */
export async function findAccount(realm: Realm | undefined, username: string): Promise<Found | undefined> {
  if (!realm) return undefined;
  const [row] = await realm.db
    .select({ ...getTableColumns(accounts), employeeStatus: employeeStatusOf(realm) })
    .from(accounts)
    .where(eq(accounts.username, username))
    .limit(1);
  if (!row) return undefined;
  const { employeeStatus, ...account } = row;
  return { account, employeeActive: employeeStatus !== 'inactive' };
}

/** Counts and audits a failure, stamps a lockout on the account, and throws `error`. */
async function fail(
  call: AuthCall,
  realm: Realm | undefined,
  keys: ThrottleKeys,
  found: Found | undefined,
  attempt: { action: string; username: string },
  error: DomainError,
): Promise<never> {
  const lockedUntil = await recordFailure(call, keys);
  const trail = realm ?? (await realmNamed(call, undefined));
  if (trail) {
    const entityId = found?.account.id ?? attempt.username.slice(0, 60);
    const actor = found ? accountActor(found.account) : signInActor('anonymous');
    const statements: Statement[] = [authAudit(trail, call, actor, attempt.action, entityId)];
    if (lockedUntil && found && realm) {
      statements.push(
        realm.db.update(accounts).set({ lockedUntil: lockedUntil.toISOString() }).where(eq(accounts.id, found.account.id)),
        authAudit(realm, call, actor, 'auth.lockout', found.account.id),
      );
    }
    await trail.db.write(statements);
  }
  throw error;
}

export interface SignInInput {
  tenant?: string | undefined;
  username: string;
  password: string;
  totp?: string | undefined;
}

export async function signIn(call: AuthCall, input: SignInInput): Promise<SignedIn> {
  const username = normalizeUsername(input.username);
  const realm = await realmNamed(call, input.tenant);
  const keys = throttleKeys(call, realm, username);
  await assertNotLocked(call, keys);
  const found = await findAccount(realm, username);
  const attempt = { action: 'auth.login_failed', username };
  const scheme = passwordScheme(call.env);
  const hashing = performance.now();
  const passwordOk = await verifyPassword(input.password, found?.account.passwordHash, scheme);
  call.meter.hashMs += performance.now() - hashing;
  if (!realm || !found || !passwordOk) return fail(call, realm, keys, found, attempt, wrongCredentials());
  const { account } = found;
  if (account.status !== 'active' || !found.employeeActive) {
    return fail(call, realm, keys, found, { ...attempt, action: 'auth.login_refused' }, wrongCredentials());
  }
  const factor = await checkSecondFactor(call, realm, account, input.totp);
  if (!factor.ok) return fail(call, realm, keys, found, { ...attempt, action: 'auth.second_factor_failed' }, factor.error);

  const session = await sessionStatements(realm, account, call.now);
  // A hash made with another parameter set (an older, or a stronger, one) is made anew with the
  // current set now that the password is known; only if it is still the hash just checked.
  const rehashed = needsRehash(account.passwordHash, scheme) ? await hashPassword(input.password, scheme) : undefined;
  await realm.db.write([
    ...factor.statements,
    realm.db
      .update(accounts)
      .set({ lockedUntil: null })
      .where(and(eq(accounts.id, account.id), sql`${accounts.lockedUntil} is not null`)),
    ...(rehashed
      ? [
          realm.db
            .update(accounts)
            .set({ passwordHash: rehashed, updatedAt: call.now.toISOString() })
            .where(and(eq(accounts.id, account.id), eq(accounts.passwordHash, account.passwordHash as string))),
        ]
      : []),
    ...session.statements,
    authAudit(realm, call, accountActor(account), 'auth.login', account.id),
  ]);
  await clearFailures(call, keys);
  return signedIn(call, realm, account, session, await signInRestriction(realm, account));
}

export interface ActivateInput {
  tenant?: string | undefined;
  username: string;
  code: string;
  password: string;
  totp?: string | undefined;
}

export const codeDigest = (accountId: string, code: string) => sha256(`${accountId}:${normalizeCode(code)}`);

/** NIP (or email) + one-time code → the person's own password, and signed in. Also the reset path. */
export async function activate(call: AuthCall, input: ActivateInput): Promise<SignedIn> {
  const username = normalizeUsername(input.username);
  const realm = await realmNamed(call, input.tenant);
  const keys = throttleKeys(call, realm, username);
  await assertNotLocked(call, keys);
  const found = await findAccount(realm, username);
  const attempt = { action: 'auth.activation_failed', username };
  const digest = found ? await codeDigest(found.account.id, input.code) : '';
  const live =
    realm && found
      ? await realm.db
          .select({ id: activationCodes.id, codeHash: activationCodes.codeHash })
          .from(activationCodes)
          .where(
            and(
              eq(activationCodes.accountId, found.account.id),
              isNull(activationCodes.usedAt),
              gt(activationCodes.expiresAt, call.now.toISOString()),
            ),
          )
      : [];
  const code = live.find((c) => sameText(c.codeHash, digest));
  if (!realm || !found || !code || found.account.status !== 'active' || !found.employeeActive) {
    return fail(call, realm, keys, found, attempt, wrongCode());
  }
  const { account } = found;
  checkPasswordPolicy(input.password, username);
  const factor = await checkSecondFactor(call, realm, account, input.totp);
  if (!factor.ok) return fail(call, realm, keys, found, { ...attempt, action: 'auth.second_factor_failed' }, factor.error);

  const at = call.now.toISOString();
  const session = await sessionStatements(realm, account, call.now);
  await realm.db.batch([
    realm.db
      .update(activationCodes)
      .set({ usedAt: at })
      .where(and(eq(activationCodes.id, code.id), isNull(activationCodes.usedAt))),
    realm.db.guard(sql`changes() > 0`, 'unauthenticated', wrongCode().detail),
    realm.db
      .update(accounts)
      .set({
        passwordHash: await hashPassword(input.password, passwordScheme(call.env)),
        passwordChangedAt: at,
        lockedUntil: null,
        version: sql`${accounts.version} + 1`,
        updatedAt: at,
      })
      .where(eq(accounts.id, account.id)),
    revokeAccountSessions(realm, account.id, call.now),
    ...factor.statements,
    ...session.statements,
    authAudit(realm, call, accountActor(account), account.passwordHash ? 'account.reset' : 'account.activate', account.id),
  ]);
  await clearFailures(call, keys);
  return signedIn(call, realm, account, session, await signInRestriction(realm, account));
}
