/**
 * Tenants: the directory and onboarding from a manifest (national routes), one tenant's own entry
 * (a tenant route), and the manifest's shapes, whose code format other modules' schemas share.
 * The manifest comes first: it imports nothing from other modules, so a schema that needs
 * `codeSchema` while the routes are still loading finds it defined.
 */
export { codeSchema, type Manifest, type ManifestInput, type ManifestUnit, manifestSchema } from './manifest';
export { tenantEntryRoutes, tenantRoutes } from './routes';
