/**
 * Mentoring and coaching, the module's front door: mentor profiles, pairings and their lifecycle,
 * sessions and goals, suggestions and whole-pool matching. Other modules and the app import from
 * here only.
 */

/** For the caller's personal data export (`GET /me/export`): their profile, pairings, sessions and goals. */
export { personalMentoring } from './personal-data';
export { mentoringRoutes } from './routes';
