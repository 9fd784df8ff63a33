/**
 * The public survey's routes, without a token (public.ts says what they reveal and write):
 * mounted before `authenticate()`, each rate-limited per client address against the survey's own
 * binding (`SURVEY_RATE_LIMIT`), so a flood of answers never spends the sign-in routes' allowance.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../../env';
import { passChallenge } from '../../../platform/http/challenge';
import { json, jsonBody, problem, publicRoute, publicRouter } from '../../../platform/http/openapi';
import { clientAddress, rateLimit } from '../../../platform/http/rate-limit';
import { type PublicCall, publicResults, submitPublicResponse, surveyForm } from './public';
import { publicIkmInput, publicIkmReceivedSchema, publicResultsSchema, surveyFormSchema, surveyParams } from './schemas';

const publicCall = (c: Context<AppEnv>): PublicCall => ({ env: c.env, meter: c.get('meter'), requestId: c.get('requestId') });

export const publicSurveyRoutes = publicRouter()
  .openapi(
    publicRoute({
      method: 'get',
      path: '/survei/{region}/{unit}',
      tags: ['Evaluations'],
      summary: "A unit's public satisfaction survey form: the region's and unit's names and the human check to pass",
      middleware: [rateLimit('survey-form', 'SURVEY_RATE_LIMIT')],
      request: { params: surveyParams },
      responses: { 200: json(surveyFormSchema, 'The form'), 404: problem('No such region or unit') },
    }),
    async (c) => c.json(await surveyForm(publicCall(c), c.req.valid('param')), 200),
  )
  .openapi(
    publicRoute({
      method: 'post',
      path: '/survei/{region}/{unit}',
      tags: ['Evaluations'],
      summary: "One citizen's survey response to one unit (IKM, PermenPAN-RB 14/2017): recorded, nothing read back",
      middleware: [rateLimit('survey', 'SURVEY_RATE_LIMIT')],
      request: { params: surveyParams, body: jsonBody(publicIkmInput) },
      responses: {
        201: json(publicIkmReceivedSchema, 'Received'),
        403: problem('The human check (Turnstile) was not passed'),
        404: problem('No such region or unit'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      await passChallenge(c.env, input.challenge, clientAddress(c));
      c.header('cache-control', 'no-store');
      return c.json(await submitPublicResponse(publicCall(c), c.req.valid('param'), input), 201);
    },
  )
  .openapi(
    publicRoute({
      method: 'get',
      path: '/survei/{region}/{unit}/hasil',
      tags: ['Evaluations'],
      summary: "A unit's public IKM results, where the region publishes them: ended periods of at least five responses, aggregates only",
      middleware: [rateLimit('survey-results', 'SURVEY_RATE_LIMIT')],
      request: { params: surveyParams },
      responses: { 200: json(publicResultsSchema, 'The results'), 404: problem('No such region or unit, or its results are not public') },
    }),
    async (c) => c.json(await publicResults(publicCall(c), c.req.valid('param')), 200),
  );
