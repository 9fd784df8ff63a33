/**
 * Mentoring and coaching, the module's front door: mentor profiles, pairings and their lifecycle,
 * sessions and goals, suggestions and whole-pool matching. Other modules and the app import from
 * here only.
 */
export { mentoringRoutes } from './routes';
