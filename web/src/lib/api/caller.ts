/**
 * Who is signed in (GET /me) and their region (GET /tenants/{tenant}: name and time zone), shared
 * by every screen through the query cache; the reads themselves are in caller-reads.ts.
 */
import { useQuery } from '@tanstack/react-query';
import { meQuery, tenantQuery } from './caller-reads';

export { callerKeys, type Me } from './caller-reads';

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
