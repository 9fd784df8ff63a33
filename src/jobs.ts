/**
 * The kinds of job the Worker runs, one line each, and the Workflow class that runs them
 * (exported by src/index.ts, named in wrangler.toml). A new kind is defined in its own module
 * (a `TenantJobKind` or `NationalJobKind` from the jobs module) and added here.
 */
import { WorkflowEntrypoint } from 'cloudflare:workers';
import { certificateIssueJob } from './modules/certificates';
import { employeeImportJob } from './modules/employees';
import { tenantExportJob } from './modules/exports';
import { jobWorkflow } from './modules/jobs';
import { siasnSyncJob } from './modules/learning';
import { refreshJob } from './modules/national';
import { planJob } from './modules/plans';
import { trainingImportJob } from './modules/training-history';

export const JobWorkflow = jobWorkflow(
  [employeeImportJob, planJob, refreshJob, tenantExportJob, certificateIssueJob, trainingImportJob, siasnSyncJob],
  WorkflowEntrypoint,
);
