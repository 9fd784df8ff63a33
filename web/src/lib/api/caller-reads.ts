/**
 * Who is signed in (GET /me) and their region (GET /tenants/{tenant}): the reads and their cache
 * keys, without React, so that the console's entry can start them before the app has arrived
 * (caller.ts has the hooks).
 */
import type { QueryClient } from '@tanstack/query-core';
import { api } from './client';
import { unwrap } from './problem';
import type { components } from './schema';

export type Me = components['schemas']['Me'];

export const callerKeys = { me: ['me'] as const, tenant: (slug: string) => ['tenant', slug] as const };

export const meQuery = { queryKey: callerKeys.me, queryFn: () => unwrap(api.GET('/api/v1/me')), staleTime: 5 * 60_000 };
export const tenantQuery = (slug: string | undefined) => ({
  queryKey: callerKeys.tenant(slug ?? ''),
  queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}', { params: { path: { tenant: slug ?? '' } } })),
  staleTime: 60 * 60_000,
});

/** Starts reading the caller and their region as soon as the session is known (a page load's first reads); answers when both have settled. */
export async function prefetchCaller(queryClient: QueryClient, tenant: string | null): Promise<void> {
  await Promise.all([queryClient.prefetchQuery(meQuery), tenant ? queryClient.prefetchQuery(tenantQuery(tenant)) : undefined]);
}
