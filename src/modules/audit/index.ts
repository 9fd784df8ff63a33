/** The audit logs, read by the tenant admin and the national admin (entries are written by each write through platform/audit). */
export { auditRoutes, nationalAuditRoutes } from './routes';
