/**
 * The tenant admin's verification queue of learning reports: a page at a time (oldest first, by
 * status), the evidence of a report, and the decisions (approve, reject with a reason). A decision
 * refreshes the queue, the dashboard's count with it.
 */
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import { type LearningReport, saveEvidence } from '../learning/queries';

export type ReportStatus = LearningReport['status'];
export const reportStatuses: readonly ReportStatus[] = ['diajukan', 'disetujui', 'ditolak', 'ditarik'];

const pageSize = 20;

const verificationKeys = {
  all: (tenant: string) => ['learning-reports', tenant] as const,
  queue: (tenant: string, status: ReportStatus) => ['learning-reports', tenant, 'queue', status] as const,
};

export function useQueue(tenant: string | undefined, status: ReportStatus) {
  return useInfiniteQuery({
    queryKey: verificationKeys.queue(tenant ?? '', status),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/learning-reports', {
          params: { path: { tenant: tenant ?? '' }, query: { status, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: tenant !== undefined,
  });
}

/** Downloads a report's evidence, as the employee uploaded it. */
export function useReportEvidence(tenant: string | undefined) {
  return useMutation({
    mutationFn: (report: Pick<LearningReport, 'id' | 'evidence'>) =>
      saveEvidence(
        report,
        api.GET('/api/v1/tenants/{tenant}/learning-reports/{id}/evidence', { params: tenantPath(tenant, report.id), parseAs: 'blob' }),
      ),
  });
}

/** A decision (not a refused one: its problem stays beside the report until the admin reloads) refreshes every list of the tenant's reports (the queue, the dashboard's count) and its JP figures. */
function useRefreshReports(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: verificationKeys.all(tenant ?? '') }),
      queryClient.invalidateQueries({ queryKey: ['jp', tenant ?? ''] }),
    ]);
}

/** Approves the report as read (If-Match: a report given new evidence since is not approved unseen). */
export function useApprove(tenant: string | undefined) {
  const refresh = useRefreshReports(tenant);
  return useMutation({
    mutationFn: (report: Pick<LearningReport, 'id' | 'version'>) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/learning-reports/{id}/approve', {
          params: tenantPath(tenant, report.id),
          headers: { 'if-match': `"v${report.version}"` },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useReject(tenant: string | undefined) {
  const refresh = useRefreshReports(tenant);
  return useMutation({
    mutationFn: ({ report, reason }: { report: Pick<LearningReport, 'id' | 'version'>; reason: string }) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/learning-reports/{id}/reject', {
          params: tenantPath(tenant, report.id),
          headers: { 'if-match': `"v${report.version}"` },
          body: { reason },
        }),
      ),
    onSuccess: refresh,
  });
}
