/** GET /me, the caller's own view (other `/me/…` routes belong to the modules whose data they show). */
export { meRoutes } from './routes';
