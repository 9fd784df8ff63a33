/**
 * The region's settings for its admin: the tenant settings (JP targets per employment type, the
 * self-assessment rule) and the evaluation settings (L3 waiting days), each saved at the version
 * read (If-Match: someone else's save since answers 412); and the sign-in settings (a second
 * factor required of admins), saved the same way, which keep the single sign-on as it is.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type TenantSettingsInput = components['schemas']['TenantSettingsInput'];
export type SignInSettings = components['schemas']['SignInSettings'];
type SignInSettingsInput = components['schemas']['SignInSettingsInput'];

const settingsKeys = {
  tenant: (tenant: string) => ['settings', tenant, 'tenant'] as const,
  evaluation: (tenant: string) => ['settings', tenant, 'evaluation'] as const,
  signIn: (tenant: string) => ['settings', tenant, 'sign-in'] as const,
};

const path = (tenant: string | undefined) => ({ tenant: tenant ?? '' });
const ifMatch = (version: number) => ({ 'If-Match': `"v${version}"` });

export function useTenantSettings(tenant: string | undefined) {
  return useQuery({
    queryKey: settingsKeys.tenant(tenant ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/settings', { params: { path: path(tenant) } })),
    enabled: tenant !== undefined,
  });
}

export function useSaveTenantSettings(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: TenantSettingsInput }) =>
      unwrap(api.PUT('/api/v1/tenants/{tenant}/settings', { params: { path: path(tenant), header: ifMatch(version) }, body })),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.tenant(tenant ?? ''), saved),
  });
}

export function useEvaluationSettings(tenant: string | undefined) {
  return useQuery({
    queryKey: settingsKeys.evaluation(tenant ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/evaluation-settings', { params: { path: path(tenant) } })),
    enabled: tenant !== undefined,
  });
}

export function useSaveEvaluationSettings(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, l3WaitingDays }: { version: number; l3WaitingDays: number }) =>
      unwrap(
        api.PUT('/api/v1/tenants/{tenant}/evaluation-settings', {
          params: { path: path(tenant), header: ifMatch(version) },
          body: { l3WaitingDays },
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.evaluation(tenant ?? ''), saved),
  });
}

export function useSignInSettings(tenant: string | undefined) {
  return useQuery({
    queryKey: settingsKeys.signIn(tenant ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/sign-in-settings', { params: { path: path(tenant) } })),
    enabled: tenant !== undefined,
  });
}

export function useSaveSignInSettings(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: SignInSettingsInput }) =>
      unwrap(api.PUT('/api/v1/tenants/{tenant}/sign-in-settings', { params: { path: path(tenant), header: ifMatch(version) }, body })),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.signIn(tenant ?? ''), saved),
  });
}
