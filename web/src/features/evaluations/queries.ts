/**
 * Evaluation reports for the tenant admin: an offering's and a program's (by year) Kirkpatrick
 * levels, the IKM of a period per unit (and its trend), and the units' indicators with their
 * values per period.
 */
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type EvaluationFigures = components['schemas']['EvaluationFigures'];
export type ProgramEvaluation = components['schemas']['ProgramEvaluation'];
export type L4 = NonNullable<ProgramEvaluation['l4']>;
export type IkmReport = components['schemas']['IkmReport'];
export type IkmResult = NonNullable<IkmReport['tenant']>;
export type Indicator = components['schemas']['UnitIndicator'];
export type NewIndicator = components['schemas']['NewUnitIndicator'];
type IndicatorChanges = components['schemas']['UnitIndicatorChanges'];
export type IndicatorValueInput = components['schemas']['IndicatorValueInput'];

const evaluationKeys = {
  program: (tenant: string, id: string, year: number) => ['evaluations', tenant, 'program', id, year] as const,
  // The dashboard's IKM tile reads the same key: one cache for both.
  ikm: (tenant: string, period: string) => ['ikm', tenant, period] as const,
  indicators: (tenant: string) => ['indicators', tenant] as const,
  indicatorList: (tenant: string, unit: string) => ['indicators', tenant, 'list', unit] as const,
  indicator: (tenant: string, id: string) => ['indicators', tenant, 'one', id] as const,
};

const path = (tenant: string | undefined) => ({ tenant: tenant ?? '' });

export function useOfferingEvaluation(tenant: string | undefined, offeringId: string) {
  return useQuery({
    // Under the catalog's key: a completion or a score saved on the queue screen refreshes it.
    queryKey: ['catalog', tenant ?? '', 'offering', offeringId, 'evaluation'],
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/offerings/{id}/evaluation', { params: tenantPath(tenant, offeringId) })),
    enabled: tenant !== undefined,
  });
}

/** A program's evaluation over its offerings starting in `year`. */
export function useProgramEvaluation(tenant: string | undefined, programId: string | null, year: number) {
  return useQuery({
    queryKey: evaluationKeys.program(tenant ?? '', programId ?? '', year),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/programs/{id}/evaluation', {
          params: { ...tenantPath(tenant, programId ?? ''), query: { year } },
        }),
      ),
    enabled: tenant !== undefined && programId !== null,
    placeholderData: keepPreviousData,
  });
}

const ikmOptions = (tenant: string | undefined, period: string) => ({
  queryKey: evaluationKeys.ikm(tenant ?? '', period),
  queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/surveys/ikm', { params: { path: path(tenant), query: { period } } })),
  enabled: tenant !== undefined,
});

/** The IKM reports of `periods` (the first is the one shown; all of them draw the trend). */
export function useIkmReports(tenant: string | undefined, periods: readonly string[]) {
  return useQueries({ queries: periods.map((p) => ikmOptions(tenant, p)) });
}

export function useIndicators(tenant: string | undefined, unit: string | null) {
  return useQuery({
    queryKey: evaluationKeys.indicatorList(tenant ?? '', unit ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/v1/tenants/{tenant}/indicators', { params: { path: path(tenant), query: { unit: unit ?? '', limit: 100 } } })),
    enabled: tenant !== undefined && unit !== null,
  });
}

/** An indicator with its values in time order. */
export function useIndicator(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: evaluationKeys.indicator(tenant ?? '', id),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/indicators/{id}', { params: tenantPath(tenant, id) })),
    enabled: tenant !== undefined,
  });
}

/** A new indicator, or a change of one sent with `If-Match` of the version shown (a stale one is a 412). */
export function useSaveIndicator(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { create: NewIndicator } | { id: string; version: number; changes: IndicatorChanges }) =>
      'create' in input
        ? unwrap(api.POST('/api/v1/tenants/{tenant}/indicators', { params: { path: path(tenant) }, body: input.create }))
        : unwrap(
            api.PATCH('/api/v1/tenants/{tenant}/indicators/{id}', {
              params: { ...tenantPath(tenant, input.id), header: { 'If-Match': `"v${input.version}"` } },
              body: input.changes,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: evaluationKeys.indicators(tenant ?? '') }),
  });
}

/** Reads the unit's indicators again (after a 412: the other change comes into the form). */
export function useReloadIndicators(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: evaluationKeys.indicators(tenant ?? '') });
}

/** Records or replaces a period's value (the server's upsert: no version to send). */
export function usePutIndicatorValue(tenant: string | undefined, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ period, body }: { period: string; body: IndicatorValueInput }) =>
      unwrap(
        api.PUT('/api/v1/tenants/{tenant}/indicators/{id}/values/{period}', {
          params: { path: { tenant: tenant ?? '', id, period } },
          body,
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: evaluationKeys.indicator(tenant ?? '', id) }),
        // A program's L4 reads the same values.
        queryClient.invalidateQueries({ queryKey: ['evaluations', tenant ?? '', 'program'] }),
      ]),
  });
}
