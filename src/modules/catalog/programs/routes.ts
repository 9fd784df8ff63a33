/**
 * HTTP face of the catalog: a tenant's providers and programs (`/tenants/{tenant}/…`, national
 * programs included in reads). Employees may read the catalog; the tenant admin writes the
 * tenant's own rows. National programs are curated in the curation module.
 */
import { etagOf, expectedVersion } from '../../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../../platform/http/openapi';
import { decodeCursor, pageOf, pageQuery } from '../../../platform/http/pagination';
import { tenantParams } from '../../../platform/http/params';
import {
  idParams,
  newProgramSchema,
  newProviderSchema,
  programChangesSchema,
  programQuery,
  programSchema,
  providerChangesSchema,
  providerSchema,
} from '../schemas';
import * as catalog from './programs';
import * as providers from './providers';

const admin = ['tenant_admin'] as const;
const readers = ['tenant_admin', 'employee'] as const;
const ifMatch = { 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') };

export const catalogRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/providers',
      tags: ['Catalog'],
      roles: readers,
      summary: "The tenant's providers (university, LAN/BPSDM, private trainer, internal), by name",
      request: { params: tenantParams, query: pageQuery },
      responses: { 200: json(pageOf(providerSchema), 'A page of providers') },
    }),
    async (c) => {
      const { cursor, limit } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await providers.listProviders({ ctx: c.get('ctx'), input: { limit, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/providers',
      tags: ['Catalog'],
      roles: admin,
      summary: 'Add a provider',
      request: { params: tenantParams, body: jsonBody(newProviderSchema) },
      responses: { 201: json(providerSchema, 'Created'), 409: problem('The name is taken') },
    }),
    async (c) => {
      const provider = await providers.createProvider({ ctx: c.get('ctx'), input: c.req.valid('json') });
      c.header('etag', etagOf(provider.version));
      return c.json(provider, 201);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/providers/{id}',
      tags: ['Catalog'],
      roles: readers,
      summary: 'One provider',
      request: { params: idParams },
      responses: { 200: json(providerSchema, 'The provider') },
    }),
    async (c) => {
      const provider = await providers.getProvider({ ctx: c.get('ctx'), input: c.req.valid('param').id });
      c.header('etag', etagOf(provider.version));
      return c.json(provider, 200);
    },
  )
  .openapi(
    route({
      method: 'patch',
      path: '/tenants/{tenant}/providers/{id}',
      tags: ['Catalog'],
      roles: admin,
      summary: 'Change a provider (If-Match required)',
      request: { params: idParams, body: jsonBody(providerChangesSchema) },
      responses: { 200: json(providerSchema, 'The changed provider'), 409: problem('The name is taken'), ...ifMatch },
    }),
    async (c) => {
      const provider = await providers.updateProvider({
        ctx: c.get('ctx'),
        input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(provider.version));
      return c.json(provider, 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/programs',
      tags: ['Catalog'],
      roles: readers,
      summary:
        'The catalog: national programs and this tenant’s own, by title; filter by method, classical, competency, provider, cost, JP, title words',
      request: { params: tenantParams, query: programQuery },
      responses: { 200: json(pageOf(programSchema), 'A page of programs') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await catalog.listPrograms({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/programs',
      tags: ['Catalog'],
      roles: admin,
      summary: 'Add a program of this tenant (method, JP, cost, provider, targeted competencies, prerequisites)',
      request: { params: tenantParams, body: jsonBody(newProgramSchema) },
      responses: { 201: json(programSchema, 'Created'), 409: problem('The code is taken'), 422: problem('Unknown competency or provider') },
    }),
    async (c) => {
      const program = await catalog.createProgram({ ctx: c.get('ctx'), input: c.req.valid('json') });
      c.header('etag', etagOf(program.version));
      c.header('location', `${c.req.path}/${program.id}`);
      return c.json(program, 201);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/programs/{id}',
      tags: ['Catalog'],
      roles: readers,
      summary: 'One program (national or of this tenant)',
      request: { params: idParams },
      responses: { 200: json(programSchema, 'The program') },
    }),
    async (c) => {
      const program = await catalog.getProgram({ ctx: c.get('ctx'), input: c.req.valid('param').id });
      c.header('etag', etagOf(program.version));
      return c.json(program, 200);
    },
  )
  .openapi(
    route({
      method: 'patch',
      path: '/tenants/{tenant}/programs/{id}',
      tags: ['Catalog'],
      roles: admin,
      summary: 'Change a program of this tenant (If-Match required; targets/prerequisites given are replaced whole)',
      request: { params: idParams, body: jsonBody(programChangesSchema) },
      responses: { 200: json(programSchema, 'The changed program'), 422: problem('Unknown competency or provider'), ...ifMatch },
    }),
    async (c) => {
      const program = await catalog.updateProgram({
        ctx: c.get('ctx'),
        input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(program.version));
      return c.json(program, 200);
    },
  );
