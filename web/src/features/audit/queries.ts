/** The region's audit log for its admin, one page at a time, filtered. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components, paths } from '../../lib/api/schema';

export type AuditEntry = components['schemas']['AuditEntry'];
export type AuditQuery = NonNullable<paths['/api/v1/tenants/{tenant}/audit']['get']['parameters']['query']>;

export function useTenantAudit(tenant: string | undefined, query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', tenant ?? '', query] as const,
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/audit', { params: { path: { tenant: tenant ?? '' }, query } })),
    enabled: tenant !== undefined,
    placeholderData: keepPreviousData,
  });
}
