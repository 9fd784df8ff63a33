/** The region's accounts for its admin: the list by status, activation codes (shown once, never cached), disable or enable, reset the second factor. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components, paths } from '../../lib/api/schema';

export type Account = components['schemas']['Account'];
export type ActivationCodes = components['schemas']['ActivationCodes'];
export type CodeRequest = components['schemas']['ActivationCodeRequest'];
export type AccountQuery = NonNullable<paths['/api/v1/tenants/{tenant}/accounts']['get']['parameters']['query']>;

const accountKeys = {
  all: ['accounts'] as const,
  list: (tenant: string, query: AccountQuery) => ['accounts', tenant, 'list', query] as const,
};

export function useAccounts(tenant: string | undefined, query: AccountQuery) {
  return useQuery({
    queryKey: accountKeys.list(tenant ?? '', query),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/accounts', { params: { path: { tenant: tenant ?? '' }, query } })),
    enabled: tenant !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Issues codes for one person or a unit; the answer is the only place the codes exist. */
export function useIssueCodes(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CodeRequest) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/accounts/activation-codes', {
          params: { path: { tenant: tenant ?? '' }, query: { format: 'json' } },
          body,
        }),
      ) as Promise<ActivationCodes>,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}

export type AccountAction = 'disable' | 'enable' | 'reset-two-factor';

export function useAccountAction(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: AccountAction }) => {
      const params = tenantPath(tenant, id);
      if (action === 'disable') return unwrap(api.POST('/api/v1/tenants/{tenant}/accounts/{id}/disable', { params }));
      if (action === 'enable') return unwrap(api.POST('/api/v1/tenants/{tenant}/accounts/{id}/enable', { params }));
      return unwrap(api.POST('/api/v1/tenants/{tenant}/accounts/{id}/reset-two-factor', { params }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
