/** Tenant exports: the route that starts one and the download, and the job that writes the archive. */
export { tenantExportJob } from './job';
export { exportRoutes } from './routes';
