/** The needs report's read and its downloads (CSV and xlsx, through the client: they need the session's token). */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components, paths } from '../../lib/api/schema';

export type NeedsReport = components['schemas']['NeedsReport'];
export type NeedsQuery = NonNullable<paths['/api/v1/tenants/{tenant}/needs']['get']['parameters']['query']>;
export type Grouping = NonNullable<NeedsQuery['groupBy']>;

const needsKeys = { report: (tenant: string, query: NeedsQuery) => ['needs', tenant, 'report', query] as const };

export function useNeeds(tenant: string | undefined, query: NeedsQuery) {
  return useQuery({
    queryKey: needsKeys.report(tenant ?? '', query),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/needs', { params: { path: { tenant: tenant ?? '' }, query } })),
    enabled: tenant !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Saves a blob under `name` through a temporary link. */
function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the report as CSV or xlsx, with the same filters. */
export function useNeedsDownload(tenant: string | undefined) {
  return useMutation({
    mutationFn: async ({ format, query }: { format: 'csv' | 'xlsx'; query: NeedsQuery }) => {
      const params = { path: { tenant: tenant ?? '' }, query };
      const blob =
        format === 'csv'
          ? await unwrap(api.GET('/api/v1/tenants/{tenant}/needs.csv', { params, parseAs: 'blob' }))
          : await unwrap(api.GET('/api/v1/tenants/{tenant}/needs.xlsx', { params, parseAs: 'blob' }));
      save(blob, `kebutuhan-${tenant ?? ''}-${query.groupBy ?? 'competency'}.${format}`);
    },
  });
}
