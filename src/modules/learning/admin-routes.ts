/**
 * HTTP face of learning records for the tenant admin: the verification queue and its decisions,
 * the evidence of any report of the tenant, an employee's history, and the SIASN export. Personal
 * data: the national admin is refused (403, before anything is looked up), as on every such route.
 * Static paths are declared before `{id}`.
 */
import { z } from '@hono/zod-openapi';
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { accepted, jobSchema } from '../jobs';
import { evidenceOf } from './evidence';
import { historyCsv, historyOf, historyXlsx } from './history';
import { evidenceContent } from './own-routes';
import { approveReport, getQueued, listQueue, rejectReport } from './review';
import * as s from './schemas';
import { markSent, siasnRiwayat, siasnRiwayatCsv } from './siasn';
import { startSiasnSync } from './siasn-sync';

const tags = ['Learning records'];
const admin = ['tenant_admin'] as const;
/** If-Match is optional on a decision: when sent, the report must still be the version the admin read. */
const optionalVersion = (c: { req: { header(name: string): string | undefined } }) =>
  c.req.header('if-match') === undefined ? undefined : expectedVersion(c);
const decisionProblems = {
  409: problem('The report is already decided or withdrawn, or the JP of the period moved meanwhile (retry)'),
  412: problem('If-Match was sent and the report changed since (new evidence)'),
};

export const learningAdminRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/learning-reports',
      tags,
      roles: admin,
      summary: 'The verification queue: reports oldest first, by status (diajukan: waiting), unit (with sub-units), employee, year',
      request: { params: tenantParams, query: s.queueQuery },
      responses: { 200: json(pageOf(s.reportSchema), 'A page of reports') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 1) as [string] | undefined;
      return c.json(await listQueue({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/learning-reports/{id}',
      tags,
      roles: admin,
      summary: 'One report',
      request: { params: s.reportParams },
      responses: { 200: json(s.reportSchema, 'The report') },
    }),
    async (c) => {
      const report = await getQueued({ ctx: c.get('ctx'), input: c.req.valid('param').id });
      c.header('etag', etagOf(report.version));
      return c.json(report, 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/learning-reports/{id}/approve',
      tags,
      roles: admin,
      summary: "Approve: credits JP once, by the method's rule (possibly less than claimed; the reason is kept)",
      request: { params: s.reportParams },
      responses: { 200: json(s.reportSchema, 'Approved, with the JP credited and why'), ...decisionProblems },
    }),
    async (c) =>
      c.json(await approveReport({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, expectedVersion: optionalVersion(c) } }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/learning-reports/{id}/reject',
      tags,
      roles: admin,
      summary: 'Reject with a reason; nothing is credited',
      request: { params: s.reportParams, body: jsonBody(s.rejectSchema) },
      responses: { 200: json(s.reportSchema, 'Rejected'), ...decisionProblems },
    }),
    async (c) =>
      c.json(
        await rejectReport({
          ctx: c.get('ctx'),
          input: { id: c.req.valid('param').id, reason: c.req.valid('json').reason, expectedVersion: optionalVersion(c) },
        }),
        200,
      ),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/learning-reports/{id}/evidence',
      tags,
      roles: admin,
      summary: 'The evidence file of a report, streamed',
      request: { params: s.reportParams },
      responses: { 200: { description: 'The file, as stored', content: evidenceContent } },
    }),
    async (c) => {
      const file = await evidenceOf({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id } });
      return c.body(file.body, 200, {
        'content-type': file.contentType,
        'content-length': String(file.bytes),
        'content-disposition': `attachment; filename="${file.filename}"`,
        'x-content-type-options': 'nosniff',
      });
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/employees/{id}/history',
      tags,
      roles: ['tenant_admin', 'employee'],
      summary: "An employee's learning history (the employee themself, or the admin)",
      request: { params: s.reportParams, query: s.historyQuery },
      responses: { 200: json(s.historySchema, 'The history, newest first') },
    }),
    async (c) =>
      c.json(await historyOf({ ctx: c.get('ctx'), input: { employeeId: c.req.valid('param').id, year: c.req.valid('query').year } }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/employees/{id}/history.csv',
      tags,
      roles: ['tenant_admin', 'employee'],
      summary: "An employee's learning history as CSV (the employee themself, or the admin)",
      request: { params: s.reportParams, query: s.historyQuery },
      responses: { 200: s.csvContent },
    }),
    async (c) => {
      const history = await historyOf({
        ctx: c.get('ctx'),
        input: { employeeId: c.req.valid('param').id, year: c.req.valid('query').year },
      });
      return c.body(historyCsv(history), 200, s.historyDownload('csv', history.employeeId));
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/employees/{id}/history.xlsx',
      tags,
      roles: ['tenant_admin', 'employee'],
      summary: "An employee's learning history as an xlsx workbook (the employee themself, or the admin)",
      request: { params: s.reportParams, query: s.historyQuery },
      responses: { 200: s.xlsxContent },
    }),
    async (c) => {
      const history = await historyOf({
        ctx: c.get('ctx'),
        input: { employeeId: c.req.valid('param').id, year: c.req.valid('query').year },
      });
      return c.body(historyXlsx(history) as Uint8Array<ArrayBuffer>, 200, s.historyDownload('xlsx', history.employeeId));
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/siasn/riwayat.json',
      tags,
      roles: admin,
      summary: 'Approved reports not yet sent to SIASN, in its riwayat kursus fields; unmapped methods listed apart',
      request: { params: tenantParams },
      responses: { 200: json(s.siasnExportSchema, 'The records to send') },
    }),
    async (c) => c.json(await siasnRiwayat({ ctx: c.get('ctx'), input: undefined }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/siasn/riwayat.csv',
      tags,
      roles: admin,
      summary: 'The SIASN records to send, as CSV (the unmapped ones are in riwayat.json)',
      request: { params: tenantParams },
      responses: { 200: { description: 'CSV with a header row', content: { 'text/csv': { schema: z.string() } } } },
    }),
    async (c) => {
      const csv = await siasnRiwayatCsv({ ctx: c.get('ctx'), input: undefined });
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="siasn-riwayat-${c.req.valid('param').tenant}.csv"`,
      });
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/siasn/mark-sent',
      tags,
      roles: admin,
      summary: 'Mark exported records as sent to SIASN, so the export leaves them out',
      request: { params: tenantParams, body: jsonBody(s.markSentSchema) },
      responses: { 200: json(s.markedSchema, 'Which were marked, which skipped'), 409: problem('Marked meanwhile by someone else: retry') },
    }),
    async (c) => c.json(await markSent({ ctx: c.get('ctx'), input: c.req.valid('json') }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/siasn/sync',
      tags,
      roles: admin,
      summary:
        'Send the records of the export to SIASN as a job (siasn.sync): riwayat kursus, the certificate PDF, the returned ids stored',
      request: { params: tenantParams, body: jsonBody(s.siasnSyncSchema) },
      responses: {
        202: json(jobSchema, "The job (or the tenant's sync already running); poll its Location"),
        409: problem('SIASN is not configured for this region (SIASN belum dikonfigurasi)'),
      },
    }),
    async (c) => accepted(c, await startSiasnSync({ ctx: c.get('ctx'), input: c.req.valid('json') })),
  );
