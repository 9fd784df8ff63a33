/** Jobs: long work on Cloudflare Workflows, its resource and routes, and what other modules use to define and start one. */

export { jobRoutes, nationalJobRoutes } from './routes';
export { jobSchema } from './schemas';
export { accepted, startNationalJob, startTenantJob } from './start';
export { jobWorkflow, type NationalJobKind, type TenantJobKind } from './workflow';
