/**
 * The second factor at sign-in: a TOTP code, or one of the account's one-time recovery codes.
 * Needed when the account has set one up. A TOTP code is accepted once: its time step must be
 * later than the last accepted one, and the write that records it is guarded, so two requests
 * with the same code cannot both pass. A recovery code is used up the same way.
 */
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { type AccountRow, accounts, recoveryCodes } from '../../db/schema';
import { DomainError } from '../../platform/errors';
import type { Statement } from '../../platform/tenancy/scoped-db';
import type { AuthCall, Realm } from './realm';
import { normalizeCode, sameText, sha256 } from './secrets';
import { matchingStep } from './totp';

type Outcome = { ok: true; statements: Statement[] } | { ok: false; error: DomainError };

// Both name the field `totp`, so a client knows to ask for the code (or to say it was wrong) without reading the English detail.
const needed = () =>
  new DomainError(
    'unauthenticated',
    'A second factor is needed: send the 6-digit code of the authenticator app (or a recovery code) as "totp".',
    [{ path: 'body.totp', message: 'required' }],
  );
const wrong = () =>
  new DomainError('unauthenticated', 'The second factor is not correct.', [{ path: 'body.totp', message: 'not correct' }]);

export const recoveryDigest = (accountId: string, code: string) => sha256(`${accountId}:recovery:${normalizeCode(code)}`);

export async function checkSecondFactor(
  call: AuthCall,
  realm: Realm,
  account: Pick<AccountRow, 'id' | 'totpSecret' | 'totpLastStep'>,
  given: string | undefined,
): Promise<Outcome> {
  if (!account.totpSecret) return { ok: true, statements: [] };
  if (!given) return { ok: false, error: needed() };
  const step = await matchingStep(account.totpSecret, given.trim(), call.now, account.totpLastStep);
  if (step !== undefined) {
    return {
      ok: true,
      statements: [
        realm.db
          .update(accounts)
          .set({ totpLastStep: step })
          .where(and(eq(accounts.id, account.id), or(isNull(accounts.totpLastStep), sql`${accounts.totpLastStep} < ${step}`))),
        realm.db.guard(sql`changes() > 0`, 'unauthenticated', wrong().detail),
      ],
    };
  }
  const digest = await recoveryDigest(account.id, given);
  const unused = await realm.db
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, account.id), isNull(recoveryCodes.usedAt)));
  const match = unused.find((c) => sameText(c.codeHash, digest));
  if (!match) return { ok: false, error: wrong() };
  return {
    ok: true,
    statements: [
      realm.db
        .update(recoveryCodes)
        .set({ usedAt: call.now.toISOString() })
        .where(and(eq(recoveryCodes.id, match.id), isNull(recoveryCodes.usedAt))),
      realm.db.guard(sql`changes() > 0`, 'unauthenticated', wrong().detail),
    ],
  };
}
