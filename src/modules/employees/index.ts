/** The ASN registry: its routes, for the app, and the import job, for the job runner (no other module reaches into it). */
export { employeeImportJob } from './import-job';
export { employeeRoutes } from './routes';
