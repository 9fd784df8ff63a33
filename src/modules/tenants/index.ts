/**
 * Tenants: the directory and onboarding from a manifest (national routes), one tenant's own entry
 * (a tenant route), and the code format other modules' schemas share.
 */
export { tenantEntryRoutes, tenantRoutes } from './routes';
export { codeSchema, manifestSchema, type Manifest, type ManifestInput, type ManifestUnit } from './manifest';
