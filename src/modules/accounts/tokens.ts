/** The access token a session hands out: Bangkom's own, ≤ 15 minutes, the account's roles in its realm. */
import type { AccountRow } from '../../db/schema';
import { accessTokenSeconds, signAccessToken } from '../../platform/auth/keys';
import type { AuthCall, Realm } from './realm';
import type { Restriction } from './restriction';

export interface SignedIn {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  /** The token only reaches the routes that set up a second factor: the region requires one of its admins. */
  twoFactorSetupRequired: boolean;
  /** The token only reaches `POST /auth/two-factor/verify`: a single sign-on still owes the account's second factor. */
  secondFactorRequired: boolean;
  account: { id: string; username: string; roles: string[]; tenant: string | null; employeeId: string | null };
}

export async function signedIn(
  call: AuthCall,
  realm: Realm,
  account: Pick<AccountRow, 'id' | 'username' | 'roles' | 'employeeId'>,
  session: { refreshToken: string; familyId: string },
  restriction: Restriction,
): Promise<SignedIn> {
  const roles = account.roles.split(' ');
  const claims = {
    sub: account.id,
    roles,
    sid: session.familyId,
    ...(restriction ? { scope: restriction } : {}),
    ...(realm.tenant ? { tenant: realm.tenant.slug } : {}),
    ...(account.employeeId ? { employee_id: account.employeeId } : {}),
  };
  return {
    accessToken: await signAccessToken(call.env, claims, Math.floor(call.now.getTime() / 1000)),
    tokenType: 'Bearer',
    expiresIn: accessTokenSeconds,
    refreshToken: session.refreshToken,
    twoFactorSetupRequired: restriction === 'two-factor-setup',
    secondFactorRequired: restriction === 'two-factor',
    account: { id: account.id, username: account.username, roles, tenant: realm.tenant?.slug ?? null, employeeId: account.employeeId },
  };
}
