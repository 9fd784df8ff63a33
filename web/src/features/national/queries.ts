/**
 * The national console's reads and writes: the summary (every region, one region by unit, its CSV
 * and the refresh job), onboarding (preview and apply), the region directory, curation of the
 * national dictionary and program catalog, and the national audit trail.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type NationalSummary = components['schemas']['NationalSummary'];
export type SummaryFigure = components['schemas']['SummaryFigure'];
export type FigureLegend = NationalSummary['figures'][number];
export type Job = components['schemas']['Job'];
export type Manifest = components['schemas']['TenantManifest'];
export type OnboardingPreview = components['schemas']['OnboardingPreview'];
export type Competency = components['schemas']['Competency'];
export type NationalCompetency = components['schemas']['NationalCompetency'];
export type Program = components['schemas']['Program'];
export type NationalProgram = components['schemas']['NationalProgram'];
export type RetireFilter = 'active' | 'retired' | 'all';

const nationalKeys = {
  summary: (year: number) => ['national', 'summary', year] as const,
  tenantSummary: (slug: string, year: number) => ['national', 'summary', year, slug] as const,
  job: (id: string) => ['national', 'job', id] as const,
  tenants: ['national', 'tenants'] as const,
  competencies: (status: RetireFilter) => ['national', 'competencies', status] as const,
  programs: (status: RetireFilter) => ['national', 'programs', status] as const,
  audit: (filters: AuditFilters) => ['national', 'audit', filters] as const,
};

export function useNationalSummary(year: number) {
  return useQuery({
    queryKey: nationalKeys.summary(year),
    queryFn: () => unwrap(api.GET('/api/v1/national/summary', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });
}

export function useTenantSummary(slug: string, year: number) {
  return useQuery({
    queryKey: nationalKeys.tenantSummary(slug, year),
    queryFn: () => unwrap(api.GET('/api/v1/national/tenants/{tenant}/summary', { params: { path: { tenant: slug }, query: { year } } })),
    placeholderData: keepPreviousData,
  });
}

/** The summary's CSV as the API writes it (the download needs the access token, so it is read, then saved). */
export function fetchSummaryCsv(year: number): Promise<string> {
  return unwrap(api.GET('/api/v1/national/summary.csv', { params: { query: { year } }, parseAs: 'text' }));
}

/** Starts a refresh (a national job) for the year; the job is then followed with `useJob`. */
export function useRefresh() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => unwrap(api.POST('/api/v1/national/summary/refresh', { params: { query: { year } } })),
    onSuccess: (job) => queryClient.setQueryData(nationalKeys.job(job.id), job),
  });
}

export const finished = (job: Pick<Job, 'status'>) => job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled';

/** A national job, polled every second until it has finished. */
export function useJob(id: string | undefined) {
  return useQuery({
    queryKey: nationalKeys.job(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/national/jobs/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data && finished(query.state.data) ? false : 1000),
  });
}

export function useOnboardingPreview() {
  return useMutation({ mutationFn: (body: Manifest) => unwrap(api.POST('/api/v1/national/onboarding/preview', { body })) });
}

export function useOnboard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Manifest) => unwrap(api.POST('/api/v1/tenants', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['national'] }),
  });
}

export function useTenants() {
  return useQuery({
    queryKey: nationalKeys.tenants,
    queryFn: () => unwrap(api.GET('/api/v1/tenants', { params: { query: { limit: 500 } } })),
  });
}

export function useNationalCompetencies(status: RetireFilter) {
  return useQuery({
    queryKey: nationalKeys.competencies(status),
    queryFn: () => unwrap(api.GET('/api/v1/national/competencies', { params: { query: { limit: 200, status } } })),
  });
}

export function useNationalPrograms(status: RetireFilter) {
  return useQuery({
    queryKey: nationalKeys.programs(status),
    queryFn: () => unwrap(api.GET('/api/v1/national/programs', { params: { query: { limit: 200, status } } })),
  });
}

const ifMatch = (version: number | undefined): Record<string, string> => (version === undefined ? {} : { 'If-Match': `"v${version}"` });

/** Creates or replaces a national competency (PUT by code), against the version shown when one is known. */
export function useSaveCompetency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body, version }: { code: string; body: NationalCompetency; version?: number }) =>
      unwrap(
        api.PUT('/api/v1/national/competencies/{code}', {
          params: { path: { code } },
          headers: ifMatch(version),
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['national', 'competencies'] }),
  });
}

export function useSaveProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body, version }: { code: string; body: NationalProgram; version?: number }) =>
      unwrap(
        api.PUT('/api/v1/national/programs/{code}', {
          params: { path: { code } },
          headers: ifMatch(version),
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['national', 'programs'] }),
  });
}

export function useRetireCompetency() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, retire }: { code: string; retire: boolean }) =>
      unwrap(
        retire
          ? api.POST('/api/v1/national/competencies/{code}/retire', { params: { path: { code } } })
          : api.POST('/api/v1/national/competencies/{code}/reinstate', { params: { path: { code } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['national', 'competencies'] }),
  });
}

export function useRetireProgram() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, retire }: { code: string; retire: boolean }) =>
      unwrap(
        retire
          ? api.POST('/api/v1/national/programs/{code}/retire', { params: { path: { code } } })
          : api.POST('/api/v1/national/programs/{code}/reinstate', { params: { path: { code } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['national', 'programs'] }),
  });
}

export interface AuditFilters {
  action?: string;
  entity?: string;
  entityId?: string;
}

/** The national audit trail, newest first, 50 entries a page; the next page on demand. */
export function useNationalAudit(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: nationalKeys.audit(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/national/audit', { params: { query: { limit: 50, ...filters, ...(pageParam ? { cursor: pageParam } : {}) } } }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
