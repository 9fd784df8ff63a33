/** Evaluation reports (Kirkpatrick L1–L3) of an offering, for the tenant admin. */
import { useQuery } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';

export type EvaluationFigures = components['schemas']['EvaluationFigures'];

export function useOfferingEvaluation(tenant: string | undefined, offeringId: string) {
  return useQuery({
    // Under the catalog's key: a completion or a score saved on the queue screen refreshes it.
    queryKey: ['catalog', tenant ?? '', 'offering', offeringId, 'evaluation'],
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/offerings/{id}/evaluation', { params: tenantPath(tenant, offeringId) })),
    enabled: tenant !== undefined,
  });
}
