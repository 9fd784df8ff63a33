/**
 * HTTP face of the dictionary: `/tenants/{tenant}/competencies` (national rows plus the tenant's
 * technical ones; the tenant admin keeps the latter) and `/national/competencies` (national
 * admin, written to every database). Handlers parse, call one service, shape the answer.
 */
import { serviceContext, nationalContextOf } from '../../platform/context';
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { createRouter, json, jsonBody, problem, route } from '../../platform/http/openapi';
import { decodeCursor, pageOf, pageQuery } from '../../platform/http/pagination';
import * as dictionary from './dictionary';
import { listNational, putNational } from './national';
import {
  competencyChangesSchema,
  competencyParams,
  competencyQuery,
  competencySchema,
  nationalCodeParams,
  nationalCompetencySchema,
  newCompetencySchema,
} from './schemas';
import { tenantParams } from '../../platform/http/params';

const tags = ['Competencies'];
const admin = ['tenant_admin'] as const;
const readers = ['tenant_admin', 'employee', 'national_admin'] as const;
const ifMatch = { 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') };

export const competencyRoutes = createRouter()
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/competencies', tags, roles: readers,
      summary: 'The dictionary as this tenant sees it: national competencies and its own technical ones, by code',
      request: { params: tenantParams, query: competencyQuery },
      responses: { 200: json(pageOf(competencySchema), 'A page of competencies') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await dictionary.listCompetencies(serviceContext(c), { ...q, ...(key ? { cursor: key } : {}) }), 200);
    },
  )
  .openapi(
    route({
      method: 'post', path: '/tenants/{tenant}/competencies', tags, roles: admin,
      summary: 'Add a technical (teknis) competency with its five level descriptions',
      request: { params: tenantParams, body: jsonBody(newCompetencySchema) },
      responses: { 201: json(competencySchema, 'Created'), 409: problem('The code is taken (by a national or own competency)') },
    }),
    async (c) => {
      const competency = await dictionary.createCompetency(serviceContext(c), c.req.valid('json'));
      c.header('etag', etagOf(competency.version));
      c.header('location', `${c.req.path}/${competency.id}`);
      return c.json(competency, 201);
    },
  )
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/competencies/{id}', tags, roles: readers,
      summary: 'One competency (national or of this tenant)', request: { params: competencyParams },
      responses: { 200: json(competencySchema, 'The competency') },
    }),
    async (c) => {
      const competency = await dictionary.getCompetency(serviceContext(c), c.req.valid('param').id);
      c.header('etag', etagOf(competency.version));
      return c.json(competency, 200);
    },
  )
  .openapi(
    route({
      method: 'patch', path: '/tenants/{tenant}/competencies/{id}', tags, roles: admin,
      summary: 'Change a technical competency of this tenant (If-Match required; national ones are curated nationally)',
      request: { params: competencyParams, body: jsonBody(competencyChangesSchema) },
      responses: { 200: json(competencySchema, 'The changed competency'), ...ifMatch },
    }),
    async (c) => {
      const competency = await dictionary.updateCompetency(serviceContext(c), c.req.valid('param').id, expectedVersion(c), c.req.valid('json'));
      c.header('etag', etagOf(competency.version));
      return c.json(competency, 200);
    },
  );

export const nationalCompetencyRoutes = createRouter()
  .openapi(
    route({
      method: 'get', path: '/national/competencies', tags, roles: ['national_admin'],
      summary: 'The national dictionary (managerial and social-cultural), by code',
      request: { query: pageQuery },
      responses: { 200: json(pageOf(competencySchema), 'A page of national competencies') },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      const ctx = nationalContextOf(c);
      return c.json(await listNational(ctx, { limit, ...(key ? { cursor: key } : {}) }), 200);
    },
  )
  .openapi(
    route({
      method: 'put', path: '/national/competencies/{code}', tags, roles: ['national_admin'],
      summary: 'Create or replace a national competency in every database (idempotent; If-Match optional)',
      request: { params: nationalCodeParams, body: jsonBody(nationalCompetencySchema) },
      responses: {
        200: json(competencySchema, 'Replaced (or unchanged)'),
        201: json(competencySchema, 'Created'),
        409: problem('A tenant uses this code'),
        412: problem('If-Match is stale'),
      },
    }),
    async (c) => {
      const ctx = nationalContextOf(c);
      const version = c.req.header('if-match') === undefined ? undefined : expectedVersion(c);
      const { competency, created } = await putNational(ctx, c.req.valid('param').code, c.req.valid('json'), version);
      c.header('etag', etagOf(competency.version));
      return created ? c.json(competency, 201) : c.json(competency, 200);
    },
  );
