/**
 * HTTP face of unit indicators (L4 results): the indicator (versioned, If-Match on change), its
 * values by period (PUT per period, an upsert) and its series with the change between two periods.
 * For the tenant admin only.
 */
import { etagOf, expectedVersion } from '../../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../../platform/http/pagination';
import { tenantParams } from '../../../platform/http/params';
import * as indicators from './indicators';
import {
  changeQuery,
  indicatorChangesSchema,
  indicatorDetailSchema,
  indicatorParams,
  indicatorQuery,
  indicatorSchema,
  indicatorValueInput,
  indicatorValueParams,
  indicatorValueSchema,
  newIndicatorSchema,
} from './schemas';

const tags = ['Evaluations'];
const admin = ['tenant_admin'] as const;

export const indicatorRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/indicators',
      tags,
      roles: admin,
      summary: 'Unit indicators, by unit',
      request: { params: tenantParams, query: indicatorQuery },
      responses: { 200: json(pageOf(indicatorSchema), 'A page of indicators') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await indicators.listIndicators({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/indicators',
      tags,
      roles: admin,
      summary: 'Create a unit indicator (name, unit of measure, direction)',
      request: { params: tenantParams, body: jsonBody(newIndicatorSchema) },
      responses: { 201: json(indicatorSchema, 'Created'), 422: problem('No such unit in this tenant') },
    }),
    async (c) => {
      const indicator = await indicators.createIndicator({ ctx: c.get('ctx'), input: c.req.valid('json') });
      c.header('etag', etagOf(indicator.version));
      c.header('location', `${c.req.path}/${indicator.id}`);
      return c.json(indicator, 201);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/indicators/{id}',
      tags,
      roles: admin,
      summary:
        'An indicator with its series by period and, with ?before=&after=, the change between two periods (improvement signed by direction)',
      request: { params: indicatorParams, query: changeQuery },
      responses: { 200: json(indicatorDetailSchema, 'The indicator') },
    }),
    async (c) => {
      const indicator = await indicators.getIndicator({
        ctx: c.get('ctx'),
        input: { id: c.req.valid('param').id, ...c.req.valid('query') },
      });
      c.header('etag', etagOf(indicator.version));
      return c.json(indicator, 200);
    },
  )
  .openapi(
    route({
      method: 'patch',
      path: '/tenants/{tenant}/indicators/{id}',
      tags,
      roles: admin,
      summary: 'Change an indicator (If-Match required)',
      request: { params: indicatorParams, body: jsonBody(indicatorChangesSchema) },
      responses: {
        200: json(indicatorSchema, 'The changed indicator'),
        412: problem('If-Match is stale: read again'),
        428: problem('If-Match is missing'),
      },
    }),
    async (c) => {
      const indicator = await indicators.updateIndicator({
        ctx: c.get('ctx'),
        input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(indicator.version));
      return c.json(indicator, 200);
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/tenants/{tenant}/indicators/{id}/values/{period}',
      tags,
      roles: admin,
      summary: "Record or replace the indicator's value for a period",
      request: { params: indicatorValueParams, body: jsonBody(indicatorValueInput) },
      responses: { 200: json(indicatorValueSchema, 'Replaced'), 201: json(indicatorValueSchema, 'Recorded') },
    }),
    async (c) => {
      const { id, period } = c.req.valid('param');
      const { value, created } = await indicators.putIndicatorValue({
        ctx: c.get('ctx'),
        input: { id, period, value: c.req.valid('json') },
      });
      return created ? c.json(value, 201) : c.json(value, 200);
    },
  );
