/**
 * HTTP face of recommendations (employee, unit, a unit's people one by one, and the caller's own) and of one employee's
 * enrollments (`…/employees/{id}/enrollments`, `/me/enrollments`). Personal data: the national admin is refused; an employee reads
 * only their own recommendations (404 for anyone else's).
 */
import type { z } from '@hono/zod-openapi';
import { ownEmployeeId } from '../../../platform/context';
import { json, route, tenantRouter } from '../../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../../platform/http/pagination';
import { enrollmentsOfEmployee, listOfEmployee } from '../offerings/enrollments';
import {
  enrollmentQuery,
  idParams,
  personEnrollmentSchema,
  recommendationQuery,
  recommendationsSchema,
  unitPeopleRecommendationQuery,
  unitPeopleRecommendationsSchema,
} from '../schemas';
import { forEmployee, forUnit, forUnitPeople } from './recommendations';

/** One person's page of enrollments: the query with its cursor decoded. */
function enrollmentPage(employeeId: string, { cursor, ...q }: z.infer<typeof enrollmentQuery>) {
  const key = decodeCursor(cursor, 2) as [string, string] | undefined;
  return { employeeId, ...q, ...(key ? { cursor: key } : {}) };
}

const tags = ['Catalog'];

export const recommendationRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/employees/{id}/recommendations',
      tags,
      roles: ['tenant_admin', 'employee'],
      summary:
        'Programs ranked by the weighted gap they close for the employee (prerequisites met, optional maxCost), with reasons and open offerings',
      request: { params: idParams, query: recommendationQuery },
      responses: { 200: json(recommendationsSchema, 'The ranking') },
    }),
    async (c) =>
      c.json(await forEmployee({ ctx: c.get('ctx'), input: { employeeId: c.req.valid('param').id, query: c.req.valid('query') } }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/units/{id}/recommendations',
      tags,
      roles: ['tenant_admin'],
      summary: "Programs ranked by the weighted gap they close summed over the unit's active employees",
      request: { params: idParams, query: recommendationQuery },
      responses: { 200: json(recommendationsSchema, 'The ranking') },
    }),
    async (c) => c.json(await forUnit({ ctx: c.get('ctx'), input: { unitId: c.req.valid('param').id, query: c.req.valid('query') } }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/units/{id}/recommendations/people',
      tags,
      roles: ['tenant_admin'],
      summary: 'Each active employee of the unit with their own top programs and reasons, those helped most first',
      request: { params: idParams, query: unitPeopleRecommendationQuery },
      responses: { 200: json(unitPeopleRecommendationsSchema, "The unit's people with their rankings") },
    }),
    async (c) =>
      c.json(await forUnitPeople({ ctx: c.get('ctx'), input: { unitId: c.req.valid('param').id, query: c.req.valid('query') } }), 200),
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/recommendations',
      tags: ['Me'],
      roles: ['employee'],
      summary: "The caller's own recommendations",
      request: { query: recommendationQuery },
      responses: { 200: json(recommendationsSchema, 'The ranking') },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await forEmployee({ ctx, input: { employeeId: ownEmployeeId(ctx), query: c.req.valid('query') } }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/employees/{id}/enrollments',
      tags,
      roles: ['tenant_admin', 'employee'],
      summary: "One employee's enrollments, newest first (an employee may read only their own)",
      request: { params: idParams, query: enrollmentQuery },
      responses: { 200: json(pageOf(personEnrollmentSchema), 'A page of enrollments') },
    }),
    async (c) => {
      const input = enrollmentPage(c.req.valid('param').id, c.req.valid('query'));
      return c.json(await enrollmentsOfEmployee({ ctx: c.get('ctx'), input }), 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/me/enrollments',
      tags: ['Me'],
      roles: ['employee'],
      summary: "The caller's own enrollments, newest first",
      request: { query: enrollmentQuery },
      responses: { 200: json(pageOf(personEnrollmentSchema), 'A page of enrollments') },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return c.json(await listOfEmployee({ ctx, input: enrollmentPage(ownEmployeeId(ctx), c.req.valid('query')) }), 200);
    },
  );
