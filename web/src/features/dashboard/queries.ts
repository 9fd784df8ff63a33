/** The dashboard's reads: the heat map with the head count, the JP recap per OPD, the verification queue, evaluations and IKM. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type Heatmap = components['schemas']['NeedsHeatmap'];
export type HeatmapDimension = Heatmap['by'];

const dashboardKeys = {
  heatmap: (tenant: string, by: HeatmapDimension) => ['needs', tenant, 'heatmap', by] as const,
  recap: (tenant: string, year: number, unit: string | null) => ['jp', tenant, 'recap', year, unit] as const,
  verifications: (tenant: string) => ['learning-reports', tenant, 'diajukan'] as const,
  evaluations: (tenant: string, year: number) => ['evaluations', tenant, 'summary', year] as const,
  ikm: (tenant: string, period: string) => ['ikm', tenant, period] as const,
};

const path = (tenant: string | undefined) => ({ tenant: tenant ?? '' });

export function useHeatmap(tenant: string | undefined, by: HeatmapDimension) {
  return useQuery({
    queryKey: dashboardKeys.heatmap(tenant ?? '', by),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/needs/heatmap', { params: { path: path(tenant), query: { by } } })),
    enabled: tenant !== undefined,
  });
}

/** The JP recap for a year: per OPD, or per unit under `unit` (an OPD's sub-units). */
export function useJpRecap(tenant: string | undefined, year: number, unit: string | null = null) {
  return useQuery({
    queryKey: dashboardKeys.recap(tenant ?? '', year, unit),
    queryFn: () =>
      unwrap(api.GET('/api/v1/tenants/{tenant}/jp/recap', { params: { path: path(tenant), query: { year, ...(unit ? { unit } : {}) } } })),
    enabled: tenant !== undefined,
  });
}

/** The learning reports waiting for verification (the first page: a count up to 100, "100+" beyond). */
export function usePendingVerifications(tenant: string | undefined) {
  return useQuery({
    queryKey: dashboardKeys.verifications(tenant ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/learning-reports', { params: { path: path(tenant), query: { status: 'diajukan', limit: 100 } } }),
      ),
    enabled: tenant !== undefined,
  });
}

export function useEvaluationSummary(tenant: string | undefined, year: number) {
  return useQuery({
    queryKey: dashboardKeys.evaluations(tenant ?? '', year),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/evaluations/summary', { params: { path: path(tenant), query: { year } } })),
    enabled: tenant !== undefined,
  });
}

/** The IKM of a period (the year, `YYYY`), per unit. */
export function useIkm(tenant: string | undefined, period: string) {
  return useQuery({
    queryKey: dashboardKeys.ikm(tenant ?? '', period),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/surveys/ikm', { params: { path: path(tenant), query: { period } } })),
    enabled: tenant !== undefined,
  });
}
