/**
 * createApp(): the one middleware chain and the modules mounted on it.
 *
 *   request id → cost meter (Server-Timing) → body limit → [public: health, OpenAPI, reference, certificate verification]
 *   → authenticate (/api/v1/*) → context (tenant or national, platform/context.ts) → module routes (roles, then idempotency)
 *
 * Every failure leaves through `onError`/`notFound` as problem+json.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { evidenceTypes } from './db/schema/learning';
import type { AppEnv } from './env';
import { accountRoutes, nationalAccountRoutes, ownAccountRoutes, signInRoutes, ssoRoutes } from './modules/accounts';
import { auditRoutes, nationalAuditRoutes } from './modules/audit';
import { catalogRoutes, offeringRoutes, recommendationRoutes } from './modules/catalog';
import { certificateRoutes, verificationPageRoute, verificationRoutes } from './modules/certificates';
import { assessmentRoutes, competencyRoutes, needsRoutes, standardRoutes } from './modules/competencies';
import { curationRoutes } from './modules/curation';
import { referencePage, withExamples } from './modules/docs';
import { employeeRoutes } from './modules/employees';
import { evaluationLevelRoutes, evaluationSettingsRoutes, ikmRoutes, indicatorRoutes, publicSurveyRoutes } from './modules/evaluations';
import { exportRoutes } from './modules/exports';
import { jobRoutes, nationalJobRoutes } from './modules/jobs';
import { jpRoutes } from './modules/jp';
import { learningAdminRoutes, maxEvidenceBytes, ownLearningRoutes } from './modules/learning';
import { meExportRoutes, meRoutes } from './modules/me';
import { mentoringRoutes } from './modules/mentoring';
import { nationalSummaryRoutes } from './modules/national';
import { deliveryRoutes, ownNotificationRoutes, unsubscribeRoutes } from './modules/notifications';
import { positionRoutes, unitRoutes } from './modules/organisation';
import { planRoutes } from './modules/plans';
import { settingsRoutes } from './modules/settings';
import { tenantEntryRoutes, tenantRoutes } from './modules/tenants';
import { trainingHistoryRoutes } from './modules/training-history';
import { publicJwks } from './platform/auth/keys';
import { authenticate } from './platform/auth/middleware';
import { bodyLimits, type LargerBody } from './platform/http/body-limit';
import { notFoundHandler, routeMatcher } from './platform/http/not-found';
import { validationError, withPlatformHeaders } from './platform/http/openapi';
import { problemResponse, toDomainError } from './platform/http/problems';
import { serverTiming } from './platform/http/server-timing';
import { requestContext } from './platform/tenancy/middleware';

const maxBodyBytes = 1024 * 1024;
/** An over-limit body sent without Content-Length is read to its end up to this much, so its connection stays usable. */
const drainBodyBytes = 8 * maxBodyBytes;
/** An import committed as a job may carry a whole registry (≈ 130 bytes a row: 32 MB ≈ 250,000 rows), or a region's training history. */
const maxUploadBytes = 32 * 1024 * 1024;

/** The only requests whose body may pass 1 MB; anything else on their paths keeps the 1 MB limit. */
const largerBodies: LargerBody[] = [
  {
    what: 'a registry or training history file committed as a job',
    method: 'POST',
    path: /^\/api\/v1\/tenants\/[^/]+\/(employees|training-history)\/import$/,
    types: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    when: (c) => c.req.query('mode') === 'commit',
    maxBytes: maxUploadBytes,
    drainBytes: maxUploadBytes,
  },
  {
    what: "a learning report's evidence file (a certificate scan), up to 5 MB",
    method: 'PUT',
    path: /^\/api\/v1\/me\/learning-reports\/[^/]+\/evidence$/,
    types: evidenceTypes,
    maxBytes: maxEvidenceBytes,
    drainBytes: drainBodyBytes,
  },
];

const openApiInfo = {
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
  app.use(bodyLimits({ maxBytes: maxBodyBytes, drainBytes: drainBodyBytes }, largerBodies));

  app.get('/health', (c) => c.json({ status: 'ok' }));
  // Bangkom's public signing keys, for anyone who verifies its tokens (platform/auth/keys.ts).
  app.get('/.well-known/jwks.json', async (c) => {
    c.header('cache-control', 'public, max-age=300');
    return c.json(await publicJwks(c.env));
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'refreshCookie', { type: 'apiKey', in: 'cookie', name: 'bangkom_refresh' });
  app.get('/api/v1/openapi.json', (c) => c.json(withPlatformHeaders(withExamples(app.getOpenAPI31Document(openApiInfo)))));
  app.get('/api/v1/reference', referencePage);
  // The page a certificate's QR code opens: public, rate-limited (wrangler.toml runs the Worker first for it).
  app.get('/verifikasi/:code', ...verificationPageRoute);

  // Signing in needs no token: mounted before authenticate(), rate-limited route by route.
  app.route('/api/v1', signInRoutes);
  app.route('/api/v1', ssoRoutes);
  app.route('/api/v1', verificationRoutes);
  // The public satisfaction survey: one response of one unit, no token (modules/evaluations/ikm/public.ts).
  app.route('/api/v1', publicSurveyRoutes);
  // The e-mails' signed unsubscribe link, no token (modules/notifications/unsubscribe.ts).
  app.route('/api/v1', unsubscribeRoutes);
  app.use('/api/v1/*', authenticate());
  app.use('/api/v1/*', requestContext());
  // The API's modules, each router typed by the context its routes get. A new module is one line here.
  app.route('/api/v1', tenantRoutes);
  app.route('/api/v1', tenantEntryRoutes);
  app.route('/api/v1', unitRoutes);
  app.route('/api/v1', positionRoutes);
  app.route('/api/v1', auditRoutes);
  app.route('/api/v1', nationalAuditRoutes);
  app.route('/api/v1', employeeRoutes);
  app.route('/api/v1', meRoutes);
  app.route('/api/v1', meExportRoutes);
  app.route('/api/v1', competencyRoutes);
  app.route('/api/v1', curationRoutes);
  app.route('/api/v1', standardRoutes);
  app.route('/api/v1', assessmentRoutes);
  app.route('/api/v1', needsRoutes);
  app.route('/api/v1', jpRoutes);
  app.route('/api/v1', ownLearningRoutes);
  app.route('/api/v1', learningAdminRoutes);
  app.route('/api/v1', ikmRoutes);
  app.route('/api/v1', settingsRoutes);
  app.route('/api/v1', evaluationSettingsRoutes);
  app.route('/api/v1', indicatorRoutes);
  app.route('/api/v1', evaluationLevelRoutes);
  app.route('/api/v1', mentoringRoutes);
  app.route('/api/v1', catalogRoutes);
  app.route('/api/v1', offeringRoutes);
  app.route('/api/v1', certificateRoutes);
  app.route('/api/v1', trainingHistoryRoutes);
  app.route('/api/v1', recommendationRoutes);
  app.route('/api/v1', nationalSummaryRoutes);
  app.route('/api/v1', planRoutes);
  app.route('/api/v1', jobRoutes);
  app.route('/api/v1', exportRoutes);
  app.route('/api/v1', nationalJobRoutes);
  app.route('/api/v1', ownAccountRoutes);
  app.route('/api/v1', accountRoutes);
  app.route('/api/v1', nationalAccountRoutes);
  app.route('/api/v1', ownNotificationRoutes);
  app.route('/api/v1', deliveryRoutes);

  app.onError((err, c) => {
    const problem = toDomainError(err);
    if (problem.code === 'internal') console.error(`request ${c.get('requestId')} failed`, err);
    return problemResponse(c, problem);
  });
  app.notFound(notFoundHandler(routeMatcher(app)));
  return app;
}
