/**
 * How the test client (test/support/api.ts) picks an operation's body type from a call's method and
 * path. These are type assertions: `tsc --noEmit` (part of `npm test`) fails when one does not hold;
 * at run time `expectTypeOf` does nothing. In the node project because nothing here runs in workerd
 * (the client itself is imported for its types only).
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { components, paths } from '../../types/openapi';
import type { Problem, ResponseBody } from '../support/api';

type Ok<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch', S extends number> = paths[P][M] extends {
  responses: Record<S, { content: { 'application/json': infer B } }>;
}
  ? B
  : never;

describe('the test client’s response types', () => {
  it('matches a path segment by segment, a parameter taking exactly one segment', () => {
    expectTypeOf<ResponseBody<'GET', `/api/v1/tenants/${string}/employees/${string}`>>().toEqualTypeOf<
      Ok<'/api/v1/tenants/{tenant}/employees/{id}', 'get', 200>
    >();
    expectTypeOf<ResponseBody<'GET', `/api/v1/tenants/${string}/employees/${string}/enrollments`>>().toEqualTypeOf<
      Ok<'/api/v1/tenants/{tenant}/employees/{id}/enrollments', 'get', 200>
    >();
    expectTypeOf<ResponseBody<'GET', `/api/v1/tenants/${string}/employees/${string}/jp?year=${number}`>>().toEqualTypeOf<
      Ok<'/api/v1/tenants/{tenant}/employees/{id}/jp', 'get', 200>
    >();
    // A documented path written with its parameter names fits too (for annotations).
    expectTypeOf<ResponseBody<'GET', '/api/v1/tenants/{tenant}/units'>>().toEqualTypeOf<Ok<'/api/v1/tenants/{tenant}/units', 'get', 200>>();
  });

  it('prefers a literal segment to a parameter', () => {
    expectTypeOf<ResponseBody<'GET', `/api/v1/tenants/${string}/pairings/suggestions?menteeId=${string}`>>().toEqualTypeOf<
      Ok<'/api/v1/tenants/{tenant}/pairings/suggestions', 'get', 200>
    >();
    expectTypeOf<ResponseBody<'GET', `/api/v1/tenants/${string}/pairings/${string}`>>().toEqualTypeOf<
      Ok<'/api/v1/tenants/{tenant}/pairings/{id}', 'get', 200>
    >();
    expectTypeOf<ResponseBody<'GET', `/api/v1/tenants/${string}/employees/export.csv`>>().toEqualTypeOf<string>();
  });

  it('unites several 2xx bodies, and a union of methods or paths', () => {
    expectTypeOf<ResponseBody<'POST', '/api/v1/tenants'>>().toEqualTypeOf<
      Ok<'/api/v1/tenants', 'post', 200> | Ok<'/api/v1/tenants', 'post', 201>
    >();
    expectTypeOf<
      ResponseBody<
        'POST' | 'PATCH',
        `/api/v1/tenants/${string}/employees/${string}` | `/api/v1/tenants/${string}/employees/${string}/deactivate`
      >
    >().toEqualTypeOf<Ok<'/api/v1/tenants/{tenant}/employees/{id}', 'patch', 200>>();
  });

  it('reads a body that is not JSON, or absent, as text', () => {
    expectTypeOf<ResponseBody<'DELETE', `/api/v1/tenants/${string}/units/${string}`>>().toEqualTypeOf<string>();
    expectTypeOf<ResponseBody<'GET', '/api/v1/national/summary.csv?year=2026'>>().toEqualTypeOf<string>();
  });

  it('answers unknown where the document has no such operation', () => {
    expectTypeOf<ResponseBody<'GET', `/api/v1/tenants/${string}/jp`>>().toEqualTypeOf<unknown>();
    expectTypeOf<ResponseBody<'GET', '/api/v1/openapi.json'>>().toEqualTypeOf<unknown>();
    expectTypeOf<ResponseBody<'GET', string>>().toEqualTypeOf<unknown>();
    expectTypeOf<ResponseBody<'GET', `/api/v1/tenants/${string}/employees/${string}/nothing/here`>>().toEqualTypeOf<unknown>();
  });

  it('types a problem as the document’s Problem', () => {
    expectTypeOf<Problem>().toEqualTypeOf<components['schemas']['Problem']>();
  });
});
