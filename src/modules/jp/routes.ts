/**
 * HTTP face of the JP ledger: manual credits by the tenant admin, an employee's ledger for a year
 * (`/tenants/{tenant}/employees/{id}/jp` and the caller's own `/me/jp`), and the tenant summary.
 * Personal data: the national admin is refused; an employee reads only their own ledger. The JP
 * rules per method (`/jp-rules`) are the tenant admin's, versioned by ETag/If-Match.
 */
import { z } from '@hono/zod-openapi';
import { ownEmployeeId } from '../../platform/context';
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../platform/http/openapi';
import { tenantParams } from '../../platform/http/params';
import { ledgerOf, recordJp } from './ledger';
import { jpRecap, jpRecapCsv, jpRecapXlsx } from './recap';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

import { type JpRules, jpRulesOf, putJpRules } from './rules';
import {
  employeeParams,
  jpEntrySchema,
  jpLedgerSchema,
  jpRecapSchema,
  jpRulesInput,
  jpRulesSchema,
  jpSummarySchema,
  newJpEntrySchema,
  summaryQuery,
  yearQuery,
} from './schemas';
import { jpSummary } from './summary';

export const jpRoutes = tenantRouter()
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/jp',
      tags: ['JP'],
      roles: ['tenant_admin'],
      summary: 'Credit JP to an employee by hand (a repeated reference answers 200 with the entry it already made)',
      request: { params: tenantParams, body: jsonBody(newJpEntrySchema) },
      responses: {
        201: json(jpEntrySchema, 'Credited'),
        200: json(jpEntrySchema, 'Already credited under this reference: the existing entry'),
        422: problem('No such employee in this tenant'),
      },
    }),
    async (c) => {
      const { entry, created } = await recordJp({ ctx: c.get('ctx'), input: c.req.valid('json') });
      return created ? c.json(entry, 201) : c.json(entry, 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/employees/{id}/jp',
      tags: ['JP'],
      roles: ['tenant_admin', 'employee'],
      summary: "An employee's JP of a year: entries newest first, total, target, remaining, reached",
      request: { params: employeeParams, query: yearQuery },
      responses: { 200: json(jpLedgerSchema, 'The ledger of the year') },
    }),
    async (c) =>
      c.json(await ledgerOf({ ctx: c.get('ctx'), input: { employeeId: c.req.valid('param').id, year: c.req.valid('query').year } }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/jp/summary',
      tags: ['JP'],
      roles: ['tenant_admin'],
      summary: 'Active employees, how many reach the JP target, share and mean JP for a year (optionally one unit)',
      request: { params: tenantParams, query: summaryQuery },
      responses: { 200: json(jpSummarySchema, 'The summary') },
    }),
    async (c) => c.json(await jpSummary({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/jp/recap',
      tags: ['JP'],
      roles: ['tenant_admin'],
      summary:
        'The JP recap per OPD for a year: per top-level unit (or per unit under `unit`), with its sub-units: people, share reaching the target, total JP',
      request: { params: tenantParams, query: summaryQuery },
      responses: { 200: json(jpRecapSchema, 'The recap') },
    }),
    async (c) => c.json(await jpRecap({ ctx: c.get('ctx'), input: c.req.valid('query') }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/jp/recap.csv',
      tags: ['JP'],
      roles: ['tenant_admin'],
      summary: 'The JP recap per OPD as CSV, with a total line',
      request: { params: tenantParams, query: summaryQuery },
      responses: { 200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const csv = await jpRecapCsv({ ctx: c.get('ctx'), input: q });
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="jp-recap-${c.req.valid('param').tenant}${q.year ? `-${q.year}` : ''}.csv"`,
      });
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/jp/recap.xlsx',
      tags: ['JP'],
      roles: ['tenant_admin'],
      summary: 'The JP recap per OPD as an xlsx workbook (the CSV’s lines and total, numbers as numbers)',
      request: { params: tenantParams, query: summaryQuery },
      responses: { 200: { description: 'The workbook', content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } } } },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const bytes = await jpRecapXlsx({ ctx: c.get('ctx'), input: q });
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': xlsxType,
        'content-disposition': `attachment; filename="jp-recap-${c.req.valid('param').tenant}${q.year ? `-${q.year}` : ''}.xlsx"`,
      });
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/jp',
      tags: ['Me'],
      roles: ['employee'],
      summary: "The caller's own JP of a year",
      request: { query: yearQuery },
      responses: { 200: json(jpLedgerSchema, 'The ledger of the year') },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await ledgerOf({ ctx, input: { employeeId: ownEmployeeId(ctx), year: c.req.valid('query').year } }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/jp-rules',
      tags: ['JP'],
      roles: ['tenant_admin'],
      summary: 'The JP rules per method (basis, JP per unit, caps per day, month, year and activity); version 0 while the defaults apply',
      request: { params: tenantParams },
      responses: { 200: json(jpRulesSchema, 'The rules in force') },
    }),
    async (c) => {
      const set = await jpRulesOf({ ctx: c.get('ctx'), input: undefined });
      c.header('etag', etagOf(set.version));
      return c.json(set, 200);
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/tenants/{tenant}/jp-rules',
      tags: ['JP'],
      roles: ['tenant_admin'],
      summary: 'Replace the JP rules, every method (If-Match required: "v0" before the first save); credits already made stay as they are',
      request: { params: tenantParams, body: jsonBody(jpRulesInput) },
      responses: { 200: json(jpRulesSchema, 'Saved'), 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') },
    }),
    async (c) => {
      const set = await putJpRules({
        ctx: c.get('ctx'),
        input: { expectedVersion: expectedVersion(c), rules: c.req.valid('json').rules as JpRules },
      });
      c.header('etag', etagOf(set.version));
      return c.json(set, 200);
    },
  );
