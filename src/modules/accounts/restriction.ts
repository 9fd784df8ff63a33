/**
 * What a sign-in's tokens may reach before it is complete:
 * - a region may require a second factor of its admins (`sign_in_settings.require_admin_totp`). An
 *   admin who has none yet signs in with a token limited to setting one up (scope
 *   `two-factor-setup`); once set up, the next refresh or sign-in gives a full token;
 * - a sign-in by single sign-on of an account that has a second factor still owes it: its tokens
 *   reach only `POST /auth/two-factor/verify` (scope `two-factor`) until the code is given.
 */
import { type AccountRow, signInSettings } from '../../db/schema';
import type { Realm } from './realm';

export type Restriction = 'two-factor-setup' | 'two-factor' | undefined;

async function requiresAdminTotp(realm: Realm): Promise<boolean> {
  if (!realm.tenant) return false;
  const [row] = await realm.db.select({ required: signInSettings.requireAdminTotp }).from(signInSettings).limit(1);
  return row?.required ?? false;
}

export async function signInRestriction(
  realm: Realm,
  account: Pick<AccountRow, 'roles' | 'totpSecret'>,
  secondFactorPending = false,
): Promise<Restriction> {
  if (account.totpSecret) return secondFactorPending ? 'two-factor' : undefined;
  if (!account.roles.split(' ').includes('tenant_admin')) return undefined;
  return (await requiresAdminTotp(realm)) ? 'two-factor-setup' : undefined;
}
