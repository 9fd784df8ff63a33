/** Pendampingan: the caller's pairings, and one pairing's sessions and goals. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type Pairing = components['schemas']['Pairing'];
export type Goal = components['schemas']['MentoringGoal'];
export type MentoringSession = components['schemas']['MentoringSession'];

export const pairingKeys = {
  mine: ['me', 'pairings', 'all'] as const,
  one: (id: string) => ['pairing', id] as const,
  sessions: (id: string) => ['pairing', id, 'sessions'] as const,
  goals: (id: string) => ['pairing', id, 'goals'] as const,
};

export function useMyPairings() {
  return useQuery({
    queryKey: pairingKeys.mine,
    queryFn: () => unwrap(api.GET('/api/v1/me/pairings', { params: { query: { limit: 50 } } })),
  });
}

export function usePairing(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: pairingKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/pairings/{id}', { params: tenantPath(tenant, id) })),
    enabled: tenant !== undefined,
  });
}

export function useSessions(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: pairingKeys.sessions(id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/tenants/{tenant}/pairings/{id}/sessions', { params: { ...tenantPath(tenant, id), query: { limit: 100 } } })),
    enabled: tenant !== undefined,
  });
}

export function useGoals(tenant: string | undefined, id: string) {
  return useQuery({
    queryKey: pairingKeys.goals(id),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/pairings/{id}/goals', { params: tenantPath(tenant, id) })),
    enabled: tenant !== undefined,
  });
}

export function useLogSession(tenant: string | undefined, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { date: string; minutes: number; notes?: string; actionItems: string[] }) =>
      unwrap(api.POST('/api/v1/tenants/{tenant}/pairings/{id}/sessions', { params: tenantPath(tenant, id), body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pairingKeys.sessions(id) }),
  });
}

/** Confirms a session the other member recorded: only confirmed minutes earn JP when the pairing completes. */
export function useConfirmSession(tenant: string | undefined, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/pairings/{id}/sessions/{sessionId}/confirm', {
          params: { path: { tenant: tenant ?? '', id, sessionId } },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: pairingKeys.sessions(id) }),
  });
}

export function useAddGoal(tenant: string | undefined, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; dueDate?: string }) =>
      unwrap(api.POST('/api/v1/tenants/{tenant}/pairings/{id}/goals', { params: tenantPath(tenant, id), body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pairingKeys.goals(id) }),
  });
}

/** Marks a goal done or open again, with the version last read (a 412 if someone changed it since). */
export function useSetGoalStatus(tenant: string | undefined, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ goal, status }: { goal: Goal; status: Goal['status'] }) =>
      unwrap(
        api.PATCH('/api/v1/tenants/{tenant}/pairings/{id}/goals/{goalId}', {
          params: { path: { tenant: tenant ?? '', id, goalId: goal.id }, header: { 'If-Match': `"v${goal.version}"` } },
          body: { status },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: pairingKeys.goals(id) }),
  });
}
