/**
 * The catalog's front door: the routers app.ts mounts, and what other modules use — the program
 * row helpers national curation shares (it reads and writes national programs in every database
 * with them), the queue's statements for batches that enroll people, and the shapes of programs.
 */
export { catalogRoutes } from './programs/routes';
export { offeringRoutes } from './offerings/routes';
export { recommendationRoutes } from './recommendations/routes';
export { keysOf, linkRows, programColumns, replaceLinks, shapePrograms, withProvider, type ProgramRow } from './programs/program-rows';
export { nationalCodeParams, nationalProgramSchema, programSchema, type NationalProgram, type Program } from './schemas';
