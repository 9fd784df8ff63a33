/** Tugas saya: the evaluations waiting for the caller and the pairings proposed to them as mentor. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type Waiting = components['schemas']['WaitingEvaluations']['items'][number];
/** A pairing with its members' names (`/me/pairings`): a proposal says whom the mentor is asked to guide. */
export type Pairing = components['schemas']['NamedPairing'];
export type ReactionAnswers = components['schemas']['ReactionInput']['answers'];

export const taskKeys = { waiting: ['me', 'evaluations'] as const, proposals: ['me', 'pairings', 'proposed'] as const };

export function useWaiting() {
  return useQuery({ queryKey: taskKeys.waiting, queryFn: () => unwrap(api.GET('/api/v1/me/evaluations')) });
}

/** Pairings proposed to the caller as mentor (the mentee has nothing to answer). */
export function useProposals(employeeId: string | undefined) {
  return useQuery({
    queryKey: taskKeys.proposals,
    queryFn: () => unwrap(api.GET('/api/v1/me/pairings', { params: { query: { status: 'proposed', limit: 50 } } })),
    select: (page) => page.items.filter((p) => p.mentorId === employeeId),
    enabled: employeeId !== undefined,
  });
}

function useDone() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: taskKeys.waiting }),
      queryClient.invalidateQueries({ queryKey: ['me', 'pairings'] }),
    ]);
}

export function useReaction(tenant: string | undefined) {
  const done = useDone();
  return useMutation({
    mutationFn: ({ enrollmentId, answers, comment }: { enrollmentId: string; answers: ReactionAnswers; comment: string | null }) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/enrollments/{id}/reaction', {
          params: tenantPath(tenant, enrollmentId),
          body: { answers, comment },
        }),
      ),
    onSuccess: done,
  });
}

export function useBehaviour(tenant: string | undefined) {
  const done = useDone();
  return useMutation({
    mutationFn: ({ enrollmentId, rating, comment }: { enrollmentId: string; rating: number; comment: string | null }) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/enrollments/{id}/behaviour', {
          params: tenantPath(tenant, enrollmentId),
          body: { rating, comment, assessments: [] },
        }),
      ),
    onSuccess: done,
  });
}

export function useFeedback(tenant: string | undefined) {
  const done = useDone();
  return useMutation({
    mutationFn: ({ pairingId, rating, comment }: { pairingId: string; rating: number; comment: string | null }) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/pairings/{id}/feedback', {
          params: tenantPath(tenant, pairingId),
          body: { rating, comment, assessments: [] },
        }),
      ),
    onSuccess: done,
  });
}

export function useAnswerProposal(tenant: string | undefined) {
  const done = useDone();
  return useMutation({
    mutationFn: ({ pairingId, accept, reason }: { pairingId: string; accept: boolean; reason?: string }) =>
      accept
        ? unwrap(api.POST('/api/v1/tenants/{tenant}/pairings/{id}/accept', { params: tenantPath(tenant, pairingId) }))
        : unwrap(
            api.POST('/api/v1/tenants/{tenant}/pairings/{id}/decline', {
              params: tenantPath(tenant, pairingId),
              body: { reason: reason ?? '' },
            }),
          ),
    onSuccess: done,
  });
}
