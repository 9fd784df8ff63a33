/**
 * The caller's inbox: the unread count (the bell polls it), the latest few, the paged list (unread
 * first), marking one or all read. Opening a notification also refreshes what it is about (screens.ts).
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';
import { refreshedBy } from './screens';

export type Notification = components['schemas']['Notification'];

export const notificationKeys = {
  all: ['me', 'notifications'] as const,
  unread: ['me', 'notifications', 'unread'] as const,
  latest: ['me', 'notifications', 'latest'] as const,
  list: ['me', 'notifications', 'list'] as const,
};

/** How often the bell asks for the count while the page is visible (and again whenever the window regains focus). */
const unreadPollMs = 30_000;
const pageSize = 20;
const latestSize = 5;

export function useUnreadCount(enabled = true) {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => unwrap(api.GET('/api/v1/me/notifications/unread-count')),
    enabled,
    refetchInterval: unreadPollMs,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

/** The first few (unread first) for the bell's popover, asked for when it opens. */
export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: () => unwrap(api.GET('/api/v1/me/notifications', { params: { query: { limit: latestSize } } })),
    enabled,
    staleTime: 0,
  });
}

export function useNotificationPages() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/me/notifications', { params: { query: { limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Marks one read (already read: unchanged) and refreshes what it is about, so its screen shows the news. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notification: Pick<Notification, 'id' | 'kind'>) =>
      unwrap(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id: notification.id } } })),
    onSettled: async (_data, _error, notification) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
        ...refreshedBy(notification.kind).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ]);
    },
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/me/notifications/read-all')),
    onSuccess: (data) => queryClient.setQueryData(notificationKeys.unread, data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
