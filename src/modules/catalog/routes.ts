/**
 * HTTP face of the catalog: a tenant's providers and programs (`/tenants/{tenant}/…`, national
 * programs included in reads) and national curation (`/national/programs`). Employees may read
 * the catalog; the tenant admin writes the tenant's own rows; the national admin the national ones.
 */
import { serviceContext, nationalContextOf } from '../../platform/context';
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { createRouter, json, jsonBody, problem, route } from '../../platform/http/openapi';
import { decodeCursor, pageOf, pageQuery } from '../../platform/http/pagination';
import { listNationalPrograms, putNationalProgram } from './national';
import * as catalog from './programs';
import * as providers from './providers';
import {
  idParams,
  nationalCodeParams,
  nationalProgramSchema,
  newProgramSchema,
  newProviderSchema,
  programChangesSchema,
  programQuery,
  programSchema,
  providerChangesSchema,
  providerSchema,
} from './schemas';
import { tenantParams } from '../../platform/http/params';

const admin = ['tenant_admin'] as const;
const readers = ['tenant_admin', 'employee'] as const;
const ifMatch = { 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') };
const nationalCtx = nationalContextOf;

export const catalogRoutes = createRouter()
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/providers', tags: ['Catalog'], roles: readers,
      summary: "The tenant's providers (university, LAN/BPSDM, private trainer, internal), by name",
      request: { params: tenantParams, query: pageQuery },
      responses: { 200: json(pageOf(providerSchema), 'A page of providers') },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await providers.listProviders(serviceContext(c), { limit, ...(key ? { cursor: key } : {}) }), 200);
    },
  )
  .openapi(
    route({
      method: 'post', path: '/tenants/{tenant}/providers', tags: ['Catalog'], roles: admin, summary: 'Add a provider',
      request: { params: tenantParams, body: jsonBody(newProviderSchema) },
      responses: { 201: json(providerSchema, 'Created'), 409: problem('The name is taken') },
    }),
    async (c) => {
      const provider = await providers.createProvider(serviceContext(c), c.req.valid('json'));
      c.header('etag', etagOf(provider.version));
      return c.json(provider, 201);
    },
  )
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/providers/{id}', tags: ['Catalog'], roles: readers, summary: 'One provider',
      request: { params: idParams }, responses: { 200: json(providerSchema, 'The provider') },
    }),
    async (c) => {
      const provider = await providers.getProvider(serviceContext(c), c.req.valid('param').id);
      c.header('etag', etagOf(provider.version));
      return c.json(provider, 200);
    },
  )
  .openapi(
    route({
      method: 'patch', path: '/tenants/{tenant}/providers/{id}', tags: ['Catalog'], roles: admin, summary: 'Change a provider (If-Match required)',
      request: { params: idParams, body: jsonBody(providerChangesSchema) },
      responses: { 200: json(providerSchema, 'The changed provider'), 409: problem('The name is taken'), ...ifMatch },
    }),
    async (c) => {
      const provider = await providers.updateProvider(serviceContext(c), c.req.valid('param').id, expectedVersion(c), c.req.valid('json'));
      c.header('etag', etagOf(provider.version));
      return c.json(provider, 200);
    },
  )
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/programs', tags: ['Catalog'], roles: readers,
      summary: 'The catalog: national programs and this tenant’s own, by title; filter by method, classical, competency, provider, cost, JP, title words',
      request: { params: tenantParams, query: programQuery },
      responses: { 200: json(pageOf(programSchema), 'A page of programs') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await catalog.listPrograms(serviceContext(c), { ...q, ...(key ? { cursor: key } : {}) }), 200);
    },
  )
  .openapi(
    route({
      method: 'post', path: '/tenants/{tenant}/programs', tags: ['Catalog'], roles: admin,
      summary: 'Add a program of this tenant (method, JP, cost, provider, targeted competencies, prerequisites)',
      request: { params: tenantParams, body: jsonBody(newProgramSchema) },
      responses: { 201: json(programSchema, 'Created'), 409: problem('The code is taken'), 422: problem('Unknown competency or provider') },
    }),
    async (c) => {
      const program = await catalog.createProgram(serviceContext(c), c.req.valid('json'));
      c.header('etag', etagOf(program.version));
      c.header('location', `${c.req.path}/${program.id}`);
      return c.json(program, 201);
    },
  )
  .openapi(
    route({
      method: 'get', path: '/tenants/{tenant}/programs/{id}', tags: ['Catalog'], roles: readers, summary: 'One program (national or of this tenant)',
      request: { params: idParams }, responses: { 200: json(programSchema, 'The program') },
    }),
    async (c) => {
      const program = await catalog.getProgram(serviceContext(c), c.req.valid('param').id);
      c.header('etag', etagOf(program.version));
      return c.json(program, 200);
    },
  )
  .openapi(
    route({
      method: 'patch', path: '/tenants/{tenant}/programs/{id}', tags: ['Catalog'], roles: admin,
      summary: 'Change a program of this tenant (If-Match required; targets/prerequisites given are replaced whole)',
      request: { params: idParams, body: jsonBody(programChangesSchema) },
      responses: { 200: json(programSchema, 'The changed program'), 422: problem('Unknown competency or provider'), ...ifMatch },
    }),
    async (c) => {
      const program = await catalog.updateProgram(serviceContext(c), c.req.valid('param').id, expectedVersion(c), c.req.valid('json'));
      c.header('etag', etagOf(program.version));
      return c.json(program, 200);
    },
  );

export const nationalCatalogRoutes = createRouter()
  .openapi(
    route({
      method: 'get', path: '/national/programs', tags: ['Catalog'], roles: ['national_admin'], summary: 'The national program catalog, by code',
      request: { query: pageQuery }, responses: { 200: json(pageOf(programSchema), 'A page of national programs') },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await listNationalPrograms(nationalCtx(c), { limit, ...(key ? { cursor: key } : {}) }), 200);
    },
  )
  .openapi(
    route({
      method: 'put', path: '/national/programs/{code}', tags: ['Catalog'], roles: ['national_admin'],
      summary: 'Create or replace a national program in every database (idempotent; If-Match optional; national competencies only)',
      request: { params: nationalCodeParams, body: jsonBody(nationalProgramSchema) },
      responses: { 200: json(programSchema, 'Replaced (or unchanged)'), 201: json(programSchema, 'Created'), 412: problem('If-Match is stale'), 422: problem('Unknown national competency') },
    }),
    async (c) => {
      const version = c.req.header('if-match') === undefined ? undefined : expectedVersion(c);
      const { program, created } = await putNationalProgram(nationalCtx(c), c.req.valid('param').code, c.req.valid('json'), version);
      c.header('etag', etagOf(program.version));
      return created ? c.json(program, 201) : c.json(program, 200);
    },
  );
