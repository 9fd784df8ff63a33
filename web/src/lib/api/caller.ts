/**
 * Who is signed in (GET /me) and their region (GET /tenants/{tenant}: name and time zone), shared
 * by every screen through the query cache.
 */
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './problem';
import type { components } from './schema';

export type Me = components['schemas']['Me'];

export const callerKeys = { me: ['me'] as const, tenant: (slug: string) => ['tenant', slug] as const };

const meQuery = queryOptions({ queryKey: callerKeys.me, queryFn: () => unwrap(api.GET('/api/v1/me')), staleTime: 5 * 60_000 });
const tenantQuery = (slug: string | undefined) =>
  queryOptions({
    queryKey: callerKeys.tenant(slug ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}', { params: { path: { tenant: slug ?? '' } } })),
    staleTime: 60 * 60_000,
  });

/** Starts reading the caller and their region as soon as the session is known (a page load's first reads). */
export function prefetchCaller(queryClient: QueryClient, tenant: string | null): void {
  void queryClient.prefetchQuery(meQuery);
  if (tenant) void queryClient.prefetchQuery(tenantQuery(tenant));
}

export function useMe() {
  return useQuery(meQuery);
}

/** The caller's tenant slug and clock; Jakarta's until the tenant is known (the national admin has none). */
export function useTenantClock(): { slug: string | undefined; timeZone: string } {
  const me = useMe();
  const slug = me.data?.tenant?.slug;
  const tenant = useQuery({ ...tenantQuery(slug), enabled: slug !== undefined });
  return { slug, timeZone: tenant.data?.timeZone ?? 'Asia/Jakarta' };
}
