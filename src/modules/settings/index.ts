/**
 * The tenant settings' front door: the rules a region sets for itself (the self-assessment rule of
 * the current level, the JP targets per employment type). For app.ts: `settingsRoutes` (a tenant
 * router). Other modules read the settings where they apply them (competencies, jp), not here.
 */
export { settingsRoutes } from './routes';
