/** The annual plan's front door: its router for app.ts, its job for the job runner, and the plan lines that name one person for their data export. */
export { planJob } from './job';
/** For the caller's personal data export (`GET /me/export`): the plan lines that name them. */
export { personalPlanLines } from './personal-data';
export { planRoutes } from './routes';
