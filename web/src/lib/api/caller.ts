/**
 * Who is signed in (GET /me) and their region (GET /tenants/{tenant}: name and time zone), shared
 * by every screen through the query cache.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { unwrap } from './problem';
import type { components } from './schema';

export type Me = components['schemas']['Me'];

export const callerKeys = { me: ['me'] as const, tenant: (slug: string) => ['tenant', slug] as const };

export function useMe() {
  return useQuery({ queryKey: callerKeys.me, queryFn: () => unwrap(api.GET('/api/v1/me')), staleTime: 5 * 60_000 });
}

/** The caller's tenant slug and clock; Jakarta's until the tenant is known (the national admin has none). */
export function useTenantClock(): { slug: string | undefined; timeZone: string } {
  const me = useMe();
  const slug = me.data?.tenant?.slug;
  const tenant = useQuery({
    queryKey: callerKeys.tenant(slug ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}', { params: { path: { tenant: slug ?? '' } } })),
    enabled: slug !== undefined,
    staleTime: 60 * 60_000,
  });
  return { slug, timeZone: tenant.data?.timeZone ?? 'Asia/Jakarta' };
}
