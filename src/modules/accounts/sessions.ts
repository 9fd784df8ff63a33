/**
 * Sessions: a sign-in starts a family of refresh tokens; each refresh uses up its token and hands
 * out the next one of the family. Only SHA-256 digests of the tokens are stored. A token that was
 * already used, presented again, means a copy exists somewhere: the whole family is revoked.
 *
 * A refresh token reads `<realm>.<session id>.<secret>`: the realm (tenant slug, `_` national)
 * says which database holds the session; the secret is 32 random bytes. A token names exactly one
 * row of one realm, so a token of tenant A presented for tenant B finds nothing.
 */
import { and, eq, getTableColumns, isNull, type SQL, sql } from 'drizzle-orm';
import { type AccountRow, accounts, auditLog, employees, sessions } from '../../db/schema';
import { auditRow } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { type AuthCall, type Realm, realmNamed, signInActor } from './realm';
import { randomToken, sameText, sha256 } from './secrets';

/** A refresh token lives 14 days unused; a sign-in lasts at most 30 days however often it refreshes. */
export const refreshTokenDays = 14;
const familyDays = 30;
const day = 24 * 3600 * 1000;

export const notSignedIn = () => new DomainError('unauthenticated', 'The session is not valid: sign in again.');

export interface NewSession {
  refreshToken: string;
  familyId: string;
  statements: Statement[];
}

/** The statements that start a new family (or continue `familyId`) for `account`, and its token. */
export async function sessionStatements(
  realm: Realm,
  account: Pick<AccountRow, 'id'>,
  now: Date,
  family?: { id?: string; expiresAt?: string; secondFactorPending?: boolean },
): Promise<NewSession> {
  const id = newId('ses');
  const secret = randomToken();
  const familyId = family?.id ?? newId('sfm');
  const familyExpiresAt = family?.expiresAt ?? new Date(now.getTime() + familyDays * day).toISOString();
  const expiresAt = new Date(Math.min(now.getTime() + refreshTokenDays * day, Date.parse(familyExpiresAt))).toISOString();
  const row = {
    id,
    accountId: account.id,
    familyId,
    tokenHash: await sha256(secret),
    createdAt: now.toISOString(),
    expiresAt,
    familyExpiresAt,
    usedAt: null,
    revokedAt: null,
    secondFactorPending: family?.secondFactorPending ?? false,
  };
  return { refreshToken: `${realm.label}.${id}.${secret}`, familyId, statements: [realm.db.insert(sessions).values(row)] };
}

/** Revokes every live session matching `condition` (a family, an account). */
export const revokeWhere = (realm: Pick<Realm, 'db'>, condition: SQL, now: Date): Statement =>
  realm.db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(and(condition, isNull(sessions.revokedAt)));

export const revokeAccountSessions = (realm: Pick<Realm, 'db'>, accountId: string, now: Date): Statement =>
  revokeWhere(realm, eq(sessions.accountId, accountId), now);

function parseToken(token: string): { label: string; id: string; secret: string } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => p.length === 0 || p.length > 100)) return undefined;
  const [label, id, secret] = parts as [string, string, string];
  return { label, id, secret };
}

export interface FoundSession {
  realm: Realm;
  session: typeof sessions.$inferSelect;
  account: AccountRow;
  employeeActive: boolean;
}

/** The session a refresh token names, if its secret matches; anything else is undefined. */
export async function findSession(call: AuthCall, token: string | undefined): Promise<FoundSession | undefined> {
  const parsed = token ? parseToken(token) : undefined;
  if (!parsed) return undefined;
  const realm = await realmNamed(call, parsed.label);
  if (!realm) return undefined;
  // One round trip, two statements: joined rows would carry two columns of each shared name.
  const [[session], [row]] = await realm.db.batch([
    realm.db.select().from(sessions).where(eq(sessions.id, parsed.id)).limit(1),
    realm.db
      .select({ ...getTableColumns(accounts), employeeStatus: employeeStatusOf(realm) })
      .from(accounts)
      .where(
        sql`${accounts.id} = (select ${sessions.accountId} from ${sessions} where ${realm.db.owned(sessions, eq(sessions.id, parsed.id))})`,
      )
      .limit(1),
  ]);
  if (!session || !row || !sameText(session.tokenHash, await sha256(parsed.secret))) return undefined;
  const { employeeStatus, ...account } = row;
  return { realm, session, account, employeeActive: employeeStatus !== 'inactive' };
}

/** The status of the account's employee (null without one), as a column of an accounts query. */
export const employeeStatusOf = (realm: Pick<Realm, 'db'>) =>
  sql<
    string | null
  >`(select ${employees.status} from ${employees} where ${realm.db.owned(employees, eq(employees.id, accounts.employeeId))})`.as(
    'employee_status',
  );

/** An audit row in the realm's own trail (tenant, or national for national accounts). */
export const authAudit = (realm: Realm, call: AuthCall, actor: Principal, action: string, entityId: string): Statement =>
  realm.db.insert(auditLog).values(auditRow({ actor, requestId: call.requestId }, action, 'account', entityId, call.now.toISOString()));

export const accountActor = (account: Pick<AccountRow, 'id' | 'roles'>): Principal =>
  signInActor(account.id, account.roles.split(' ') as Principal['roles']);

/**
 * Uses up `found`'s token and continues its family. A used or concurrently used token is a reuse:
 * the family is revoked and the caller must sign in again. So is a disabled account or an
 * inactive employee.
 */
export async function rotate(call: AuthCall, found: FoundSession): Promise<NewSession> {
  const { realm, session, account } = found;
  const now = call.now;
  const ended = session.revokedAt !== null || Date.parse(session.expiresAt) <= now.getTime();
  if (ended) throw notSignedIn();
  const family = eq(sessions.familyId, session.familyId);
  const revokeFamily = async (action: string) => {
    await realm.db.batch([revokeWhere(realm, family, now), authAudit(realm, call, accountActor(account), action, account.id)]);
    throw notSignedIn();
  };
  if (session.usedAt !== null) return revokeFamily('session.reuse');
  if (account.status !== 'active' || !found.employeeActive) return revokeFamily('session.refuse');
  const next = await sessionStatements(realm, account, now, {
    id: session.familyId,
    expiresAt: session.familyExpiresAt,
    secondFactorPending: session.secondFactorPending,
  });
  try {
    await realm.db.batch([
      realm.db
        .update(sessions)
        .set({ usedAt: now.toISOString() })
        .where(and(eq(sessions.id, session.id), isNull(sessions.usedAt), isNull(sessions.revokedAt))),
      realm.db.guard(sql`changes() > 0`, 'unauthenticated', 'The session is not valid: sign in again.'),
      ...(next.statements as [Statement, ...Statement[]]),
    ]);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'unauthenticated') return revokeFamily('session.reuse');
    throw err;
  }
  return next;
}
