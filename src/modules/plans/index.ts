/** The annual plan's front door: its router for app.ts and its job for the job runner (no other module uses the plan). */
export { planJob } from './job';
export { planRoutes } from './routes';
