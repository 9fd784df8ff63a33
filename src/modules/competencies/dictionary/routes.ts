/**
 * HTTP face of the dictionary: `/tenants/{tenant}/competencies` (national rows plus the tenant's
 * technical ones; the tenant admin keeps the latter). The national rows are curated by the
 * curation module. Handlers parse, call one service, shape the answer.
 */
import { etagOf, expectedVersion } from '../../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../../platform/http/pagination';
import { tenantParams } from '../../../platform/http/params';
import { competencyChangesSchema, competencyParams, competencyQuery, competencySchema, newCompetencySchema } from './schemas';
import { createCompetency, getCompetency, listCompetencies, updateCompetency } from './service';

const tags = ['Competencies'];
const admin = ['tenant_admin'] as const;
const readers = ['tenant_admin', 'employee', 'national_admin'] as const;
const ifMatch = { 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') };

export const competencyRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/competencies',
      tags,
      roles: readers,
      summary: 'The dictionary as this tenant sees it: national competencies and its own technical ones, by code',
      request: { params: tenantParams, query: competencyQuery },
      responses: { 200: json(pageOf(competencySchema), 'A page of competencies') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await listCompetencies({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/competencies',
      tags,
      roles: admin,
      summary: 'Add a technical (teknis) competency with its five level descriptions',
      request: { params: tenantParams, body: jsonBody(newCompetencySchema) },
      responses: { 201: json(competencySchema, 'Created'), 409: problem('The code is taken (by a national or own competency)') },
    }),
    async (c) => {
      const competency = await createCompetency({ ctx: c.get('ctx'), input: c.req.valid('json') });
      c.header('etag', etagOf(competency.version));
      c.header('location', `${c.req.path}/${competency.id}`);
      return c.json(competency, 201);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/competencies/{id}',
      tags,
      roles: readers,
      summary: 'One competency (national or of this tenant)',
      request: { params: competencyParams },
      responses: { 200: json(competencySchema, 'The competency') },
    }),
    async (c) => {
      const competency = await getCompetency({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id } });
      c.header('etag', etagOf(competency.version));
      return c.json(competency, 200);
    },
  )
  .openapi(
    route({
      method: 'patch',
      path: '/tenants/{tenant}/competencies/{id}',
      tags,
      roles: admin,
      summary: 'Change a technical competency of this tenant (If-Match required; national ones are curated nationally)',
      request: { params: competencyParams, body: jsonBody(competencyChangesSchema) },
      responses: { 200: json(competencySchema, 'The changed competency'), ...ifMatch },
    }),
    async (c) => {
      const input = { id: c.req.valid('param').id, expectedVersion: expectedVersion(c), changes: c.req.valid('json') };
      const competency = await updateCompetency({ ctx: c.get('ctx'), input });
      c.header('etag', etagOf(competency.version));
      return c.json(competency, 200);
    },
  );
