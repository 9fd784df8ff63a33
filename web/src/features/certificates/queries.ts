/**
 * Certificates for the tenant admin: the certificate settings (numbering, place, signing
 * official), saved at the version read (If-Match: someone else's save since answers 412); the
 * batch that issues every passed participant's certificate of an offering, followed as a job until
 * it ends; and a certificate's PDF as a download.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tenantPath } from '../../lib/api/client';
import { ApiProblem, unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';
import { saveFile } from '../../lib/download';

export type CertificateSettings = components['schemas']['CertificateSettings'];
export type CertificateSettingsInput = components['schemas']['CertificateSettingsInput'];
export type Certificate = components['schemas']['Certificate'];
type Job = components['schemas']['Job'];

/** What a finished `certificates.issue` job answers (docs/certificates.md). */
export interface BatchResult {
  offeringId: string;
  planned: number;
  issued: number;
}

const settingsKey = (tenant: string) => ['certificates', tenant, 'settings'] as const;
const path = (tenant: string | undefined) => ({ tenant: tenant ?? '' });

/** An issue refused because nobody signs: no official in the request nor in the settings (422 on `official`). */
export const lacksOfficial = (error: unknown) => error instanceof ApiProblem && error.status === 422 && 'official' in error.fields;

export function useCertificateSettings(tenant: string | undefined) {
  return useQuery({
    queryKey: settingsKey(tenant ?? ''),
    queryFn: () => unwrap(api.GET('/api/v1/tenants/{tenant}/certificate-settings', { params: { path: path(tenant) } })),
    enabled: tenant !== undefined,
  });
}

export function useSaveCertificateSettings(tenant: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: CertificateSettingsInput }) =>
      unwrap(
        api.PUT('/api/v1/tenants/{tenant}/certificate-settings', {
          params: { path: path(tenant), header: { 'If-Match': `"v${version}"` } },
          body,
        }),
      ),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey(tenant ?? ''), saved),
  });
}

/** Starts the batch of an offering (202 with the job, or the batch already running in the tenant). */
export function useStartBatch(tenant: string | undefined, offeringId: string) {
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/tenants/{tenant}/offerings/{id}/certificates/batch', { params: tenantPath(tenant, offeringId), body: {} })),
  });
}

const finished = (job: Job | undefined) => job !== undefined && ['succeeded', 'failed', 'cancelled'].includes(job.status);

/** The batch's job, read again every second until it has ended; then the catalog (the offering's certificates) is read afresh. */
export function useBatchJob(tenant: string | undefined, id: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: async () => {
      const job = await unwrap(api.GET('/api/v1/tenants/{tenant}/jobs/{id}', { params: tenantPath(tenant, id ?? '') }));
      if (finished(job)) void queryClient.invalidateQueries({ queryKey: ['catalog'] });
      return job;
    },
    enabled: tenant !== undefined && id !== undefined,
    refetchInterval: (query) => (finished(query.state.data) ? false : 1000),
  });
}

/** A certificate's PDF, fetched with the session and handed to the browser as a file. */
export function useDownloadCertificate(tenant: string | undefined) {
  return useMutation({
    mutationFn: async (certificate: Pick<Certificate, 'id' | 'number'>) => {
      const blob = await unwrap(
        api.GET('/api/v1/tenants/{tenant}/certificates/{id}/pdf', { params: tenantPath(tenant, certificate.id), parseAs: 'blob' }),
      );
      saveFile(blob as Blob, `sertifikat-${certificate.number.replace(/[^A-Za-z0-9.-]+/g, '-')}.pdf`);
    },
  });
}
