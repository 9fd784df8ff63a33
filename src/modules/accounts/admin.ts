/**
 * The accounts API for admins: the tenant admin for the region's accounts, the national admin for
 * the national ones (the same services, on the realm of the caller's context). An admin lists
 * accounts with their status, creates admin accounts, issues one-time activation codes (which
 * also create the employees' accounts), disables and enables, and resets a second factor. An
 * admin never sets or sees a password; a code is shown once, in the answer that issues it.
 */
import { and, asc, eq, gt, gte, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { accounts, activationCodes, auditLog, employees, recoveryCodes, units } from '../../db/schema';
import { auditRow } from '../../platform/audit/audit';
import type { AnyContext, Call } from '../../platform/context';
import { withConstraints } from '../../platform/db/constraints';
import { DomainError, notFound } from '../../platform/errors';
import { after, decodeCursor, page } from '../../platform/http/pagination';
import { newId } from '../../platform/ids';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { type Realm, realmOfContext } from './realm';
import type { accountStatusValues } from './schemas';
import { printableCode } from './secrets';
import { revokeAccountSessions } from './sessions';
import { codeDigest } from './sign-in';

type AccountStatus = (typeof accountStatusValues)[number];
const day = 24 * 3600 * 1000;

const statusSql = (now: string): SQL<AccountStatus> =>
  sql<AccountStatus>`case when ${accounts.status} = 'disabled' then 'disabled' when ${accounts.passwordHash} is null then 'never_activated' when ${accounts.lockedUntil} > ${now} then 'locked' else 'active' end`;

function statusFilter(status: AccountStatus | undefined, now: string): SQL | undefined {
  switch (status) {
    case 'disabled':
      return eq(accounts.status, 'disabled');
    case 'never_activated':
      return and(eq(accounts.status, 'active'), isNull(accounts.passwordHash));
    case 'locked':
      return and(eq(accounts.status, 'active'), isNotNull(accounts.passwordHash), gt(accounts.lockedUntil, now));
    case 'active':
      return and(
        eq(accounts.status, 'active'),
        isNotNull(accounts.passwordHash),
        or(isNull(accounts.lockedUntil), lte(accounts.lockedUntil, now)),
      );
    default:
      return undefined;
  }
}

/**
 * The employee's name beside the account: a correlated lookup by the employees' primary key
 * `(tenant_id, id)`, scoped to the account's own tenant (none for a national account).
 */
const employeeName = (realm: Realm): SQL<string | null> =>
  sql<string | null>`(select e.name from ${employees} e where ${realm.db.scope('e')} and e.id = ${accounts.employeeId})`;

/**
 * `q` as a condition: digits are a user-name prefix (an employee's user name is their NIP), as a
 * range so the `(tenant_id, username)` index serves it; anything else is part of the user name or
 * of the employee's name, ignoring case for ASCII letters. Not LIKE: D1 refuses a LIKE pattern
 * over 50 bytes, and a search text has no wildcards to escape.
 */
function searchFilter(realm: Realm, text: string | undefined): SQL | undefined {
  if (!text) return undefined;
  // ':' sorts right after '9'.
  if (/^\d+$/.test(text)) return and(gte(accounts.username, text), lt(accounts.username, `${text}:`));
  return sql`(instr(lower(${accounts.username}), lower(${text})) > 0 or exists (select 1 from ${employees} e where ${realm.db.scope('e')} and e.id = ${accounts.employeeId} and instr(lower(e.name), lower(${text})) > 0))`;
}

const fields = (realm: Realm, now: string) => ({
  id: accounts.id,
  username: accounts.username,
  roles: accounts.roles,
  employeeId: accounts.employeeId,
  name: employeeName(realm),
  status: statusSql(now),
  lockedUntil: accounts.lockedUntil,
  twoFactor: sql<number>`${accounts.totpSecret} is not null`,
  createdAt: accounts.createdAt,
});

interface Listed {
  id: string;
  username: string;
  roles: string;
  employeeId: string | null;
  name: string | null;
  status: AccountStatus;
  lockedUntil: string | null;
  twoFactor: number;
  createdAt: string;
}

/** The answer's shape; `lockedUntil` only while the lock lasts. */
const shape = (row: Listed, now: string) => ({
  ...row,
  roles: row.roles.split(' '),
  twoFactor: Boolean(row.twoFactor),
  lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null,
});

export async function listAccounts({
  ctx,
  input,
}: Call<AnyContext, { status?: AccountStatus | undefined; q?: string | undefined; limit: number; cursor?: string | undefined }>) {
  const realm = realmOfContext(ctx);
  const now = new Date().toISOString();
  const rows = await realm.db
    .select(fields(realm, now))
    .from(accounts)
    .where(
      and(
        statusFilter(input.status, now),
        searchFilter(realm, input.q),
        after([accounts.username, accounts.id], decodeCursor(input.cursor, 2)),
      ),
    )
    .orderBy(asc(accounts.username), asc(accounts.id))
    .limit(input.limit + 1);
  return page(
    rows.map((r) => shape(r, now)),
    input.limit,
    (r) => [r.username, r.id],
  );
}

async function accountById(realm: Realm, id: string) {
  const now = new Date().toISOString();
  const [row] = await realm.db.select(fields(realm, now)).from(accounts).where(eq(accounts.id, id)).limit(1);
  if (!row) throw notFound('account');
  return shape(row, now);
}

const audit = (ctx: AnyContext, realm: Realm, action: string, id: string): Statement =>
  realm.db.insert(auditLog).values(auditRow(ctx, action, 'account', id));

const usernameTaken = (username: string) => new DomainError('conflict', `An account named ${username} exists already.`);

/** A new account of the caller's realm; it has no password until its holder activates it with a code. */
export async function createAccount({
  ctx,
  input,
}: Call<AnyContext, { roles: string[]; email?: string | undefined; employeeId?: string | undefined }>) {
  const realm = realmOfContext(ctx);
  let username = input.email?.toLowerCase();
  if (realm.tenant) {
    if (input.roles.includes('employee') && !input.employeeId) {
      throw new DomainError('validation_failed', 'An employee account needs the employee.', [
        { path: 'body.employeeId', message: 'required with employee' },
      ]);
    }
    if (input.employeeId) {
      const [employee] = await realm.db
        .select({ nip: employees.nip, status: employees.status })
        .from(employees)
        .where(eq(employees.id, input.employeeId));
      if (!employee) throw new DomainError('unprocessable', 'No such employee in this region.');
      username ??= employee.nip;
    }
    if (input.roles.includes('tenant_admin') && !input.email) {
      throw new DomainError('validation_failed', 'An admin account is named by its email.', [
        { path: 'body.email', message: 'required with tenant_admin' },
      ]);
    }
  }
  if (!username) throw new DomainError('validation_failed', 'The account needs an email.', [{ path: 'body.email', message: 'required' }]);
  const at = new Date().toISOString();
  const row = {
    id: newId('acc'),
    username,
    roles: realm.tenant ? [...new Set(input.roles)].sort().join(' ') : 'national_admin',
    employeeId: realm.tenant ? (input.employeeId ?? null) : null,
    status: 'active' as const,
    createdAt: at,
    updatedAt: at,
  };
  await withConstraints(() => realm.db.batch([realm.db.insert(accounts).values(row), audit(ctx, realm, 'account.create', row.id)]), {
    unique: () => usernameTaken(row.username),
    foreignKey: () => new DomainError('unprocessable', 'No such employee in this region.'),
  });
  return accountById(realm, row.id);
}

export interface CodeRequest {
  accountIds?: string[] | undefined;
  employeeIds?: string[] | undefined;
  unitId?: string | undefined;
  expiresInDays: number;
}

interface Holder {
  accountId: string | null;
  username: string;
  employeeId: string | null;
  name: string | null;
  unit: string | null;
}

const jsonIn = (column: SQL | typeof accounts.id, ids: string[]) => sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`;

/** The people a request names: accounts by id, employees by id or by unit (active ones). */
async function holders(realm: Realm, input: CodeRequest): Promise<Holder[]> {
  const found: Holder[] = [];
  if (input.accountIds?.length) {
    const rows = await realm.db
      .select({
        accountId: sql<string>`${accounts.id}`.as('account_id'),
        username: accounts.username,
        employeeId: accounts.employeeId,
        name: sql<string | null>`${employees.name}`.as('employee_name'),
        unit: sql<string | null>`${units.name}`.as('unit_name'),
      })
      .from(accounts)
      .leftJoin(employees, realm.db.owned(employees, eq(employees.id, accounts.employeeId)))
      .leftJoin(units, realm.db.owned(units, eq(units.id, employees.unitId)))
      .where(jsonIn(sql`${accounts.id}`, input.accountIds));
    if (rows.length !== new Set(input.accountIds).size) throw new DomainError('unprocessable', 'Some of the accounts do not exist.');
    found.push(...rows);
  }
  if (realm.tenant && (input.employeeIds?.length || input.unitId)) {
    const rows = await realm.db
      .select({
        accountId: sql<string | null>`${accounts.id}`.as('account_id'),
        employeeId: sql<string>`${employees.id}`.as('employee_id'),
        nip: employees.nip,
        name: sql<string>`${employees.name}`.as('employee_name'),
        unit: sql<string>`${units.name}`.as('unit_name'),
      })
      .from(employees)
      .innerJoin(units, realm.db.owned(units, eq(units.id, employees.unitId)))
      .leftJoin(accounts, realm.db.owned(accounts, eq(accounts.employeeId, employees.id)))
      .where(
        and(
          eq(employees.status, 'active'),
          input.employeeIds?.length ? jsonIn(sql`${employees.id}`, input.employeeIds) : undefined,
          input.unitId ? eq(employees.unitId, input.unitId) : undefined,
        ),
      )
      .orderBy(asc(employees.name), asc(employees.id))
      .limit(5001);
    if (input.employeeIds?.length && !input.unitId && rows.length !== new Set(input.employeeIds).size) {
      throw new DomainError('unprocessable', 'Some of the employees do not exist or are not active.');
    }
    if (rows.length > 5000) throw new DomainError('unprocessable', 'At most 5,000 codes at a time.');
    found.push(...rows.map((r) => ({ accountId: r.accountId, username: r.nip, employeeId: r.employeeId, name: r.name, unit: r.unit })));
  }
  const seen = new Set<string>();
  return found.filter((h) => !seen.has(h.username) && seen.add(h.username));
}

/**
 * One-time codes for the named people, shown once: employees without an account get one (named
 * by their NIP), any unused code of theirs stops working, and each code expires after
 * `expiresInDays`. Stored as digests only.
 */
export async function issueCodes({ ctx, input }: Call<AnyContext, CodeRequest>) {
  const realm = realmOfContext(ctx);
  const people = await holders(realm, input);
  if (people.length === 0) throw new DomainError('unprocessable', 'Nobody to issue a code for: name accounts, employees or a unit.');
  const now = new Date();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * day).toISOString();
  const created = people
    .filter((p) => !p.accountId)
    .map((p) => ({
      id: newId('acc'),
      username: p.username,
      roles: 'employee',
      employeeId: p.employeeId,
      passwordHash: null,
      passwordChangedAt: null,
      status: 'active' as const,
      lockedUntil: null,
      totpSecret: null,
      totpPending: null,
      totpLastStep: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    }));
  const ids = new Map(created.map((c) => [c.username, c.id]));
  const issued = await Promise.all(
    people.map(async (p) => {
      const accountId = p.accountId ?? (ids.get(p.username) as string);
      const code = printableCode();
      return {
        holder: p,
        accountId,
        code,
        row: { id: newId('act'), accountId, codeHash: await codeDigest(accountId, code), createdAt: at, expiresAt, usedAt: null },
      };
    }),
  );
  const accountIds = issued.map((i) => i.accountId);
  const statements: Statement[] = [
    ...(created.length ? [realm.db.insertRows(accounts, created)] : []),
    realm.db
      .update(activationCodes)
      .set({ expiresAt: at })
      .where(and(isNull(activationCodes.usedAt), gt(activationCodes.expiresAt, at), jsonIn(sql`${activationCodes.accountId}`, accountIds))),
    realm.db.insertRows(
      activationCodes,
      issued.map((i) => i.row),
    ),
    realm.db.insertRows(
      auditLog,
      issued.map((i) => auditRow(ctx, 'account.code_issue', 'account', i.accountId, at)),
    ),
  ];
  await withConstraints(() => realm.db.write(statements), {
    unique: () => new DomainError('conflict', 'An account of one of these people was created meanwhile: try again.'),
  });
  return {
    items: issued.map((i) => ({
      accountId: i.accountId,
      username: i.holder.username,
      name: i.holder.name,
      unit: i.holder.unit,
      code: i.code,
      expiresAt,
    })),
  };
}

/** Disables (revoking every session) or enables an account. */
export async function setAccountStatus({ ctx, input }: Call<AnyContext, { id: string; status: 'active' | 'disabled' }>) {
  const realm = realmOfContext(ctx);
  const current = await accountById(realm, input.id);
  if (input.status === 'disabled' && current.id === ctx.actor.subject)
    throw new DomainError('conflict', 'An admin cannot disable their own account.');
  const now = new Date();
  await realm.db.batch([
    realm.db
      .update(accounts)
      .set({ status: input.status, version: sql`${accounts.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(accounts.id, input.id), sql`${accounts.status} <> ${input.status}`)),
    audit(ctx, realm, input.status === 'disabled' ? 'account.disable' : 'account.enable', input.id),
    ...(input.status === 'disabled' ? [revokeAccountSessions(realm, input.id, now)] : []),
  ]);
  return accountById(realm, input.id);
}

/** Removes a second factor (lost phone): the person sets up a new one at their next sign-in. */
export async function resetSecondFactor({ ctx, input }: Call<AnyContext, { id: string }>) {
  const realm = realmOfContext(ctx);
  await accountById(realm, input.id);
  const now = new Date();
  await realm.db.batch([
    realm.db
      .update(accounts)
      .set({ totpSecret: null, totpPending: null, totpLastStep: null, version: sql`${accounts.version} + 1`, updatedAt: now.toISOString() })
      .where(eq(accounts.id, input.id)),
    realm.db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, input.id)),
    revokeAccountSessions(realm, input.id, now),
    audit(ctx, realm, 'account.two_factor_reset', input.id),
  ]);
  return accountById(realm, input.id);
}
