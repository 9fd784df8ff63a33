/**
 * The accounts API: the tenant admin for the region's accounts (and its sign-in settings), the
 * national admin for the national accounts.
 */
import type { Context, Env } from 'hono';
import { writeCsv } from '../../platform/csv';
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { json, jsonBody, nationalRouter, problem, route, tenantRouter } from '../../platform/http/openapi';
import { pageOf } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { createAccount, issueCodes, listAccounts, resetSecondFactor, setAccountStatus } from './admin';
import {
  accountIdParams,
  accountListQuery,
  accountSchema,
  codeQuery,
  codeRequestSchema,
  issuedCodesSchema,
  nationalCodeRequestSchema,
  newAccountSchema,
  newNationalAccountSchema,
  signInSettingsInput,
  signInSettingsSchema,
} from './schemas';
import { readSettings, writeSettings } from './settings';

type Issued = Awaited<ReturnType<typeof issueCodes>>;

/** The codes as JSON, or as a CSV sheet to print and hand out. */
function codesAnswer<E extends Env>(c: Context<E>, issued: Issued, format: 'json' | 'csv') {
  c.header('cache-control', 'no-store');
  if (format === 'json') return c.json(issued, 201);
  const rows = issued.items.map((i) => [i.username, i.name ?? '', i.unit ?? '', i.code, i.expiresAt]);
  return c.body(writeCsv(['username', 'name', 'unit', 'code', 'expires_at'], rows), 201, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': 'attachment; filename="activation-codes.csv"',
  });
}

const codesResponse = {
  description: 'The codes, shown only in this answer',
  content: { 'application/json': { schema: issuedCodesSchema }, 'text/csv': { schema: { type: 'string' as const } } },
};

const idParams = tenantParams.extend(accountIdParams.shape);

export const accountRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/accounts',
      tags: ['Accounts'],
      roles: ['tenant_admin'],
      summary: "The region's accounts with their status (never activated, active, locked, disabled)",
      request: { params: tenantParams, query: accountListQuery },
      responses: { 200: json(pageOf(accountSchema), 'A page of accounts, by user name') },
    }),
    async (c) => c.json(await listAccounts({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/accounts',
      tags: ['Accounts'],
      roles: ['tenant_admin'],
      summary: 'Create an account (an admin by email, or an employee by NIP); it is activated with a code',
      request: { params: tenantParams, body: jsonBody(newAccountSchema) },
      responses: {
        201: json(accountSchema, 'Created, never activated'),
        409: problem('The user name is taken'),
        422: problem('No such employee in this region'),
      },
    }),
    async (c) => c.json(await createAccount({ ctx: c.get('ctx'), input: c.req.valid('json') }), 201),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/accounts/activation-codes',
      tags: ['Accounts'],
      roles: ['tenant_admin'],
      secretAnswer: true,
      summary: 'One-time activation (or reset) codes for accounts, employees or everyone in a unit, as JSON or a printable CSV',
      request: { params: tenantParams, query: codeQuery, body: jsonBody(codeRequestSchema) },
      responses: {
        201: codesResponse,
        409: problem('An account of one of these people was created meanwhile'),
        422: problem('Nobody to issue a code for, or someone named does not exist'),
      },
    }),
    async (c) => codesAnswer(c, await issueCodes({ ctx: c.get('ctx'), input: c.req.valid('json') }), c.req.valid('query').format),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/accounts/{id}/disable',
      tags: ['Accounts'],
      roles: ['tenant_admin'],
      summary: 'Disable an account: it cannot sign in, and its sessions end',
      request: { params: idParams },
      responses: { 200: json(accountSchema, 'Disabled'), 409: problem('An admin cannot disable their own account') },
    }),
    async (c) => c.json(await setAccountStatus({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, status: 'disabled' } }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/accounts/{id}/enable',
      tags: ['Accounts'],
      roles: ['tenant_admin'],
      summary: 'Enable a disabled account',
      request: { params: idParams },
      responses: { 200: json(accountSchema, 'Enabled') },
    }),
    async (c) => c.json(await setAccountStatus({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, status: 'active' } }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/accounts/{id}/reset-two-factor',
      tags: ['Accounts'],
      roles: ['tenant_admin'],
      summary: 'Remove the account’s second factor and recovery codes (a lost phone); its sessions end',
      request: { params: idParams },
      responses: { 200: json(accountSchema, 'Reset') },
    }),
    async (c) => c.json(await resetSecondFactor({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id } }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/sign-in-settings',
      tags: ['Accounts'],
      roles: ['tenant_admin'],
      summary: "The region's sign-in settings: second factor for admins, single sign-on; version 0 while the defaults apply",
      request: { params: tenantParams },
      responses: { 200: json(signInSettingsSchema, 'The settings') },
    }),
    async (c) => {
      const settings = await readSettings({ ctx: c.get('ctx'), input: undefined });
      c.header('etag', etagOf(settings.version));
      return c.json(settings, 200);
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/tenants/{tenant}/sign-in-settings',
      tags: ['Accounts'],
      roles: ['tenant_admin'],
      summary:
        'Change the region\'s sign-in settings (If-Match required: "v0" before the first save; the SSO client secret is a Worker secret, never sent here)',
      request: { params: tenantParams, body: jsonBody(signInSettingsInput) },
      responses: {
        200: json(signInSettingsSchema, 'The settings now'),
        412: problem('If-Match is stale: read again'),
        428: problem('If-Match is missing'),
      },
    }),
    async (c) => {
      const settings = await writeSettings({
        ctx: c.get('ctx'),
        input: { expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(settings.version));
      return c.json(settings, 200);
    },
  );

export const nationalAccountRoutes = nationalRouter()
  .openapi(
    route({
      method: 'get',
      path: '/national/accounts',
      tags: ['Accounts'],
      roles: ['national_admin'],
      summary: 'The national accounts with their status',
      request: { query: accountListQuery },
      responses: { 200: json(pageOf(accountSchema), 'A page of accounts, by user name') },
    }),
    async (c) => c.json(await listAccounts({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/national/accounts',
      tags: ['Accounts'],
      roles: ['national_admin'],
      summary: 'Create a national account (by email); it is activated with a code',
      request: { body: jsonBody(newNationalAccountSchema) },
      responses: { 201: json(accountSchema, 'Created, never activated'), 409: json(accountSchema, 'The user name is taken') },
    }),
    async (c) =>
      c.json(await createAccount({ ctx: c.get('ctx'), input: { roles: ['national_admin'], email: c.req.valid('json').email } }), 201),
  )
  .openapi(
    route({
      method: 'post',
      path: '/national/accounts/activation-codes',
      tags: ['Accounts'],
      roles: ['national_admin'],
      secretAnswer: true,
      summary: 'One-time activation (or reset) codes for national accounts',
      request: { query: codeQuery, body: jsonBody(nationalCodeRequestSchema) },
      responses: {
        201: codesResponse,
        409: problem('An account of one of these people was created meanwhile'),
        422: problem('Nobody to issue a code for, or someone named does not exist'),
      },
    }),
    async (c) => codesAnswer(c, await issueCodes({ ctx: c.get('ctx'), input: c.req.valid('json') }), c.req.valid('query').format),
  )
  .openapi(
    route({
      method: 'post',
      path: '/national/accounts/{id}/disable',
      tags: ['Accounts'],
      roles: ['national_admin'],
      summary: 'Disable a national account: it cannot sign in, and its sessions end',
      request: { params: accountIdParams },
      responses: { 200: json(accountSchema, 'Disabled'), 409: problem('An admin cannot disable their own account') },
    }),
    async (c) => c.json(await setAccountStatus({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, status: 'disabled' } }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/national/accounts/{id}/enable',
      tags: ['Accounts'],
      roles: ['national_admin'],
      summary: 'Enable a disabled national account',
      request: { params: accountIdParams },
      responses: { 200: json(accountSchema, 'Enabled') },
    }),
    async (c) => c.json(await setAccountStatus({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, status: 'active' } }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/national/accounts/{id}/reset-two-factor',
      tags: ['Accounts'],
      roles: ['national_admin'],
      summary: 'Remove a national account’s second factor and recovery codes; its sessions end',
      request: { params: accountIdParams },
      responses: { 200: json(accountSchema, 'Reset') },
    }),
    async (c) => c.json(await resetSecondFactor({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id } }), 200),
  );
