/** The tenant's audit log, read by its admin (entries are written by each write through platform/audit). */
export { auditRoutes } from './routes';
