/**
 * HTTP face of offerings and enrollments: the admin runs offerings and enrolls people, an
 * employee asks for a place for themself and may withdraw their own; completion credits JP.
 * State changes are guarded by the enrollment's status, so they carry no If-Match.
 */
import { ownEmployeeId } from '../../../platform/context';
import { DomainError } from '../../../platform/errors';
import { etagOf, expectedVersion } from '../../../platform/http/etag';
import { json, jsonBody, problem, route, tenantRouter } from '../../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../../platform/http/pagination';
import { tenantParams } from '../../../platform/http/params';
import {
  completionSchema,
  enrollmentQuery,
  enrollmentResultSchema,
  enrollmentSchema,
  enrollSchema,
  idParams,
  newOfferingSchema,
  offeringChangesSchema,
  offeringQuery,
  offeringSchema,
  queueEntrySchema,
} from '../schemas';
import * as enrollment from './enrollments';
import * as offering from './offerings';

const tags = ['Enrollment'];
const admin = ['tenant_admin'] as const;
const readers = ['tenant_admin', 'employee'] as const;
const ifMatch = { 412: problem('If-Match is stale: read again'), 428: problem('If-Match is missing') };
const conflict = { 409: problem('Not possible in the current state') };

export const offeringRoutes = tenantRouter()
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/offerings',
      tags,
      roles: readers,
      summary: 'Offerings (cohorts) by start date; filter by program, status, from date',
      request: { params: tenantParams, query: offeringQuery },
      responses: { 200: json(pageOf(offeringSchema), 'A page of offerings') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      return c.json(await offering.listOfferings({ ctx: c.get('ctx'), input: { ...q, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/offerings',
      tags,
      roles: admin,
      summary: 'Schedule an offering of a national or own program',
      request: { params: tenantParams, body: jsonBody(newOfferingSchema) },
      responses: { 201: json(offeringSchema, 'Created'), 422: problem('Unknown or retired program') },
    }),
    async (c) => {
      const created = await offering.createOffering({ ctx: c.get('ctx'), input: c.req.valid('json') });
      c.header('etag', etagOf(created.version));
      return c.json(created, 201);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/offerings/{id}',
      tags,
      roles: readers,
      summary: 'One offering with its seats taken and waitlist length',
      request: { params: idParams },
      responses: { 200: json(offeringSchema, 'The offering') },
    }),
    async (c) => {
      const found = await offering.getOffering({ ctx: c.get('ctx'), input: c.req.valid('param').id });
      c.header('etag', etagOf(found.version));
      return c.json(found, 200);
    },
  )
  .openapi(
    route({
      method: 'patch',
      path: '/tenants/{tenant}/offerings/{id}',
      tags,
      roles: admin,
      summary: 'Change an offering (If-Match required); more capacity promotes the waitlist',
      request: { params: idParams, body: jsonBody(offeringChangesSchema) },
      responses: { 200: json(offeringSchema, 'The changed offering'), 422: problem('Dates out of order'), ...ifMatch },
    }),
    async (c) => {
      const changed = await offering.updateOffering({
        ctx: c.get('ctx'),
        input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c), changes: c.req.valid('json') },
      });
      c.header('etag', etagOf(changed.version));
      return c.json(changed, 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/offerings/{id}/enrollments',
      tags,
      roles: admin,
      summary: 'The queue of an offering in order (filter by status)',
      request: { params: idParams, query: enrollmentQuery },
      responses: { 200: json(pageOf(queueEntrySchema), 'A page of the queue, each place with its holder') },
    }),
    async (c) => {
      const { cursor, ...q } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [number, string] | undefined;
      return c.json(
        await enrollment.listOfOffering({
          ctx: c.get('ctx'),
          input: { offeringId: c.req.valid('param').id, ...q, ...(key ? { cursor: key } : {}) },
        }),
        200,
      );
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/offerings/{id}/enrollments',
      tags,
      roles: admin,
      summary: 'Enroll employees (in list order): enrolled while seats remain, then waitlisted; someone already there keeps their place',
      request: { params: idParams, body: jsonBody(enrollSchema) },
      responses: { 201: json(enrollmentResultSchema, 'Placed'), ...conflict, 422: problem('Unknown employee') },
    }),
    async (c) =>
      c.json(
        {
          items: await enrollment.enroll({
            ctx: c.get('ctx'),
            input: { offeringId: c.req.valid('param').id, employeeIds: c.req.valid('json').employeeIds },
          }),
        },
        201,
      ),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/offerings/{id}/requests',
      tags,
      roles: ['employee'],
      summary: 'Ask for a place for yourself (status requested until the admin approves); a repeat returns the existing one',
      request: { params: idParams },
      responses: { 201: json(enrollmentSchema, 'Requested'), 200: json(enrollmentSchema, 'Already in this offering'), ...conflict },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const [placed] = await enrollment.enroll({
        ctx,
        input: { offeringId: c.req.valid('param').id, employeeIds: [ownEmployeeId(ctx)], request: true },
      });
      if (!placed) throw new DomainError('internal', 'the request was not recorded');
      const { created, ...body } = placed;
      return created ? c.json(body, 201) : c.json(body, 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/tenants/{tenant}/enrollments/{id}',
      tags,
      roles: readers,
      summary: 'One enrollment (an employee: only their own)',
      request: { params: idParams },
      responses: { 200: json(enrollmentSchema, 'The enrollment') },
    }),
    async (c) =>
      c.json(enrollment.publicEnrollment(await enrollment.getEnrollment({ ctx: c.get('ctx'), input: c.req.valid('param').id })), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/enrollments/{id}/approve',
      tags,
      roles: admin,
      summary: 'Approve a requested place: enrolled if a seat is free now, else waitlisted at the end of the queue',
      request: { params: idParams },
      responses: { 200: json(enrollmentSchema, 'Approved'), ...conflict },
    }),
    async (c) => c.json(await enrollment.approve({ ctx: c.get('ctx'), input: c.req.valid('param').id }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/enrollments/{id}/withdraw',
      tags,
      roles: readers,
      summary: 'Withdraw (the admin, or the employee their own); the first waiting takes the freed seat',
      request: { params: idParams },
      responses: { 200: json(enrollmentSchema, 'Withdrawn'), ...conflict },
    }),
    async (c) => c.json(await enrollment.withdraw({ ctx: c.get('ctx'), input: c.req.valid('param').id }), 200),
  )
  .openapi(
    route({
      method: 'post',
      path: '/tenants/{tenant}/enrollments/{id}/complete',
      tags,
      roles: admin,
      summary:
        "Record completion (attendance, passed); a pass credits JP once by the method's rule, the program's JP as the claim (reference enrollment:<id>)",
      request: { params: idParams, body: jsonBody(completionSchema) },
      responses: { 200: json(enrollmentSchema, 'Completed'), ...conflict },
    }),
    async (c) =>
      c.json(
        await enrollment.complete({ ctx: c.get('ctx'), input: { id: c.req.valid('param').id, completion: c.req.valid('json') } }),
        200,
      ),
  );
