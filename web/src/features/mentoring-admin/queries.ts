/** Pendampingan (admin): mentor profiles, whole-pool matching, publishing the reviewed pairs, the pairings by status. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type MatchResult = components['schemas']['MatchResult'];
export type PairingStatus = components['schemas']['Pairing']['status'];
export type Mentor = components['schemas']['NamedMentorProfile'];

const path = (tenant: string | undefined) => ({ tenant: tenant ?? '' });

export function useMentors(tenant: string | undefined) {
  return useQuery({
    queryKey: ['mentors'],
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/mentors', { params: { path: path(tenant), query: { limit: 100 } } })),
    enabled: tenant !== undefined,
  });
}

export function usePairingsByStatus(tenant: string | undefined, status: PairingStatus) {
  return useQuery({
    queryKey: ['pairings', 'admin', status],
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/pairings', { params: { path: path(tenant), query: { status, limit: 100 } } })),
    enabled: tenant !== undefined,
  });
}

/** The proposed assignment for the mentees, written nowhere (publish: false): to be reviewed first. */
export function useMatch(tenant: string | undefined) {
  return useMutation({
    mutationFn: (mentees: string[]) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/pairings/match', {
          params: { path: path(tenant) },
          body: { mentees, kind: 'mentoring', unitPreference: 'proximity', publish: false },
        }),
      ),
  });
}

/** Proposes the reviewed pairs in one call, all or none; the key makes a retried submit propose nothing twice. */
export function usePublish(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pairs, key }: { pairs: { mentorId: string; menteeId: string }[]; key: string }) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/pairings/publish', {
          params: { path: path(tenant), header: { 'Idempotency-Key': key } },
          body: { pairs },
        }),
      ),
    onSettled: () => invalidate(queryClient),
  });
}

const invalidate = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: ['pairings'] }), queryClient.invalidateQueries({ queryKey: ['mentors'] })]);

/** Mentors ranked for one mentee, each score with its parts. */
export function useSuggestions(tenant: string | undefined, mentee: string | undefined) {
  return useQuery({
    queryKey: ['pairings', 'suggestions', mentee],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/pairings/suggestions', {
          params: { path: path(tenant), query: { mentee: mentee ?? '', unitPreference: 'proximity', limit: 10 } },
        }),
      ),
    enabled: tenant !== undefined && mentee !== undefined,
  });
}

/** Proposes one mentoring pair (from the suggestions), with its own Idempotency-Key. */
export function usePropose(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mentorId, menteeId, key }: { mentorId: string; menteeId: string; key: string }) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/pairings', {
          params: { path: path(tenant), header: { 'Idempotency-Key': key } },
          body: { kind: 'mentoring', mentorId, menteeId, focus: [], goals: [] },
        }),
      ),
    onSettled: () => invalidate(queryClient),
  });
}

export type MentorChanges = components['schemas']['MentorProfileChanges'];

/** Creates a mentor profile, or changes one at the version read (`If-Match`; a stale one is 412). */
export function useSaveMentor(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { create: components['schemas']['NewMentorProfile'] } | { id: string; version: number; changes: MentorChanges }) =>
      'create' in input
        ? unwrap(api.POST('/api/v1/tenants/{tenant}/mentors', { params: { path: path(tenant) }, body: input.create }))
        : unwrap(
            api.PATCH('/api/v1/tenants/{tenant}/mentors/{id}', {
              params: { path: { ...path(tenant), id: input.id }, header: { 'If-Match': `"v${input.version}"` } },
              body: input.changes,
            }),
          ),
    onSettled: () => invalidate(queryClient),
  });
}

/** Coaching pairs (each employee with their own supervisor), open and past. */
export function useCoaching(tenant: string | undefined) {
  return useQuery({
    queryKey: ['pairings', 'admin', 'coaching'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/tenants/{tenant}/pairings', { params: { path: path(tenant), query: { kind: 'coaching', limit: 100 } } })),
    enabled: tenant !== undefined,
  });
}

/** Proposes coaching to each employee's own supervisor (the API finds the supervisor; one without is left out). */
export function useProposeCoaching(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mentees: string[]) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/pairings/match', {
          params: { path: path(tenant) },
          body: { mentees, kind: 'coaching', unitPreference: 'proximity', publish: true },
        }),
      ),
    onSettled: () => invalidate(queryClient),
  });
}
