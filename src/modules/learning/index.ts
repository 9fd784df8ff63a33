/**
 * Learning records, the module's front door: self-reported training with its evidence, the
 * admin's verification queue, a person's learning history, the SIASN export and its sync job. For app.ts: the
 * employee's routes (`/me/…`) and the admin's (`/tenants/{tenant}/…`), and the evidence path that
 * may carry up to 5 MB.
 */
export { learningAdminRoutes } from './admin-routes';
export { maxEvidenceBytes } from './evidence';
export { ownLearningRoutes } from './own-routes';
export { siasnSyncJob } from './siasn-sync';
