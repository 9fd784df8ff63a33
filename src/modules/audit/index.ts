/** The audit logs, read by the tenant admin and the national admin (entries are written by each write through platform/audit). */

/** For the caller's personal data export (`GET /me/export`): the audit entries about their records. */
export { personalAudit } from './personal-data';
export { auditRoutes, nationalAuditRoutes } from './routes';
