/**
 * Worker entry: checks the bindings once per isolate, then serves requests with the app and runs
 * the hourly housekeeping: expired idempotency keys in every tenant database, the national
 * summaries of the tenants whose data changed (a bounded number per run), and the notifications
 * (events to inboxes, then e-mail). It also exports the
 * Workflow class that runs every job (src/jobs.ts).
 */
import { createApp } from './app';
import type { Bindings } from './env';
import { refreshSummaries, scheduledBatch } from './modules/national';
import { runNotifications } from './modules/notifications';
import { allowedAlgorithms } from './platform/auth/verify';
import { nationalContext } from './platform/context';
import { CostMeter } from './platform/db/metered-d1';
import { expireIdempotencyKeys } from './platform/http/idempotency';
import { databaseBindings, tenantDatabase } from './platform/tenancy/directory';

export { JobWorkflow } from './jobs';

const app = createApp();
let checked = false;

function checkBindings(env: Bindings): void {
  if (checked) return;
  const external = Boolean(env.JWT_JWKS_URL || env.JWT_JWKS);
  const missing = [
    !env.DB && 'DB',
    !env.JWT_AUDIENCE && 'JWT_AUDIENCE',
    external && !env.JWT_ISSUER && 'JWT_ISSUER',
    env.AUTH_SIGNING_KEYS && !env.AUTH_ISSUER && 'AUTH_ISSUER',
    !external &&
      !env.AUTH_SIGNING_KEYS &&
      'AUTH_SIGNING_KEYS (Bangkom signs its own tokens) or JWT_JWKS_URL / JWT_JWKS (an external issuer)',
  ].filter(Boolean);
  if (missing.length > 0) throw new Error(`Bangkom is missing configuration: ${missing.join(', ')}`);
  allowedAlgorithms(env);
  checked = true;
}

export default {
  fetch(request, env, ctx) {
    checkBindings(env);
    return app.fetch(request, env, ctx);
  },
  async scheduled(controller, env) {
    checkBindings(env);
    for (const binding of databaseBindings(env)) await expireIdempotencyKeys(tenantDatabase(env, binding));
    // No request here: the refresh runs as the scheduler, a system actor with the national admin's role.
    const now = new Date(controller.scheduledTime);
    const actor = { subject: 'scheduler', roles: ['national_admin' as const], scopes: ['read' as const, 'write' as const] };
    const ctx = nationalContext(env, new CostMeter(), actor, `scheduled-${now.toISOString()}`);
    await refreshSummaries({ ctx, input: { limit: scheduledBatch, now } });
    await runNotifications({ ctx, input: { now } });
  },
} satisfies ExportedHandler<Bindings>;
