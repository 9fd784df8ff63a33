/** Refreshing and signing out with the refresh cookie. */
import { eq } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import type { AuthCall } from './realm';
import { signInRestriction } from './restriction';
import { accountActor, authAudit, findSession, notSignedIn, revokeWhere, rotate } from './sessions';
import { type SignedIn, signedIn } from './tokens';

export async function refresh(call: AuthCall, token: string | undefined): Promise<SignedIn> {
  const found = await findSession(call, token);
  if (!found) throw notSignedIn();
  const next = await rotate(call, found);
  return signedIn(
    call,
    found.realm,
    found.account,
    next,
    await signInRestriction(found.realm, found.account, found.session.secondFactorPending),
  );
}

/** Ends the cookie's sign-in (its whole family), or every session of its account; nothing to end is fine too. */
export async function signOut(call: AuthCall, token: string | undefined, everywhere: boolean): Promise<void> {
  const found = await findSession(call, token);
  if (!found) return;
  const which = everywhere ? eq(sessions.accountId, found.account.id) : eq(sessions.familyId, found.session.familyId);
  await found.realm.db.batch([
    revokeWhere(found.realm, which, call.now),
    authAudit(found.realm, call, accountActor(found.account), everywhere ? 'auth.logout_everywhere' : 'auth.logout', found.account.id),
  ]);
}
