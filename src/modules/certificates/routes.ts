/**
 * HTTP face of certificates: the admin issues (one participant, or every passed one as a job),
 * lists, downloads and revokes the tenant's; the participant lists and downloads their own; the
 * certificate settings (numbering pattern, place, default official) are versioned by ETag. A
 * revocation is guarded by the certificate's status, so it carries no If-Match.
 */

import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import { accepted, jobSchema } from '../jobs';
import { issueOne } from './issue';
import { startCertificateBatch } from './job';
import { certificatePdf } from './pdf';
import {
  certificateParams,
  certificateQuery,
  certificateSchema,
  issueAllSchema,
  issueSchema,
  ownCertificateParams,
  ownCertificateQuery,
  revokeSchema,
  settingsInput,
  settingsSchema,
} from './schemas';
import { certificateSettingsOf, putCertificateSettings } from './settings';
import {
  type CertificateRow,
  certificateRow,
  getCertificate,
  listCertificates,
  listOwnCertificates,
  ownCertificateRow,
  revokeCertificate,
} from './view';

const tags = ['Certificates'];
const admin = ['tenant_admin'] as const;
const pdf = {
  description: 'The certificate (A4 landscape)',
  content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
};

/** The PDF as a download; its QR code points at this deployment's verification page. */
async function pdfAnswer(c: Context, row: CertificateRow) {
  const url = `${new URL(c.req.url).origin}/verifikasi/${row.verificationCode}`;
  const bytes = await certificatePdf(row, url);
  const file = `sertifikat-${row.number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`;
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `attachment; filename="${file}"`,
    'cache-control': 'private, no-store',
  });
}

export const certificateRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/certificate-settings',
      tags,
      roles: admin,
      summary:
        'Certificate settings: numbering pattern, issuing unit, place of issue, default signing official; version 0 while the defaults apply',
      request: { params: tenantParams },
      responses: { 200: json(settingsSchema, 'The settings in force') },
    }),
    async (c) => {
      const settings = await certificateSettingsOf({ ctx: c.get('ctx'), input: undefined });
      c.header('etag', etagOf(settings.version));
      return c.json(settings, 200);
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/tenants/{tenant}/certificate-settings',
      tags,
      roles: admin,
      summary: 'Save the certificate settings (If-Match required: "v0" before the first save); a pattern is checked before it is kept',
      request: { params: tenantParams, body: jsonBody(settingsInput) },
      responses: { 200: json(settingsSchema, 'Saved'), 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') },
    }),
    async (c) => {
      const settings = await putCertificateSettings({
        ctx: c.get('ctx'),
        input: { expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(settings.version));
      return c.json(settings, 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/offerings/{id}/certificates',
      tags,
      roles: admin,
      summary: "Issue a participant's certificate (a completed, passed enrollment of this offering), numbered in the year of issue",
      request: { params: certificateParams, body: jsonBody(issueSchema) },
      responses: {
        201: json(certificateSchema, 'Issued'),
        409: problem('The participant already has a valid certificate'),
        422: problem('Not an enrollment of this offering, not passed, or no signing official'),
      },
    }),
    async (c) => {
      const { enrollmentId, ...options } = c.req.valid('json');
      const issued = await issueOne({ ctx: c.get('ctx'), input: { offeringId: c.req.valid('param').id, enrollmentId, options } });
      return c.json(issued, 201);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/offerings/{id}/certificates/batch',
      tags,
      roles: admin,
      summary: 'Issue the certificates of every passed participant who has none, as a job (certificates.issue)',
      request: { params: certificateParams, body: jsonBody(issueAllSchema) },
      responses: {
        202: json(jobSchema, 'The job (or the certificate batch already running in this tenant); poll its Location'),
        422: problem('No signing official'),
      },
    }),
    async (c) => {
      const input = { offeringId: c.req.valid('param').id, options: c.req.valid('json') };
      return accepted(c, await startCertificateBatch({ ctx: c.get('ctx'), input }));
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/certificates',
      tags,
      roles: admin,
      summary: "The tenant's certificates, newest issue first; filter by offering, employee, status, year",
      request: { params: tenantParams, query: certificateQuery },
      responses: { 200: json(pageOf(certificateSchema), 'A page of certificates') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await listCertificates({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/certificates/{id}',
      tags,
      roles: admin,
      summary: 'One certificate',
      request: { params: certificateParams },
      responses: { 200: json(certificateSchema, 'The certificate') },
    }),
    async (c) => c.json(await getCertificate({ ctx: c.get('ctx'), input: c.req.valid('param').id }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/certificates/{id}/pdf',
      tags,
      roles: admin,
      summary: 'The certificate as PDF (a revoked one is stamped DICABUT)',
      request: { params: certificateParams },
      responses: { 200: pdf },
    }),
    async (c) => pdfAnswer(c, await certificateRow({ ctx: c.get('ctx'), input: c.req.valid('param').id })),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/certificates/{id}/revoke',
      tags,
      roles: admin,
      summary: 'Revoke a certificate with a reason (today, on the region’s clock); the verification page says so from then on',
      request: { params: certificateParams, body: jsonBody(revokeSchema) },
      responses: { 200: json(certificateSchema, 'Revoked'), 409: problem('Already revoked') },
    }),
    async (c) =>
      c.json(
        await revokeCertificate({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, reason: c.req.valid('json').reason } }),
        200,
      ),
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/certificates',
      tags: ['Me'],
      roles: ['employee'],
      summary: "The caller's own certificates, newest issue first",
      request: { query: ownCertificateQuery },
      responses: { 200: json(pageOf(certificateSchema), 'A page of certificates') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await listOwnCertificates({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/certificates/{id}/pdf',
      tags: ['Me'],
      roles: ['employee'],
      summary: "One of the caller's own certificates as PDF",
      request: { params: ownCertificateParams },
      responses: { 200: pdf },
    }),
    async (c) => pdfAnswer(c, await ownCertificateRow({ ctx: c.get('ctx'), input: c.req.valid('param').id })),
  );
