/**
 * The catalog's front door: the routers app.ts mounts, and what other modules use — the program
 * row helpers national curation shares (it reads and writes national programs in every database
 * with them), the queue's statements for batches that enroll people, and the shapes of programs.
 */

/** For the caller's personal data export (`GET /me/export`): their enrollments. */
export { personalEnrollments } from './offerings/personal-data';
export { offeringRoutes } from './offerings/routes';
export {
  keysOf,
  linkedKeys,
  linkRows,
  type ProgramRow,
  programColumns,
  replaceLinks,
  shapePrograms,
  withProvider,
} from './programs/program-rows';
export { catalogRoutes } from './programs/routes';
/** The top programs of several employees at once (the JP shortfall reminder). */
export { forEmployees as recommendedFor } from './recommendations/recommendations';
export { recommendationRoutes } from './recommendations/routes';
export { type NationalProgram, nationalCodeParams, nationalProgramQuery, nationalProgramSchema, programSchema } from './schemas';
