/** National summaries: per-tenant aggregates kept current by the scheduled refresh, read by the national admin. */
export { nationalSummaryRoutes } from './routes';
export { refreshSummaries, scheduledBatch } from './refresh';
