/**
 * The employee's learning records on Beranda: their self-reports of training (filed with the
 * evidence, withdrawn while waiting), their certificates (PDF) and their learning history.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/client';
import { ApiProblem, unwrap } from '../../lib/api/problem';
import type { components } from '../../lib/api/schema';
import { saveFile } from '../../lib/download';

export type LearningReport = components['schemas']['LearningReport'];
export type NewLearningReport = components['schemas']['NewLearningReport'];
export type Certificate = components['schemas']['Certificate'];
export type Method = NewLearningReport['method'];

/** The evidence the server takes: PDF, JPEG or PNG, at most 5 MB (docs/learning.md). */
export const evidenceTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const evidenceLimit = 5 * 1024 * 1024;

export const learningKeys = {
  reports: ['me', 'learning-reports'] as const,
  /** One report: under `reports`, so whatever refreshes the list refreshes it too. */
  report: (id: string) => ['me', 'learning-reports', id] as const,
  certificates: ['me', 'certificates'] as const,
  history: ['me', 'history'] as const,
};

export function useMyReports() {
  return useQuery({
    queryKey: learningKeys.reports,
    queryFn: () => unwrap(api.GET('/api/v1/me/learning-reports', { params: { query: { limit: 20 } } })),
  });
}

export function useMyReport(id: string) {
  return useQuery({
    queryKey: learningKeys.report(id),
    queryFn: () => unwrap(api.GET('/api/v1/me/learning-reports/{id}', { params: { path: { id } } })),
  });
}

const extensions: Record<(typeof evidenceTypes)[number], string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * Saves a report's evidence as the API answered it (the employee's own route or the admin's; the
 * request goes through the client, with the session's token), named by the report and its type.
 */
export async function saveEvidence(
  report: Pick<LearningReport, 'id' | 'evidence'>,
  answer: Promise<{ data?: Blob; response: Response }>,
): Promise<void> {
  const { data, response } = await answer;
  if (!response.ok || !data) throw new ApiProblem(response.status, undefined);
  saveFile(data, `bukti-${report.id}.${report.evidence ? extensions[report.evidence.contentType] : 'pdf'}`);
}

/** Downloads the evidence of one of the caller's reports, as it was uploaded. */
export function useDownloadEvidence() {
  return useMutation({
    mutationFn: (report: Pick<LearningReport, 'id' | 'evidence'>) =>
      saveEvidence(report, api.GET('/api/v1/me/learning-reports/{id}/evidence', { params: { path: { id: report.id } }, parseAs: 'blob' })),
  });
}

export function useMyCertificates() {
  return useQuery({
    queryKey: learningKeys.certificates,
    queryFn: () => unwrap(api.GET('/api/v1/me/certificates', { params: { query: { limit: 20 } } })),
  });
}

export function useMyHistory() {
  return useQuery({ queryKey: learningKeys.history, queryFn: () => unwrap(api.GET('/api/v1/me/history')) });
}

/**
 * The evidence as the PUT's body: the file's own bytes. (The generated types describe a binary
 * body as a string; the file goes as it is, its type in Content-Type.)
 */
const rawBody = (file: Blob) => file as unknown as string;

function uploadEvidence(report: Pick<LearningReport, 'id' | 'version'>, file: File) {
  return unwrap(
    api.PUT('/api/v1/me/learning-reports/{id}/evidence', {
      params: { path: { id: report.id }, header: { 'If-Match': `"v${report.version}"` } },
      headers: { 'content-type': file.type },
      body: rawBody(file),
      bodySerializer: (body) => body,
    }),
  );
}

/** An error of the evidence after the report itself was saved: the report stays, its upload can be repeated. */
export class EvidenceNotStored extends Error {
  readonly problem: unknown;
  constructor(problem: unknown) {
    super('evidence not stored');
    this.name = 'EvidenceNotStored';
    this.problem = problem;
  }
}

/** Files a report, then uploads its evidence (one key per filing, so a repeated submit files once). */
export function useFileReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ report, evidence, key }: { report: NewLearningReport; evidence: File; key: string }) => {
      const filed = await unwrap(api.POST('/api/v1/me/learning-reports', { body: report, headers: { 'idempotency-key': key } }));
      try {
        return await uploadEvidence(filed, evidence);
      } catch (problem) {
        throw new EvidenceNotStored(problem);
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: learningKeys.reports }),
  });
}

export function useUploadEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ report, file }: { report: LearningReport; file: File }) => uploadEvidence(report, file),
    onSettled: () => queryClient.invalidateQueries({ queryKey: learningKeys.reports }),
  });
}

export function useWithdrawReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/me/learning-reports/{id}/withdraw', { params: { path: { id } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: learningKeys.reports }),
  });
}

/** Downloads one of the caller's certificates as the PDF the server renders. */
export function useDownloadCertificate() {
  return useMutation({
    mutationFn: async (certificate: Pick<Certificate, 'id' | 'number'>) => {
      const { data, response } = await api.GET('/api/v1/me/certificates/{id}/pdf', {
        params: { path: { id: certificate.id } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw new ApiProblem(response.status, undefined);
      saveFile(data, `sertifikat-${certificate.number.replace(/[^\w.-]+/g, '-')}.pdf`);
    },
  });
}
