/** National summaries: per-tenant aggregates kept current by the scheduled refresh (and the refresh job), read by the national admin. */

export { refreshJob } from './job';
export { refreshSummaries, scheduledBatch } from './refresh';
export { nationalSummaryRoutes } from './routes';
