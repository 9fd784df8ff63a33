/** National summaries: per-tenant aggregates kept current by the scheduled refresh, read by the national admin. */

export { refreshSummaries, scheduledBatch } from './refresh';
export { nationalSummaryRoutes } from './routes';
