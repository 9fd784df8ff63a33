/** The sign-in calls: password sign-in (with its second factor), activation, the two-factor set-up, password, sign out. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, endSession, renewSession, type SignedIn, startSession } from '../../lib/api/client';
import { ApiProblem, unwrap } from '../../lib/api/problem';

export interface Credentials {
  /** The region's code; empty for a national account. */
  tenant: string;
  username: string;
  password: string;
  /** The authenticator app's code or a recovery code, when the account asks for one. */
  totp?: string;
}

/**
 * Whether a refused sign-in asks for the second factor: the server answers 401 naming the field
 * `totp` (docs/auth.md), and the client repeats the sign-in with it.
 */
export const asksForSecondFactor = (error: unknown): boolean =>
  error instanceof ApiProblem && error.status === 401 && 'totp' in error.fields;

const regionOf = (tenant: string) => (tenant ? { tenant } : {});

/** Starts the session of a sign-in or an activation; the previous caller's cached data goes. */
function useStartSession() {
  const queryClient = useQueryClient();
  return (answer: SignedIn) => {
    queryClient.clear();
    startSession(answer);
  };
}

export function useSignIn() {
  const start = useStartSession();
  return useMutation({
    mutationFn: ({ tenant, username, password, totp }: Credentials) =>
      unwrap(api.POST('/api/v1/auth/login', { body: { ...regionOf(tenant), username, password, ...(totp ? { totp } : {}) } })),
    onSuccess: start,
  });
}

export function useActivate() {
  const start = useStartSession();
  return useMutation({
    mutationFn: ({ tenant, username, code, password }: { tenant: string; username: string; code: string; password: string }) =>
      unwrap(api.POST('/api/v1/auth/activate', { body: { ...regionOf(tenant), username, code, password } })),
    onSuccess: start,
  });
}

/** Starts the two-factor set-up: a new secret for the authenticator app. */
export function useStartTwoFactor() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/v1/auth/two-factor/setup')) });
}

/** Turns the second factor on with a code of the new secret; answers the recovery codes, shown once. */
export function useConfirmTwoFactor() {
  return useMutation({ mutationFn: (code: string) => unwrap(api.POST('/api/v1/auth/two-factor/confirm', { body: { code } })) });
}

/** After the set-up, a refresh gives the full token the restricted one could not be (docs/auth.md). */
export function useFinishTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      if (!(await renewSession())) throw new ApiProblem(401, undefined);
    },
    onSuccess: () => queryClient.clear(),
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
        // offline: forgetting the token here is what matters; the cookie's sign-in ends when it expires
      }
    },
    onSettled: () => {
      endSession('signed-out');
      queryClient.clear();
    },
  });
}
