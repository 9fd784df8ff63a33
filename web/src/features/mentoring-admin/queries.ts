/** Pendampingan (admin): mentor profiles, whole-pool matching, publishing the reviewed pairs, the pairings by status. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

type MatchResult = components['schemas']['MatchResult'];
export type Proposal = MatchResult['proposals'][number];
export type PairingStatus = components['schemas']['Pairing']['status'];

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

/** Proposes the reviewed pairs, each with its own Idempotency-Key (a retried publish proposes nothing twice). */
export function usePublish(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (pairs: { mentorId: string; menteeId: string; key: string }[]) => {
      const made = [];
      for (const p of pairs) {
        made.push(
          await unwrap(
            api.POST('/api/v1/tenants/{tenant}/pairings', {
              params: { path: path(tenant), header: { 'Idempotency-Key': p.key } },
              body: { kind: 'mentoring', mentorId: p.mentorId, menteeId: p.menteeId, focus: [], goals: [] },
            }),
          ),
        );
      }
      return made;
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['pairings'] }),
  });
}
