/**
 * HTTP face of the training-history import: a CSV or xlsx file of past training as BKDs keep it;
 * `dry-run` answers its report, `commit` answers 202 with the job (docs/training-history.md).
 */
import { z } from '@hono/zod-openapi';
import { DomainError } from '../../platform/errors';
import { json, problem, route, tenantRouter } from '../../platform/http/openapi';
import { tenantParams } from '../../platform/http/params';
import { accepted, jobSchema } from '../jobs';
import { commitImport, dryRunImport, formatOf, xlsxType } from './import';
import { importQuery, importReportSchema } from './schemas';

/** A dry run answers in the request: it reads what one request may carry (app.ts allows more for a commit). */
const dryRunBytes = 1024 * 1024;

export const trainingHistoryRoutes = tenantRouter().openapi(
  route({
    method: 'post',
    path: '/tenants/{tenant}/training-history/import',
    tags: ['Training history'],
    roles: ['tenant_admin'],
    summary:
      'Import past training from CSV or xlsx: dry-run reports in the request; commit records the rows and credits their JP once, as a job (202)',
    description:
      'Columns: nip, nama pelatihan, metode, penyelenggara, mulai, selesai, jp, nomor sertifikat, tanggal sertifikat (see docs/training-history.md). ' +
      'A dry run reads up to 1 MB; a commit up to 32 MB. Importing the same file again records and credits nothing twice.',
    request: {
      params: tenantParams,
      query: importQuery,
      body: {
        required: true,
        content: {
          'text/csv': { schema: z.string().openapi({ description: 'the CSV file' }) },
          [xlsxType]: { schema: z.string().openapi({ format: 'binary', description: 'the workbook (its first sheet)' }) },
        },
      },
    },
    responses: {
      200: json(importReportSchema, 'dry-run: what a commit would record, what is recorded already, and every bad row'),
      202: json(jobSchema, 'commit: the import job (or the import already running in this tenant); poll its Location'),
      413: problem('The file is larger than the mode allows'),
      415: problem('Neither text/csv nor xlsx'),
    },
  }),
  async (c) => {
    const format = formatOf(c.req.header('content-type'));
    const ctx = c.get('ctx');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (c.req.valid('query').mode === 'dry-run') {
      if (bytes.byteLength > dryRunBytes)
        throw new DomainError('payload_too_large', 'A dry run reads up to 1 MB: split the file, or commit it as a job.');
      return c.json(await dryRunImport({ ctx, input: { bytes, format } }), 200);
    }
    return accepted(c, await commitImport({ ctx, input: { bytes, format } }));
  },
);
