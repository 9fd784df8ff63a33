/** Tenants: the directory and onboarding from a manifest (national routes), and one tenant's own entry (a tenant route). */
export { tenantEntryRoutes, tenantRoutes } from './routes';
