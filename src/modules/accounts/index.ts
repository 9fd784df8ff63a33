/**
 * Signing in and accounts: Bangkom's own accounts (per region, and national), sessions with
 * rotating refresh tokens, activation codes, lockout, second factor, single sign-on, and the
 * admins' accounts API. Other modules use only what is exported here.
 */
export { accountRoutes, nationalAccountRoutes } from './admin-routes';
export { revokeEmployeeSessions } from './employees';
export { signInRoutes } from './routes';
export { ownAccountRoutes } from './self-routes';
export { ssoRoutes } from './sso-routes';
