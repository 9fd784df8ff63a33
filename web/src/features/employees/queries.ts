/** The registry for the tenant admin: the list, one record with its history, the organisation to choose from, and the writes. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components, paths } from '../../lib/api/schema';

export type Employee = components['schemas']['Employee'];
export type NewEmployee = components['schemas']['NewEmployee'];
export type EmployeeChanges = components['schemas']['EmployeeChanges'];
export type Unit = components['schemas']['Unit'];
export type Position = components['schemas']['Position'];
export type EmployeeQuery = NonNullable<paths['/api/v1/tenants/{tenant}/employees']['get']['parameters']['query']>;

export const employeeKeys = {
  all: ['employees'] as const,
  list: (query: EmployeeQuery) => ['employees', 'list', query] as const,
  one: (id: string) => ['employees', 'one', id] as const,
  part: (id: string, part: string) => ['employees', 'one', id, part] as const,
  units: ['organisation', 'units'] as const,
  positions: ['organisation', 'positions'] as const,
};

export function useEmployees(tenant: string | undefined, query: EmployeeQuery) {
  return useQuery({
    queryKey: employeeKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/employees', { params: { path: { tenant: tenant ?? '' }, query } })),
    enabled: tenant !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useEmployee(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: employeeKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/employees/{id}', { params: tenantPath(tenant, id) })),
    enabled: tenant !== undefined && id !== '',
  });
}

/** The region's units and positions (at most 500 each: one page), for filters and forms. */
export function useUnits(tenant: string | undefined) {
  return useQuery({
    queryKey: employeeKeys.units,
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/units', { params: { path: { tenant: tenant ?? '' }, query: { limit: 500 } } })),
    enabled: tenant !== undefined,
    staleTime: 5 * 60_000,
  });
}

export function usePositions(tenant: string | undefined) {
  return useQuery({
    queryKey: employeeKeys.positions,
    queryFn: () =>
      unwrap(api.GET('/api/v1/tenants/{tenant}/positions', { params: { path: { tenant: tenant ?? '' }, query: { limit: 500 } } })),
    enabled: tenant !== undefined,
    staleTime: 5 * 60_000,
  });
}

export function useEmployeeGaps(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: employeeKeys.part(id, 'gaps'),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/employees/{id}/gaps', { params: tenantPath(tenant, id) })),
    enabled: tenant !== undefined,
  });
}

export function useEmployeeAssessments(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: employeeKeys.part(id, 'assessments'),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/employees/{id}/assessments', { params: { ...tenantPath(tenant, id), query: { limit: 50 } } }),
      ),
    enabled: tenant !== undefined,
  });
}

export function useEmployeeJp(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: employeeKeys.part(id, 'jp'),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/employees/{id}/jp', { params: tenantPath(tenant, id) })),
    enabled: tenant !== undefined,
  });
}

export function useEmployeeEnrollments(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: employeeKeys.part(id, 'enrollments'),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/employees/{id}/enrollments', { params: { ...tenantPath(tenant, id), query: { limit: 50 } } }),
      ),
    enabled: tenant !== undefined,
  });
}

/** The pairings the employee is in, as mentee and as mentor (two filtered reads of the tenant's pairings). */
export function useEmployeePairings(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: employeeKeys.part(id, 'pairings'),
    queryFn: async () => {
      const path = { tenant: tenant ?? '' };
      const [asMentee, asMentor] = await Promise.all([
        unwrap(api.GET('/api/v1/tenants/{tenant}/pairings', { params: { path, query: { mentee: id, limit: 50 } } })),
        unwrap(api.GET('/api/v1/tenants/{tenant}/pairings', { params: { path, query: { mentor: id, limit: 50 } } })),
      ]);
      return [...asMentee.items, ...asMentor.items];
    },
    enabled: tenant !== undefined,
  });
}

const ifMatch = (version: number) => ({ 'If-Match': `"v${version}"` });

export function useCreateEmployee(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewEmployee) =>
      unwrap(api.POST('/api/v1/tenants/{tenant}/employees', { params: { path: { tenant: tenant ?? '' } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: employeeKeys.all }),
  });
}

/** Changes an employee at the version last read: someone else's change since answers 412. */
export function useUpdateEmployee(tenant: string | undefined, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: EmployeeChanges }) =>
      unwrap(
        api.PATCH('/api/v1/tenants/{tenant}/employees/{id}', {
          params: { ...tenantPath(tenant, id), header: ifMatch(version) },
          body: changes,
        }),
      ),
    onSuccess: (employee) => {
      queryClient.setQueryData(employeeKeys.one(id), employee);
      void queryClient.invalidateQueries({ queryKey: ['employees', 'list'] });
    },
  });
}

export function useDeactivateEmployee(tenant: string | undefined, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/employees/{id}/deactivate', { params: { ...tenantPath(tenant, id), header: ifMatch(version) } }),
      ),
    onSuccess: (employee) => {
      queryClient.setQueryData(employeeKeys.one(id), employee);
      void queryClient.invalidateQueries({ queryKey: ['employees', 'list'] });
    },
  });
}
