import { etagOf, expectedVersion } from '../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import { tenantParams } from '../../platform/http/params';
import {
  itemParams,
  newPositionSchema,
  newUnitSchema,
  positionChangesSchema,
  positionQuery,
  positionSchema,
  unitChangesSchema,
  unitQuery,
  unitSchema,
} from './schemas';
import * as organisation from './service';

const admin = ['tenant_admin'] as const;
const readers = ['tenant_admin', 'employee', 'national_admin'] as const;
const noContent = { 204: { description: 'Deleted' } };
const ifMatch = { 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') };
const taken = { 409: problem('The code is taken'), 422: problem('A referenced unit does not exist') };

export const unitRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/units',
      tags: ['Units'],
      roles: readers,
      summary: 'Units (OPD, bidang, seksi…) by code',
      request: { params: tenantParams, query: unitQuery },
      responses: { 200: json(pageOf(unitSchema), 'A page of units') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await organisation.listUnits({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/units',
      tags: ['Units'],
      roles: admin,
      summary: 'Create a unit',
      request: { params: tenantParams, body: jsonBody(newUnitSchema) },
      responses: { 201: json(unitSchema, 'Created'), ...taken },
    }),
    async (c) => {
      const unit = await organisation.createUnit({ ctx: c.get('ctx'), input: c.req.valid('json') });
      c.header('etag', etagOf(unit.version));
      c.header('location', `${c.req.path}/${unit.id}`);
      return c.json(unit, 201);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/units/{id}',
      tags: ['Units'],
      roles: readers,
      summary: 'One unit',
      request: { params: itemParams },
      responses: { 200: json(unitSchema, 'The unit') },
    }),
    async (c) => {
      const unit = await organisation.getUnit({ ctx: c.get('ctx'), input: c.req.valid('param').id });
      c.header('etag', etagOf(unit.version));
      return c.json(unit, 200);
    },
  )
  .openapi(
    route({
      method: 'patch',
      path: '/tenants/{tenant}/units/{id}',
      tags: ['Units'],
      roles: admin,
      summary: 'Change a unit (If-Match required)',
      request: { params: itemParams, body: jsonBody(unitChangesSchema) },
      responses: { 200: json(unitSchema, 'The changed unit'), ...ifMatch, ...taken },
    }),
    async (c) => {
      const unit = await organisation.updateUnit({
        ctx: c.get('ctx'),
        input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(unit.version));
      return c.json(unit, 200);
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/tenants/{tenant}/units/{id}',
      tags: ['Units'],
      roles: admin,
      summary: 'Delete an unused unit (If-Match required)',
      request: { params: itemParams },
      responses: { ...noContent, ...ifMatch, 409: problem('Still in use') },
    }),
    async (c) => {
      await organisation.deleteUnit({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c) } });
      return c.body(null, 204);
    },
  );

export const positionRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/positions',
      tags: ['Positions'],
      roles: readers,
      summary: 'Positions (jabatan) by code',
      request: { params: tenantParams, query: positionQuery },
      responses: { 200: json(pageOf(positionSchema), 'A page of positions') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await organisation.listPositions({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/positions',
      tags: ['Positions'],
      roles: admin,
      summary: 'Create a position',
      request: { params: tenantParams, body: jsonBody(newPositionSchema) },
      responses: { 201: json(positionSchema, 'Created'), ...taken },
    }),
    async (c) => {
      const position = await organisation.createPosition({ ctx: c.get('ctx'), input: c.req.valid('json') });
      c.header('etag', etagOf(position.version));
      c.header('location', `${c.req.path}/${position.id}`);
      return c.json(position, 201);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/positions/{id}',
      tags: ['Positions'],
      roles: readers,
      summary: 'One position',
      request: { params: itemParams },
      responses: { 200: json(positionSchema, 'The position') },
    }),
    async (c) => {
      const position = await organisation.getPosition({ ctx: c.get('ctx'), input: c.req.valid('param').id });
      c.header('etag', etagOf(position.version));
      return c.json(position, 200);
    },
  )
  .openapi(
    route({
      method: 'patch',
      path: '/tenants/{tenant}/positions/{id}',
      tags: ['Positions'],
      roles: admin,
      summary: 'Change a position (If-Match required)',
      request: { params: itemParams, body: jsonBody(positionChangesSchema) },
      responses: { 200: json(positionSchema, 'The changed position'), ...ifMatch, ...taken },
    }),
    async (c) => {
      const position = await organisation.updatePosition({
        ctx: c.get('ctx'),
        input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(position.version));
      return c.json(position, 200);
    },
  )
  .openapi(
    route({
      method: 'delete',
      path: '/tenants/{tenant}/positions/{id}',
      tags: ['Positions'],
      roles: admin,
      summary: 'Delete an unused position (If-Match required)',
      request: { params: itemParams },
      responses: { ...noContent, ...ifMatch, 409: problem('Still in use') },
    }),
    async (c) => {
      await organisation.deletePosition({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c) } });
      return c.body(null, 204);
    },
  );
