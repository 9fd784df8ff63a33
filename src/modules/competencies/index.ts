/**
 * The competencies module's front door: the dictionary (national rows and the tenant's technical
 * competencies), position standards, assessments and gaps, and the needs report. Other modules
 * and app.ts import from here only; the sub-folders import each other's files directly.
 */
export { assessmentRoutes } from './assessments/routes';
export { competencyRoutes } from './dictionary/routes';
export { needsRoutes } from './needs/routes';
export { standardRoutes } from './standards/routes';

export { recordAssessments } from './assessments/assessments';
export { gapsOf } from './assessments/gaps';
export type { Gaps } from './assessments/schemas';
export { type CompetencyRef, publicCompetency, resolveCompetencies } from './dictionary/service';
export { competencySchema, levelsSchema, nationalCodeParams, nationalCompetencySchema, type Competency, type NationalCompetency } from './dictionary/schemas';
export { type StandardRow, standardStatements } from './standards/service';

/** @deprecated transitional, for jp/ledger until it uses `assertSelfOrAdmin` from platform/auth/access directly. */
export { assertSelfOrAdmin as assertMayRead } from '../../platform/auth/access';
