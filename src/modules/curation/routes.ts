/**
 * HTTP face of national curation (national admin only): the national dictionary
 * (`/national/competencies`) and the national program catalog (`/national/programs`), each row
 * written to every database binding. Handlers parse, call one service, shape the answer.
 */

import type { Context } from 'hono';
import type { NationalEnv } from '../../env';
import type { Call, NationalContext } from '../../platform/context';
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { json, jsonBody, nationalRouter, problem, route } from '../../platform/http/openapi';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import { nationalProgramQuery, nationalProgramSchema, nationalCodeParams as programCodeParams, programSchema } from '../catalog';
import {
  nationalCodeParams as competencyCodeParams,
  competencySchema,
  nationalCompetencyQuery,
  nationalCompetencySchema,
} from '../competencies';
import { listNational, putNational } from './dictionary';
import { listNationalPrograms, putNationalProgram } from './programs';
import { type RetireInput, setCompetencyRetired, setProgramRetired } from './retire';

/** `If-Match` is optional on national curation: absent, the write applies to whatever version is stored. */
const optionalVersion = (c: { req: { header(name: string): string | undefined } }) =>
  c.req.header('if-match') === undefined ? undefined : expectedVersion(c);

/** The handler of a retire or reinstate route: the code from the path, the optional version, the row with its ETag. */
const retiring =
  <R extends { version: number }>(set: (call: Call<NationalContext, RetireInput>) => Promise<R>, retire: boolean) =>
  async (c: Context<NationalEnv, string, { out: { param: { code: string } } }>) => {
    const row = await set({ ctx: c.get('ctx'), input: { code: c.req.valid('param').code, retire, expectedVersion: optionalVersion(c) } });
    c.header('etag', etagOf(row.version));
    return c.json(row, 200);
  };

export const curationRoutes = nationalRouter()
  .openapi(
    route({
      method: 'get',
      path: '/national/competencies',
      tags: ['Competencies'],
      roles: ['national_admin'],
      summary: 'The national dictionary (managerial and social-cultural), by code; retired ones only with status=retired or all',
      request: { query: nationalCompetencyQuery },
      responses: { 200: json(pageOf(competencySchema), 'A page of national competencies') },
    }),
    async (c) => {
      const { limit, cursor, status } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      const ctx = c.get('ctx');
      return c.json(await listNational({ ctx, input: { limit, status, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/national/competencies/{code}',
      tags: ['Competencies'],
      roles: ['national_admin'],
      summary: 'Create or replace a national competency in every database (idempotent; If-Match optional)',
      request: { params: competencyCodeParams, body: jsonBody(nationalCompetencySchema) },
      responses: {
        200: json(competencySchema, 'Replaced (or unchanged)'),
        201: json(competencySchema, 'Created'),
        409: problem('A tenant uses this code'),
        412: problem('If-Match is stale'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const version = optionalVersion(c);
      const { competency, created } = await putNational({
        ctx,
        input: { code: c.req.valid('param').code, competency: c.req.valid('json'), expectedVersion: version },
      });
      c.header('etag', etagOf(competency.version));
      return created ? c.json(competency, 201) : c.json(competency, 200);
    },
  )
  .openapi(
    route({
      method: 'get',
      path: '/national/programs',
      tags: ['Catalog'],
      roles: ['national_admin'],
      summary: 'The national program catalog, by code; retired ones only with status=retired or all',
      request: { query: nationalProgramQuery },
      responses: { 200: json(pageOf(programSchema), 'A page of national programs') },
    }),
    async (c) => {
      const { limit, cursor, status } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      const ctx = c.get('ctx');
      return c.json(await listNationalPrograms({ ctx, input: { limit, status, ...(key ? { cursor: key } : {}) } }), 200);
    },
  )
  .openapi(
    route({
      method: 'put',
      path: '/national/programs/{code}',
      tags: ['Catalog'],
      roles: ['national_admin'],
      summary: 'Create or replace a national program in every database (idempotent; If-Match optional; national competencies only)',
      request: { params: programCodeParams, body: jsonBody(nationalProgramSchema) },
      responses: {
        200: json(programSchema, 'Replaced (or unchanged)'),
        201: json(programSchema, 'Created'),
        409: problem('A tenant uses this code for a program of its own'),
        412: problem('If-Match is stale'),
        422: problem('Unknown national competency'),
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const version = optionalVersion(c);
      const { program, created } = await putNationalProgram({
        ctx,
        input: { code: c.req.valid('param').code, program: c.req.valid('json'), expectedVersion: version },
      });
      c.header('etag', etagOf(program.version));
      return created ? c.json(program, 201) : c.json(program, 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/national/competencies/{code}/retire',
      tags: ['Competencies'],
      roles: ['national_admin'],
      summary:
        'Retire a national competency in every database: no new standard lines, program links or mentoring; history and current uses stay (If-Match optional)',
      request: { params: competencyCodeParams },
      responses: { 200: json(competencySchema, 'Retired (or already retired)'), 412: problem('If-Match is stale') },
    }),
    retiring(setCompetencyRetired, true),
  )
  .openapi(
    route({
      method: 'post',
      path: '/national/competencies/{code}/reinstate',
      tags: ['Competencies'],
      roles: ['national_admin'],
      summary: 'Reinstate a retired national competency in every database (If-Match optional)',
      request: { params: competencyCodeParams },
      responses: { 200: json(competencySchema, 'In use again (or never retired)'), 412: problem('If-Match is stale') },
    }),
    retiring(setCompetencyRetired, false),
  )
  .openapi(
    route({
      method: 'post',
      path: '/national/programs/{code}/retire',
      tags: ['Catalog'],
      roles: ['national_admin'],
      summary:
        'Retire a national program in every database: no new offerings, left out of recommendations and plans; offerings run on (If-Match optional)',
      request: { params: programCodeParams },
      responses: { 200: json(programSchema, 'Retired (or already retired)'), 412: problem('If-Match is stale') },
    }),
    retiring(setProgramRetired, true),
  )
  .openapi(
    route({
      method: 'post',
      path: '/national/programs/{code}/reinstate',
      tags: ['Catalog'],
      roles: ['national_admin'],
      summary: 'Reinstate a retired national program in every database (If-Match optional)',
      request: { params: programCodeParams },
      responses: { 200: json(programSchema, 'In use again (or never retired)'), 412: problem('If-Match is stale') },
    }),
    retiring(setProgramRetired, false),
  );
