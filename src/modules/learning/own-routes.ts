/**
 * HTTP face of learning records for the employee (`/me/…`): their reports, the evidence upload
 * (a raw PDF, JPEG or PNG body, up to 5 MB: app.ts lets this path past the 1 MB limit), withdrawal,
 * and their history. Only their own: anyone else's report is a 404.
 */
import { z } from '@hono/zod-openapi';
import { ownEmployeeId } from '../../platform/context';
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import { declaredType, evidenceOf, putEvidence } from './evidence';
import { historyCsv, historyOf, historyXlsx } from './history';
import { createReport, getOwnReport, listOwnReports, withdrawReport } from './reports';
import * as s from './schemas';

const tags = ['Learning records'];
const employee = ['employee'] as const;
const binary = (description: string) => ({ schema: z.string().openapi({ format: 'binary', description }) });
export const evidenceContent = {
  'application/pdf': binary('a PDF'),
  'image/jpeg': binary('a JPEG image'),
  'image/png': binary('a PNG image'),
};

export const ownLearningRoutes = tenantRouter()
  .openapi(
    route({
      method: 'post',
      path: '/me/learning-reports',
      tags,
      roles: employee,
      summary: 'Report training taken outside Bangkom (diajukan); upload its evidence next (Idempotency-Key honoured)',
      request: { body: jsonBody(s.newReportSchema) },
      responses: {
        201: json(s.reportSchema, 'Reported, waiting for the admin'),
        422: problem("The end is after today, or the method's JP rule needs a quantity (or jpClaimed) not given"),
      },
    }),
    async (c) => {
      const report = await createReport({ ctx: c.get('ctx'), input: c.req.valid('json') });
      c.header('etag', etagOf(report.version));
      c.header('location', `${c.req.path}/${report.id}`);
      return c.json(report, 201);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/learning-reports',
      tags,
      roles: employee,
      summary: "The caller's own reports, newest first",
      request: { query: s.ownReportQuery },
      responses: { 200: json(pageOf(s.reportSchema), 'A page of reports') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 1) as [string] | undefined;
      return c.json(await listOwnReports({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/learning-reports/{id}',
      tags,
      roles: employee,
      summary: 'One of the caller’s reports, with the JP credited and why once decided',
      request: { params: s.ownReportParams },
      responses: { 200: json(s.reportSchema, 'The report') },
    }),
    async (c) => {
      const report = await getOwnReport({ ctx: c.get('ctx'), input: c.req.valid('param').id });
      c.header('etag', etagOf(report.version));
      return c.json(report, 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/me/learning-reports/{id}/withdraw',
      tags,
      roles: employee,
      summary: 'Withdraw a report while it is diajukan (ditarik); nothing is credited',
      request: { params: s.ownReportParams },
      responses: { 200: json(s.reportSchema, 'Withdrawn'), 409: problem('The report is already decided or withdrawn') },
    }),
    async (c) => c.json(await withdrawReport({ ctx: c.get('ctx'), input: c.req.valid('param').id }), 200),
  )
  .openapi(
    route({
      method: 'put',
      path: '/me/learning-reports/{id}/evidence',
      tags,
      roles: employee,
      summary:
        'Upload (or replace) the evidence while diajukan: the raw file, PDF, JPEG or PNG, at most 5 MB (If-Match: the report’s ETag)',
      description: 'The type is read from the file’s first bytes: a body that is not what its Content-Type says is refused (422).',
      request: { params: s.ownReportParams, body: { required: true, content: evidenceContent } },
      responses: {
        200: json(s.reportSchema, 'Stored; the report’s version moves on'),
        409: problem('The report is no longer diajukan'),
        412: problem('If-Match is stale: read again'),
        413: problem('The file is over 5 MB'),
        415: problem('Not application/pdf, image/jpeg or image/png'),
        422: problem('The file is empty, or its content is not what its Content-Type says'),
        428: problem('If-Match is missing'),
      },
    }),
    async (c) => {
      const version = expectedVersion(c);
      const declared = declaredType(c.req.header('content-type'));
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const report = await putEvidence({
        ctx: c.get('ctx'),
        input: { id: c.req.valid('param').id, expectedVersion: version, declared, bytes },
      });
      c.header('etag', etagOf(report.version));
      return c.json(report, 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/learning-reports/{id}/evidence',
      tags,
      roles: employee,
      summary: 'The evidence file of one of the caller’s reports, streamed',
      request: { params: s.ownReportParams },
      responses: { 200: { description: 'The file, as stored', content: evidenceContent } },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const file = await evidenceOf({ ctx, input: { id: c.req.valid('param').id, owner: ownEmployeeId(ctx) } });
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
      path: '/me/history',
      tags,
      roles: employee,
      summary: "The caller's learning history: completed programs, mentoring and coaching, approved reports, and JP per year",
      request: { query: s.historyQuery },
      responses: { 200: json(s.historySchema, 'The history, newest first') },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await historyOf({ ctx, input: { employeeId: ownEmployeeId(ctx), year: c.req.valid('query').year } }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/history.csv',
      tags,
      roles: employee,
      summary: "The caller's learning history as CSV, one line per item",
      request: { query: s.historyQuery },
      responses: { 200: s.csvContent },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const history = await historyOf({ ctx, input: { employeeId: ownEmployeeId(ctx), year: c.req.valid('query').year } });
      return c.body(historyCsv(history), 200, s.historyDownload('csv', history.employeeId));
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/history.xlsx',
      tags,
      roles: employee,
      summary: "The caller's learning history as an xlsx workbook: sheets Riwayat and JP per Tahun",
      request: { query: s.historyQuery },
      responses: { 200: s.xlsxContent },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const history = await historyOf({ ctx, input: { employeeId: ownEmployeeId(ctx), year: c.req.valid('query').year } });
      return c.body(historyXlsx(history) as Uint8Array<ArrayBuffer>, 200, s.historyDownload('xlsx', history.employeeId));
    },
  );
