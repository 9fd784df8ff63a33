/**
 * The organisation's reads and writes: units, positions, a position's standard (with its version:
 * a save sends `If-Match` and a stale one is a 412), and the competency dictionary. Used by the
 * assessments and needs screens too.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type Unit = components['schemas']['Unit'];

export type Competency = components['schemas']['Competency'];
export type Standards = components['schemas']['PositionStandards'];
export type StandardLine = { competency: string; requiredLevel: number; weight: number };

const organisationKeys = {
  units: (tenant: string) => ['units', tenant] as const,
  positions: (tenant: string) => ['positions', tenant] as const,
  standards: (tenant: string, position: string) => ['standards', tenant, position] as const,
  competencies: (tenant: string) => ['competencies', tenant] as const,
};

const path = (tenant: string | undefined) => ({ tenant: tenant ?? '' });

export function useUnits(tenant: string | undefined) {
  return useQuery({
    queryKey: organisationKeys.units(tenant ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/units', { params: { path: path(tenant), query: { limit: 500 } } })),
    enabled: tenant !== undefined,
    staleTime: 60_000,
  });
}

export function usePositions(tenant: string | undefined) {
  return useQuery({
    queryKey: organisationKeys.positions(tenant ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/positions', { params: { path: path(tenant), query: { limit: 500 } } })),
    enabled: tenant !== undefined,
    staleTime: 60_000,
  });
}

/** National and the tenant's own competencies in use (retired ones left out). */
export function useCompetencies(tenant: string | undefined) {
  return useQuery({
    queryKey: organisationKeys.competencies(tenant ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/competencies', { params: { path: path(tenant), query: { limit: 500 } } })),
    enabled: tenant !== undefined,
    staleTime: 60_000,
  });
}

/** A position's standard and the ETag to save it against. */
export function useStandards(tenant: string | undefined, positionId: string | null) {
  return useQuery({
    queryKey: organisationKeys.standards(tenant ?? '', positionId ?? ''),
    queryFn: async () => {
      const result = api.GET('/api/v1/tenants/{tenant}/positions/{id}/standards', { params: tenantPath(tenant, positionId ?? '') });
      const data = await unwrap(result);
      return { ...data, etag: (await result).response.headers.get('etag') ?? `"v${data.version}"` };
    },
    enabled: tenant !== undefined && positionId !== null,
  });
}

/** Saves a standard at the version it was read at; a 412 means someone else changed it since. */
export function useSaveStandards(tenant: string | undefined, positionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ standards, etag }: { standards: StandardLine[]; etag: string }) =>
      unwrap(
        api.PUT('/api/v1/tenants/{tenant}/positions/{id}/standards', {
          params: { ...tenantPath(tenant, positionId), header: { 'If-Match': etag } },
          body: { standards },
        }),
      ),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: organisationKeys.standards(tenant ?? '', positionId) }),
        queryClient.invalidateQueries({ queryKey: ['needs', tenant ?? ''] }),
      ]);
    },
  });
}

/** Moves a unit under another (or to the top) at the version it was read at. */
export function useMoveUnit(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unit, parentId }: { unit: Unit; parentId: string | null }) =>
      unwrap(
        api.PATCH('/api/v1/tenants/{tenant}/units/{id}', {
          params: { ...tenantPath(tenant, unit.id), header: { 'If-Match': `"v${unit.version}"` } },
          body: { parentId },
        }),
      ),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: organisationKeys.units(tenant ?? '') }),
        queryClient.invalidateQueries({ queryKey: ['needs', tenant ?? ''] }),
        queryClient.invalidateQueries({ queryKey: ['jp', tenant ?? ''] }),
      ]);
    },
  });
}

export interface TechnicalInput {
  code: string;
  name: string;
  description: string;
  levels: string[];
}

/** Adds a teknis competency (code, name, description, five level descriptions). */
export function useCreateTechnical(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TechnicalInput) =>
      unwrap(api.POST('/api/v1/tenants/{tenant}/competencies', { params: { path: path(tenant) }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.competencies(tenant ?? '') }),
  });
}

/** Changes a teknis competency at the version it was read at. */
export function useUpdateTechnical(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ competency, body }: { competency: Competency; body: Omit<TechnicalInput, 'code'> }) =>
      unwrap(
        api.PATCH('/api/v1/tenants/{tenant}/competencies/{id}', {
          params: { ...tenantPath(tenant, competency.id), header: { 'If-Match': `"v${competency.version}"` } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: organisationKeys.competencies(tenant ?? '') }),
  });
}
