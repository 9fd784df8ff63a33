/** The sign-in calls (provisional shapes, see lib/api/auth-paths.ts). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, endSession, startSession } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';

export interface Credentials {
  tenant: string;
  username: string;
  password: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ tenant, username, password }: Credentials) =>
      unwrap(api.POST('/api/v1/auth/login', { body: { ...(tenant ? { tenant } : {}), username, password } })),
    onSuccess: (answer) => {
      if ('accessToken' in answer) {
        queryClient.clear();
        startSession(answer.accessToken, answer.expiresIn);
      }
    },
  });
}

export function useTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { challenge: string; code: string }) => unwrap(api.POST('/api/v1/auth/totp', { body })),
    onSuccess: (grant) => {
      queryClient.clear();
      startSession(grant.accessToken, grant.expiresIn);
    },
  });
}

export function useActivate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ nip, ...body }: { tenant: string; nip: string; code: string; password: string }) =>
      unwrap(api.POST('/api/v1/auth/activate', { body: { ...body, username: nip } })),
    onSuccess: (grant) => {
      queryClient.clear();
      startSession(grant.accessToken, grant.expiresIn);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => unwrap(api.POST('/api/v1/auth/password', { body })),
  });
}

/** Signs out here (or everywhere); the session ends on this page whatever the server answers. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (everywhere: boolean) => {
      try {
        await api.POST('/api/v1/auth/logout', { body: { everywhere } });
      } catch {
        // offline or no sign-in API yet: forgetting the token here is what matters
      }
    },
    onSettled: () => {
      endSession('signed-out');
      queryClient.clear();
    },
  });
}
