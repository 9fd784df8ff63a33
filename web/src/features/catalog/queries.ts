/**
 * The region's catalog for the tenant admin: programs (national and its own), providers, offerings,
 * an offering's queue, and the writes on them. Edits of programs, providers and offerings send the
 * version read (`If-Match`); a stale one is a 412. Enrollment state changes carry no version: the
 * server guards them by the place's status.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components, paths } from '../../lib/api/schema';

export type Program = components['schemas']['Program'];
export type NewProgram = components['schemas']['NewProgram'];
export type ProgramChanges = components['schemas']['ProgramChanges'];
export type Provider = components['schemas']['Provider'];
export type NewProvider = components['schemas']['NewProvider'];
export type Offering = components['schemas']['Offering'];
export type NewOffering = components['schemas']['NewOffering'];
export type OfferingChanges = components['schemas']['OfferingChanges'];
export type QueueEntry = components['schemas']['QueueEntry'];
export type Completion = components['schemas']['Completion'];
export type ProgramQuery = NonNullable<paths['/api/v1/tenants/{tenant}/programs']['get']['parameters']['query']>;
export type OfferingQuery = NonNullable<paths['/api/v1/tenants/{tenant}/offerings']['get']['parameters']['query']>;

const catalogKeys = {
  all: ['catalog'] as const,
  programs: (tenant: string, query: ProgramQuery) => ['catalog', tenant, 'programs', query] as const,
  providers: (tenant: string) => ['catalog', tenant, 'providers'] as const,
  offerings: (tenant: string, query: OfferingQuery) => ['catalog', tenant, 'offerings', query] as const,
  offering: (tenant: string, id: string) => ['catalog', tenant, 'offering', id] as const,
  queue: (tenant: string, id: string) => ['catalog', tenant, 'offering', id, 'queue'] as const,
  certificates: (tenant: string, id: string) => ['catalog', tenant, 'offering', id, 'certificates'] as const,
  scores: (tenant: string, id: string) => ['catalog', tenant, 'offering', id, 'scores'] as const,
};

const path = (tenant: string | undefined) => ({ tenant: tenant ?? '' });
const ifMatch = (version: number) => ({ 'If-Match': `"v${version}"` });

export function usePrograms(tenant: string | undefined, query: ProgramQuery) {
  return useQuery({
    queryKey: catalogKeys.programs(tenant ?? '', query),
    queryFn: () =>
      unwrap(api.GET('/api/v1/tenants/{tenant}/programs', { params: { path: path(tenant), query: { limit: 500, ...query } } })),
    enabled: tenant !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useProviders(tenant: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.providers(tenant ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/providers', { params: { path: path(tenant), query: { limit: 500 } } })),
    enabled: tenant !== undefined,
  });
}

export function useOfferings(tenant: string | undefined, query: OfferingQuery) {
  return useQuery({
    queryKey: catalogKeys.offerings(tenant ?? '', query),
    queryFn: () =>
      unwrap(api.GET('/api/v1/tenants/{tenant}/offerings', { params: { path: path(tenant), query: { limit: 500, ...query } } })),
    enabled: tenant !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOffering(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: catalogKeys.offering(tenant ?? '', id),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/offerings/{id}', { params: tenantPath(tenant, id) })),
    enabled: tenant !== undefined,
  });
}

export function useProgram(tenant: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: ['catalog', tenant ?? '', 'program', id ?? ''],
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/programs/{id}', { params: tenantPath(tenant, id ?? '') })),
    enabled: tenant !== undefined && id !== undefined,
  });
}

/** The whole queue of an offering (up to 500 places), in queue order. */
export function useQueue(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: catalogKeys.queue(tenant ?? '', id),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/offerings/{id}/enrollments', { params: { ...tenantPath(tenant, id), query: { limit: 500 } } }),
      ),
    enabled: tenant !== undefined,
  });
}

export function useOfferingCertificates(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: catalogKeys.certificates(tenant ?? '', id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/tenants/{tenant}/certificates', { params: { path: path(tenant), query: { offeringId: id, limit: 500 } } })),
    enabled: tenant !== undefined,
  });
}

/** The offering's recorded L2 scores (one line per scored participant), so the grid opens with them. */
export function useOfferingScores(tenant: string | undefined, id: string, enabled: boolean) {
  return useQuery({
    queryKey: catalogKeys.scores(tenant ?? '', id),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/offerings/{id}/test-scores', { params: tenantPath(tenant, id) })),
    enabled: tenant !== undefined && enabled,
  });
}

function useInvalidateCatalog() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: catalogKeys.all });
}

export function useSaveProgram(tenant: string | undefined) {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (input: { create: NewProgram } | { id: string; version: number; changes: ProgramChanges }) =>
      'create' in input
        ? unwrap(api.POST('/api/v1/tenants/{tenant}/programs', { params: { path: path(tenant) }, body: input.create }))
        : unwrap(
            api.PATCH('/api/v1/tenants/{tenant}/programs/{id}', {
              params: { ...tenantPath(tenant, input.id), header: ifMatch(input.version) },
              body: input.changes,
            }),
          ),
    onSuccess: invalidate,
  });
}

export function useSaveProvider(tenant: string | undefined) {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (input: { create: NewProvider } | { id: string; version: number; changes: Partial<NewProvider> }) =>
      'create' in input
        ? unwrap(api.POST('/api/v1/tenants/{tenant}/providers', { params: { path: path(tenant) }, body: input.create }))
        : unwrap(
            api.PATCH('/api/v1/tenants/{tenant}/providers/{id}', {
              params: { ...tenantPath(tenant, input.id), header: ifMatch(input.version) },
              body: input.changes,
            }),
          ),
    onSuccess: invalidate,
  });
}

export function useSaveOffering(tenant: string | undefined) {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (input: { create: NewOffering } | { id: string; version: number; changes: OfferingChanges }) =>
      'create' in input
        ? unwrap(api.POST('/api/v1/tenants/{tenant}/offerings', { params: { path: path(tenant) }, body: input.create }))
        : unwrap(
            api.PATCH('/api/v1/tenants/{tenant}/offerings/{id}', {
              params: { ...tenantPath(tenant, input.id), header: ifMatch(input.version) },
              body: input.changes,
            }),
          ),
    onSuccess: invalidate,
  });
}

/** Places people in the offering in list order: enrolled while seats remain, then waitlisted. */
export function useEnroll(tenant: string | undefined, offeringId: string) {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (employeeIds: string[]) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/offerings/{id}/enrollments', {
          params: tenantPath(tenant, offeringId),
          body: { employeeIds },
        }),
      ),
    onSuccess: invalidate,
  });
}

export type PlaceAction = 'approve' | 'withdraw';

/** Approves a request or withdraws a place (the server promotes the first waiting in the same write). */
export function usePlaceAction(tenant: string | undefined) {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: PlaceAction }) =>
      action === 'approve'
        ? unwrap(api.POST('/api/v1/tenants/{tenant}/enrollments/{id}/approve', { params: tenantPath(tenant, id) }))
        : unwrap(api.POST('/api/v1/tenants/{tenant}/enrollments/{id}/withdraw', { params: tenantPath(tenant, id) })),
    onSuccess: invalidate,
  });
}

/** Records the same completion for many places, one request each; the result says which failed. */
export function useCompleteMany(tenant: string | undefined) {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: async ({ ids, completion }: { ids: string[]; completion: Completion }) => {
      const results = await Promise.allSettled(
        ids.map((id) =>
          unwrap(api.POST('/api/v1/tenants/{tenant}/enrollments/{id}/complete', { params: tenantPath(tenant, id), body: completion })),
        ),
      );
      return {
        done: results.filter((r) => r.status === 'fulfilled').length,
        failed: results.filter((r) => r.status === 'rejected').length,
      };
    },
    onSettled: invalidate,
  });
}

export type ScoreLine = { enrollmentId: string; pre: number | null; post: number | null };

/** Saves a grid of L2 pre/post scores at once (all or none). */
export function useSaveScores(tenant: string | undefined, offeringId: string) {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (scores: ScoreLine[]) =>
      unwrap(api.PUT('/api/v1/tenants/{tenant}/offerings/{id}/test-scores', { params: tenantPath(tenant, offeringId), body: { scores } })),
    onSuccess: invalidate,
  });
}

export function useIssueCertificate(tenant: string | undefined, offeringId: string) {
  const invalidate = useInvalidateCatalog();
  return useMutation({
    mutationFn: (enrollmentId: string) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/offerings/{id}/certificates', {
          params: tenantPath(tenant, offeringId),
          body: { enrollmentId },
        }),
      ),
    onSuccess: invalidate,
  });
}
