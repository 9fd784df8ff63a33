/** The annual plan's front door: its router for app.ts (no other module uses the plan). */
export { planRoutes } from './routes';
