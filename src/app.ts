/**
 * createApp(): the one middleware chain and the modules mounted on it.
 *
 *   request id → cost meter (Server-Timing) → body limit → [public: health, OpenAPI, reference]
 *   → authenticate (/api/v1/*) → context (tenant or national, platform/context.ts) → module routes (roles, then idempotency)
 *
 * Every failure leaves through `onError`/`notFound` as problem+json.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { AppEnv } from './env';
import { auditRoutes } from './modules/audit/routes';
import { catalogRoutes, nationalCatalogRoutes } from './modules/catalog/routes';
import { offeringRoutes } from './modules/catalog/offering-routes';
import { recommendationRoutes } from './modules/catalog/recommendation-routes';
import { competencyRoutes, nationalCompetencyRoutes } from './modules/competencies/routes';
import { needsRoutes } from './modules/competencies/needs-routes';
import { withExamples } from './modules/docs/examples';
import { referencePage } from './modules/docs/reference';
import { employeeRoutes } from './modules/employees/routes';
import { indicatorRoutes } from './modules/evaluations/indicator-routes';
import { evaluationLevelRoutes } from './modules/evaluations/level-routes';
import { evaluationRoutes } from './modules/evaluations/routes';
import { jpRoutes } from './modules/jp/routes';
import { meRoutes } from './modules/me/routes';
import { mentoringRoutes } from './modules/mentoring/routes';
import { nationalSummaryRoutes } from './modules/national/routes';
import { positionRoutes, unitRoutes } from './modules/organisation/routes';
import { planRoutes } from './modules/plans/routes';
import { tenantRoutes } from './modules/tenants/routes';
import { authenticate } from './platform/auth/middleware';
import { notFoundHandler, routeMatcher } from './platform/http/not-found';
import { validationError } from './platform/http/openapi';
import { problemResponse, toDomainError } from './platform/http/problems';
import { DomainError } from './platform/errors';
import { serverTiming } from './platform/http/server-timing';
import { requestContext } from './platform/tenancy/middleware';

export const maxBodyBytes = 1024 * 1024;

/** The API's modules, mounted under /api/v1. A new module is one line here. */
const modules = [tenantRoutes, unitRoutes, positionRoutes, auditRoutes, employeeRoutes, meRoutes, competencyRoutes, nationalCompetencyRoutes, needsRoutes, jpRoutes, evaluationRoutes, indicatorRoutes, evaluationLevelRoutes, mentoringRoutes, catalogRoutes, nationalCatalogRoutes, offeringRoutes, recommendationRoutes, nationalSummaryRoutes, planRoutes];

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Bangkom',
    version: '1.0.0',
    description:
      'Competency development (pengembangan kompetensi) for Indonesian regional governments: needs analysis, programs, plans, mentoring and evaluation, one isolated tenant per region.',
  },
  servers: [{ url: '/' }],
};

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues, result.target);
      return undefined;
    },
  });

  app.use(requestId({ headerName: 'x-request-id' }));
  app.use(serverTiming());
  app.use(
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new DomainError('payload_too_large', `Request bodies are limited to ${maxBodyBytes} bytes.`);
      },
    }),
  );

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.get('/api/v1/openapi.json', (c) => c.json(withExamples(app.getOpenAPI31Document(openApiInfo))));
  app.get('/api/v1/reference', referencePage);

  app.use('/api/v1/*', authenticate());
  app.use('/api/v1/*', requestContext());
  for (const module of modules) app.route('/api/v1', module);

  app.onError((err, c) => {
    const problem = toDomainError(err);
    if (problem.code === 'internal') console.error(`request ${c.get('requestId')} failed`, err);
    return problemResponse(c, problem);
  });
  app.notFound(notFoundHandler(routeMatcher(app)));
  return app;
}

export type App = ReturnType<typeof createApp>;
