/**
 * GET /me, the caller's own view, and GET /me/export, everything held about them (other `/me/…`
 * routes belong to the modules whose data they show).
 */
export { meExportRoutes, meRoutes } from './routes';
