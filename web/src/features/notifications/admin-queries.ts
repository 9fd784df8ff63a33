/**
 * The tenant admin's notification e-mail: the deliveries by status, paged, and resending one. The
 * person's own e-mail preferences per kind (a section of Akun).
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type Delivery = components['schemas']['NotificationDelivery'];
export type DeliveryStatus = Delivery['status'];
export const deliveryStatuses: DeliveryStatus[] = ['gagal', 'menunggu', 'mengirim', 'terkirim', 'dilewati'];
export type Preferences = components['schemas']['NotificationPreferences'];
export type EmailMode = Preferences['items'][number]['email'];
export const emailModes: EmailMode[] = ['segera', 'harian', 'tidak'];

const deliveryKeys = {
  all: (tenant: string) => ['tenant', tenant, 'notification-deliveries'] as const,
  list: (tenant: string, status: DeliveryStatus | '') => ['tenant', tenant, 'notification-deliveries', status] as const,
};

const preferenceKeys = { mine: ['me', 'notification-preferences'] as const };

const pageSize = 20;

export function useDeliveries(tenant: string | undefined, status: DeliveryStatus | '') {
  return useInfiniteQuery({
    queryKey: deliveryKeys.list(tenant ?? '', status),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/notifications/deliveries', {
          params: {
            path: { tenant: tenant ?? '' },
            query: { limit: pageSize, ...(status ? { status } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: tenant !== undefined,
  });
}

/**
 * Resends a delivery. `attempt` names one decision to resend (made when the admin opens the
 * confirmation): a second try of the same decision, after a lost answer, carries the same
 * Idempotency-Key and sends nothing twice.
 */
export function useResend(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, attempt }: { id: string; attempt: string }) =>
      unwrap(
        api.POST('/api/v1/tenants/{tenant}/notifications/deliveries/{id}/resend', {
          params: { path: { tenant: tenant ?? '', id } },
          headers: { 'Idempotency-Key': `resend-${id}-${attempt}` },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: deliveryKeys.all(tenant ?? '') }),
  });
}

export function usePreferences() {
  return useQuery({ queryKey: preferenceKeys.mine, queryFn: () => unwrap(api.GET('/api/v1/me/notification-preferences')) });
}

export function useSavePreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: { kind: Preferences['items'][number]['kind']; email: EmailMode }) =>
      unwrap(api.PUT('/api/v1/me/notification-preferences', { body: { items: [item] } })),
    onSuccess: (data) => queryClient.setQueryData(preferenceKeys.mine, data),
  });
}
