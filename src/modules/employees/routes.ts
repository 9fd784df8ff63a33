/**
 * HTTP face of the ASN registry under /tenants/{tenant}/employees. Personal data: the national
 * admin is refused on every route; an employee may read only their own record. Static paths
 * (import, export.csv) are declared before `{id}` so they are never taken for an id.
 */
import { z } from '@hono/zod-openapi';
import { DomainError } from '../../platform/errors';
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { accepted, jobSchema, startTenantJob } from '../jobs';
import { checkEmployeesCsvHeader } from './csv';
import { exportEmployees } from './export';
import { dryRunImport } from './import';
import { importFileKey, importKind } from './import-job';
import {
  employeeChangesSchema,
  employeeFilters,
  employeeParams,
  employeeQuery,
  employeeSchema,
  importQuery,
  importReportSchema,
  newEmployeeSchema,
} from './schemas';
import * as registry from './service';

const tags = ['Employees'];
/** A dry run answers in the request, so it reads what one request may carry (app.ts allows more for a commit). */
const dryRunBytes = 1024 * 1024;
const admin = ['tenant_admin'] as const;
const ifMatch = { 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') };
const refused = { 409: problem('The NIP is taken in this tenant'), 422: problem('A unit, position or supervisor does not hold') };
const csvContent = (description: string) => ({ 'text/csv': { schema: z.string().openapi({ description }) } });

export const employeeRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/employees',
      tags,
      roles: admin,
      summary: 'The ASN registry by name, with filters',
      request: { params: tenantParams, query: employeeQuery },
      responses: { 200: json(pageOf(employeeSchema), 'A page of employees') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await registry.listEmployees({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/employees',
      tags,
      roles: admin,
      summary: 'Register an employee (Idempotency-Key honoured)',
      request: { params: tenantParams, body: jsonBody(newEmployeeSchema) },
      responses: { 201: json(employeeSchema, 'Created'), ...refused },
    }),
    async (c) => {
      const employee = await registry.createEmployee({ ctx: c.get('ctx'), input: c.req.valid('json') });
      c.header('etag', etagOf(employee.version));
      c.header('location', `${c.req.path}/${employee.id}`);
      return c.json(employee, 201);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/employees/import',
      tags,
      roles: admin,
      summary: 'Import employees from CSV: dry-run reports in the request; commit upserts by NIP as a job (202)',
      description:
        'Columns: nip, name, unit_code, position_code, grade, employment_type, supervisor_nip, email (see docs/employees-import.md). ' +
        'Comma, semicolon or tab delimited, UTF-8 with or without BOM. A dry run reads up to 1 MB (about 8,000 rows) and answers its ' +
        'report; a commit takes up to 32 MB (about 250,000 rows), answers 202 with the job in `Location`, and the job’s result is the report.',
      request: { params: tenantParams, query: importQuery, body: { required: true, content: csvContent('the CSV file') } },
      responses: {
        200: json(importReportSchema, 'dry-run: what a commit would create, update, leave unchanged, and every bad row'),
        202: json(jobSchema, 'commit: the import job (or the import already running in this tenant); poll its Location'),
        413: problem('The file is larger than the mode allows'),
        409: problem('Not applied: another request changed a NIP, unit, position or supervisor meanwhile; import the file again'),
        415: problem('Not text/csv'),
      },
    }),
    async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'text/csv') throw new DomainError('unsupported_media_type', 'Send the file as text/csv.');
      const ctx = c.get('ctx');
      const csv = await c.req.text();
      if (c.req.valid('query').mode === 'dry-run') {
        if (new TextEncoder().encode(csv).byteLength > dryRunBytes) {
          throw new DomainError(
            'payload_too_large',
            'A dry run reads up to 1 MB (about 8,000 rows): split the file, or commit it as a job.',
          );
        }
        return c.json(await dryRunImport({ ctx, input: { csv } }), 200);
      }
      checkEmployeesCsvHeader(csv);
      const started = await startTenantJob(ctx, {
        kind: importKind,
        input: (jobId) => ({ file: importFileKey(ctx.tenant.id, jobId) }),
        prepare: async (jobId) => {
          await ctx.env.FILES.put(importFileKey(ctx.tenant.id, jobId), csv);
        },
      });
      return accepted(c, started);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/employees/export.csv',
      tags,
      roles: admin,
      summary: 'The registry as CSV (the import columns first), with the list filters',
      request: { params: tenantParams, query: employeeFilters },
      responses: { 200: { description: 'CSV with a header row', content: csvContent('the employees') } },
    }),
    async (c) => {
      const csv = await exportEmployees({ ctx: c.get('ctx'), input: c.req.valid('query') });
      return c.body(csv, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="employees-${c.req.valid('param').tenant}.csv"`,
      });
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/employees/{id}',
      tags,
      roles: ['tenant_admin', 'employee'],
      summary: 'One employee (an employee may read only their own record)',
      request: { params: employeeParams },
      responses: { 200: json(employeeSchema, 'The employee') },
    }),
    async (c) => {
      const employee = await registry.getEmployee({ ctx: c.get('ctx'), input: c.req.valid('param').id });
      c.header('etag', etagOf(employee.version));
      return c.json(employee, 200);
    },
  )
  .openapi(
    route({
      method: 'patch',
      path: '/tenants/{tenant}/employees/{id}',
      tags,
      roles: admin,
      summary: 'Change an employee (If-Match required)',
      request: { params: employeeParams, body: jsonBody(employeeChangesSchema) },
      responses: { 200: json(employeeSchema, 'The changed employee'), ...ifMatch, ...refused },
    }),
    async (c) => {
      const employee = await registry.updateEmployee({
        ctx: c.get('ctx'),
        input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(employee.version));
      return c.json(employee, 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/employees/{id}/deactivate',
      tags,
      roles: admin,
      summary: 'Mark an employee inactive, keeping their history (If-Match required)',
      request: { params: employeeParams },
      responses: { 200: json(employeeSchema, 'The employee, now inactive'), ...ifMatch },
    }),
    async (c) => {
      const employee = await registry.deactivateEmployee({
        ctx: c.get('ctx'),
        input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c) },
      });
      c.header('etag', etagOf(employee.version));
      return c.json(employee, 200);
    },
  );
