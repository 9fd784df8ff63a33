/** The public survey's data: a unit's form facts, a response, the unit's results; the admin's units and their publication. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type SurveyForm = components['schemas']['SurveyForm'];
export type PublicResponse = components['schemas']['PublicIkmResponse'];
export type PublicResults = components['schemas']['PublicIkmResults'];

const surveyKeys = {
  form: (region: string, unit: string) => ['survei', region, unit] as const,
  results: (region: string, unit: string) => ['survei', region, unit, 'hasil'] as const,
  units: (tenant: string) => ['tenants', tenant, 'surveys', 'ikm', 'units'] as const,
};

const address = (region: string, unit: string) => ({ path: { region, unit } });

export function useSurveyForm(region: string, unit: string) {
  return useQuery({
    queryKey: surveyKeys.form(region, unit),
    queryFn: () => unwrap(api.GET('/api/v1/survei/{region}/{unit}', { params: address(region, unit) })),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSubmitSurvey(region: string, unit: string) {
  return useMutation({
    mutationFn: (body: PublicResponse) => unwrap(api.POST('/api/v1/survei/{region}/{unit}', { params: address(region, unit), body })),
  });
}

export function usePublicResults(region: string, unit: string) {
  return useQuery({
    queryKey: surveyKeys.results(region, unit),
    queryFn: () => unwrap(api.GET('/api/v1/survei/{region}/{unit}/hasil', { params: address(region, unit) })),
  });
}

export function useSurveyUnits(tenant: string) {
  return useInfiniteQuery({
    queryKey: surveyKeys.units(tenant),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/surveys/ikm/units', {
          params: { path: { tenant }, query: { limit: 100, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function usePublication(tenant: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, resultsPublic }: { id: string; resultsPublic: boolean }) =>
      unwrap(
        api.PUT('/api/v1/tenants/{tenant}/surveys/ikm/units/{id}/publication', {
          params: { path: { tenant, id } },
          body: { resultsPublic },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyKeys.units(tenant) }),
  });
}
