/**
 * The competencies module's front door: the dictionary (national rows and the tenant's technical
 * competencies), position standards, assessments and gaps, and the needs report. Other modules
 * and app.ts import from here only; the sub-folders import each other's files directly.
 *
 * For app.ts: `competencyRoutes`, `standardRoutes`, `assessmentRoutes`, `needsRoutes` (all tenant
 * routers: `/tenants/{tenant}/…` and `/me/…`). The national dictionary routes live in curation.
 */

export { recordAssessments } from './assessments/assessments';
export { gapsOf, gapsQuery, shapeGaps } from './assessments/gaps';
/** For the caller's personal data export (`GET /me/export`): their assessments and gaps. */
export { personalAssessments, personalGaps } from './assessments/personal-data';
/** For the tenant settings: the current levels chosen again after the self-assessment rule changes. */
export { recomputeCurrentLevels } from './assessments/precedence';
export { assessmentRoutes } from './assessments/routes';
export type { Gaps } from './assessments/schemas';
/** The retire state national competencies and programs share: the list filter and the check on new references. */
export { type RetireFilter, retiredReferences, retiredWhere, retireFilter } from './dictionary/retire';
export { competencyRoutes } from './dictionary/routes';
/** For national curation: the dictionary's row shape and its national input. */
export {
  competencySchema,
  type NationalCompetency,
  nationalCodeParams,
  nationalCompetencyQuery,
  nationalCompetencySchema,
} from './dictionary/schemas';
export { type CompetencyRef, publicCompetency, resolveCompetencies } from './dictionary/service';
export { needsRoutes } from './needs/routes';
export { standardRoutes } from './standards/routes';
/** The one writer of a position's standard, shared with onboarding (tenants/competency-plan). */
export { type StandardRow, standardStatements } from './standards/service';
