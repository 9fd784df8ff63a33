/** Importing the registry: the dry run (answered in the request), the commit as a job polled until it ends, the export. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type ImportReport = components['schemas']['EmployeeImport'];
export type ImportError = ImportReport['errors'][number];
export type Job = components['schemas']['Job'];

const asCsv = { bodySerializer: (body: string) => body, headers: { 'content-type': 'text/csv' } };

export function useDryRun(tenant: string | undefined) {
  return useMutation({
    mutationFn: async (csv: string) => {
      const report = await unwrap(
        api.POST('/api/v1/tenants/{tenant}/employees/import', {
          params: { path: { tenant: tenant ?? '' }, query: { mode: 'dry-run' } },
          body: csv,
          ...asCsv,
        }),
      );
      return report as ImportReport;
    },
  });
}

export function useCommitImport(tenant: string | undefined) {
  return useMutation({
    mutationFn: async (csv: string) => {
      const job = await unwrap(
        api.POST('/api/v1/tenants/{tenant}/employees/import', {
          params: { path: { tenant: tenant ?? '' }, query: { mode: 'commit' } },
          body: csv,
          ...asCsv,
        }),
      );
      return job as Job;
    },
  });
}

const finished = (job: Job | undefined) => job !== undefined && ['succeeded', 'failed', 'cancelled'].includes(job.status);

/** A job, read again every second until it has ended; then what it changed is read afresh. */
export function useJob(tenant: string | undefined, id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: async () => {
      const job = await unwrap(api.GET('/api/v1/tenants/{tenant}/jobs/{id}', { params: tenantPath(tenant, id ?? '') }));
      if (finished(job)) void queryClient.invalidateQueries({ queryKey: ['employees'] });
      return job;
    },
    enabled: tenant !== undefined && id !== undefined,
    refetchInterval: (query) => (finished(query.state.data) ? false : 1000),
  });
}

/** The registry as CSV (the import's columns first): fetched with the session, handed to the browser as a file. */
export function useExportEmployees(tenant: string | undefined) {
  return useMutation({
    mutationFn: async () => {
      const csv = await unwrap(
        api.GET('/api/v1/tenants/{tenant}/employees/export.csv', { params: { path: { tenant: tenant ?? '' } }, parseAs: 'text' }),
      );
      return csv as string;
    },
  });
}
