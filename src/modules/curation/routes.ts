/**
 * HTTP face of national curation (national admin only): the national dictionary
 * (`/national/competencies`) and the national program catalog (`/national/programs`), each row
 * written to every database binding. Handlers parse, call one service, shape the answer.
 */

import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { etagOf, expectedVersion } from '../../platform/http/etag';
import { json, jsonBody, nationalRouter, problem, route } from '../../platform/http/openapi';
import { decodeCursor, pageOf, pageQuery } from '../../platform/http/pagination';
import { nationalProgramSchema, nationalCodeParams as programCodeParams, programSchema } from '../catalog';
import { nationalCodeParams as competencyCodeParams, competencySchema, nationalCompetencySchema } from '../competencies';
import { listNational, putNational } from './dictionary';
import { listNationalPrograms, putNationalProgram } from './programs';

export const curationRoutes = nationalRouter()
  .openapi(
    route({
      method: 'get',
      path: '/national/competencies',
      tags: ['Competencies'],
      roles: ['national_admin'],
      summary: 'The national dictionary (managerial and social-cultural), by code',
      request: { query: pageQuery },
      responses: { 200: json(pageOf(competencySchema), 'A page of national competencies') },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      const ctx = c.get('ctx');
      return c.json(await listNational({ ctx, input: { limit, ...(key ? { cursor: key } : {}) } }), 200);
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
      const version = c.req.header('if-match') === undefined ? undefined : expectedVersion(c as Context<AppEnv>);
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
      summary: 'The national program catalog, by code',
      request: { query: pageQuery },
      responses: { 200: json(pageOf(programSchema), 'A page of national programs') },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const key = decodeCursor(cursor, 2) as [string, string] | undefined;
      const ctx = c.get('ctx');
      return c.json(await listNationalPrograms({ ctx, input: { limit, ...(key ? { cursor: key } : {}) } }), 200);
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
      const version = c.req.header('if-match') === undefined ? undefined : expectedVersion(c as Context<AppEnv>);
      const { program, created } = await putNationalProgram({
        ctx,
        input: { code: c.req.valid('param').code, program: c.req.valid('json'), expectedVersion: version },
      });
      c.header('etag', etagOf(program.version));
      return created ? c.json(program, 201) : c.json(program, 200);
    },
  );
