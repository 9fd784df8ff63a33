/**
 * What a signed-in person does to their own account: change the password, sign out everywhere,
 * set up a second factor. Only with a token Bangkom issued at sign-in (its subject is the
 * account); an external token has no Bangkom account here (403).
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { type AccountRow, accounts, recoveryCodes, sessions } from '../../db/schema';
import type { AnyContext, Call } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { checkPasswordPolicy, hashPassword, passwordScheme, verifyPassword } from './passwords';
import { type AuthCall, type Realm, realmOfContext } from './realm';
import { checkSecondFactor, recoveryDigest } from './second-factor';
import { printableCode } from './secrets';
import { accountActor, authAudit, revokeWhere } from './sessions';
import { assertNotLocked, clearFailures, recordFailure, throttleKeys } from './throttle';
import { matchingStep, newTotpSecret, otpauthUri, stepAt } from './totp';

export interface Own {
  realm: Realm;
  account: AccountRow;
  session: string;
  call: AuthCall;
}

/** The caller's own account, from a Bangkom-issued token; `address` for the lockout. */
export async function ownAccount(ctx: AnyContext, meterCall: Omit<AuthCall, 'env' | 'requestId'>): Promise<Own> {
  const session = ctx.actor.session;
  if (!session) throw new DomainError('forbidden', 'This needs a token from signing in to Bangkom.');
  const realm = realmOfContext(ctx);
  const [account] = await realm.db.select().from(accounts).where(eq(accounts.id, ctx.actor.subject)).limit(1);
  if (account?.status !== 'active') throw new DomainError('unauthenticated', 'The session is not valid: sign in again.');
  return { realm, account, session, call: { ...meterCall, env: ctx.env, requestId: ctx.requestId } };
}

/** Checks the current password (failures count towards the lockout), sets the new one, ends the other sessions. */
export async function changePassword({ input }: Call<AnyContext, { own: Own; currentPassword: string; newPassword: string }>) {
  const { realm, account, session, call } = input.own;
  const keys = throttleKeys(call, realm, account.username);
  await assertNotLocked(call, keys);
  if (!(await verifyPassword(input.currentPassword, account.passwordHash, passwordScheme(call.env)))) {
    await recordFailure(call, keys);
    await realm.db.write([authAudit(realm, call, accountActor(account), 'account.password_change_failed', account.id)]);
    throw new DomainError('forbidden', 'The current password is not correct.');
  }
  checkPasswordPolicy(input.newPassword, account.username);
  const at = call.now.toISOString();
  await realm.db.batch([
    realm.db
      .update(accounts)
      .set({
        passwordHash: await hashPassword(input.newPassword, passwordScheme(call.env)),
        passwordChangedAt: at,
        version: sql`${accounts.version} + 1`,
        updatedAt: at,
      })
      .where(eq(accounts.id, account.id)),
    revokeWhere(realm, and(eq(sessions.accountId, account.id), ne(sessions.familyId, session)) ?? sql`0`, call.now),
    authAudit(realm, call, accountActor(account), 'account.password_change', account.id),
  ]);
}

/** Revokes every session of the caller's account, this one included. */
export async function signOutEverywhere({ input }: Call<AnyContext, { own: Own }>) {
  const { realm, account, call } = input.own;
  await realm.db.batch([
    revokeWhere(realm, eq(sessions.accountId, account.id), call.now),
    authAudit(realm, call, accountActor(account), 'auth.logout_everywhere', account.id),
  ]);
}

/** A new secret to scan, pending until a code of it is confirmed; 409 while one is active. */
export async function startTwoFactor({ input }: Call<AnyContext, { own: Own; issuer: string }>) {
  const { realm, account, call } = input.own;
  if (account.totpSecret) throw new DomainError('conflict', 'Two-factor sign-in is already set up; an admin can reset it.');
  const secret = newTotpSecret();
  await realm.db.batch([
    realm.db.update(accounts).set({ totpPending: secret, updatedAt: call.now.toISOString() }).where(eq(accounts.id, account.id)),
    authAudit(realm, call, accountActor(account), 'account.two_factor_start', account.id),
  ]);
  return { secret, otpauthUri: otpauthUri(input.issuer, account.username, secret) };
}

/** A code of the pending secret turns it on and gives ten one-time recovery codes (shown once). */
export async function confirmTwoFactor({ input }: Call<AnyContext, { own: Own; code: string }>) {
  const { realm, account, call } = input.own;
  if (!account.totpPending || account.totpSecret)
    throw new DomainError('conflict', 'Start the set-up first (POST /api/v1/auth/two-factor/setup).');
  const step = await matchingStep(account.totpPending, input.code, call.now, null);
  if (step === undefined) {
    await realm.db.write([authAudit(realm, call, accountActor(account), 'account.two_factor_confirm_failed', account.id)]);
    throw new DomainError('unprocessable', 'The code does not match: check the time on the phone and try again.');
  }
  const codes = Array.from({ length: 10 }, () => printableCode());
  const rows = await Promise.all(
    codes.map(async (c) => ({ id: newId('rec'), accountId: account.id, codeHash: await recoveryDigest(account.id, c), usedAt: null })),
  );
  await realm.db.batch([
    realm.db
      .update(accounts)
      .set({
        totpSecret: account.totpPending,
        totpPending: null,
        totpLastStep: Math.max(step, stepAt(call.now)),
        version: sql`${accounts.version} + 1`,
        updatedAt: call.now.toISOString(),
      })
      .where(and(eq(accounts.id, account.id), sql`${accounts.totpSecret} is null`)),
    realm.db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, account.id)),
    realm.db.insertRows(recoveryCodes, rows),
    authAudit(realm, call, accountActor(account), 'account.two_factor_enable', account.id),
  ]);
  return { recoveryCodes: codes };
}

/**
 * The second factor a single sign-on still owes (its token has scope `two-factor`): the app's code
 * or a recovery code, each accepted once; failures count towards the lockout like a password's.
 * Once given, the sign-in's whole family is complete: the next refresh answers a full token.
 */
export async function verifySecondFactor({ input }: Call<AnyContext, { own: Own; totp: string }>) {
  const { realm, account, session, call } = input.own;
  const keys = throttleKeys(call, realm, account.username);
  await assertNotLocked(call, keys);
  const factor = await checkSecondFactor(call, realm, account, input.totp);
  if (!factor.ok) {
    await recordFailure(call, keys);
    await realm.db.write([authAudit(realm, call, accountActor(account), 'auth.second_factor_failed', account.id)]);
    throw new DomainError('forbidden', 'The second factor is not correct.');
  }
  await realm.db.batch([
    realm.db.update(sessions).set({ secondFactorPending: false }).where(eq(sessions.familyId, session)),
    ...factor.statements,
    authAudit(realm, call, accountActor(account), 'auth.second_factor', account.id),
  ]);
  await clearFailures(call, keys);
}
