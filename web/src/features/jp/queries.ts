/** JP for the tenant admin: a person's ledger of a year, a credit by hand, and the recap per OPD's downloads (through the client: they need the session's token). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';
import { saveFile } from '../../lib/download';

export type NewJpEntry = components['schemas']['NewJpEntry'];

const jpKeys = {
  ledger: (tenant: string, employeeId: string, year: number) => ['jp', tenant, 'ledger', employeeId, year] as const,
};

export function useJpLedger(tenant: string | undefined, employeeId: string | null, year: number) {
  return useQuery({
    queryKey: jpKeys.ledger(tenant ?? '', employeeId ?? '', year),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/tenants/{tenant}/employees/{id}/jp', { params: { ...tenantPath(tenant, employeeId ?? ''), query: { year } } }),
      ),
    enabled: tenant !== undefined && employeeId !== null,
  });
}

/** Credits JP by hand; the ledgers and the recaps are read again. */
export function useCreditJp(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewJpEntry) => unwrap(api.POST('/api/v1/tenants/{tenant}/jp', { params: { path: { tenant: tenant ?? '' } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['jp'] }),
  });
}

/** Downloads the recap per OPD (or under one unit) of a year as CSV or xlsx. */
export function useJpRecapDownload(tenant: string | undefined) {
  return useMutation({
    mutationFn: async ({ format, year, unit }: { format: 'csv' | 'xlsx'; year: number; unit: string | null }) => {
      const params = { path: { tenant: tenant ?? '' }, query: { year, ...(unit ? { unit } : {}) } };
      const blob =
        format === 'csv'
          ? await unwrap(api.GET('/api/v1/tenants/{tenant}/jp/recap.csv', { params, parseAs: 'blob' }))
          : await unwrap(api.GET('/api/v1/tenants/{tenant}/jp/recap.xlsx', { params, parseAs: 'blob' }));
      saveFile(blob, `rekap-jp-${tenant ?? ''}-${year}.${format}`);
    },
  });
}
