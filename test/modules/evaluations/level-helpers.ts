/** Kirkpatrick L1–L3 test data through the API: an offering with completed participants and their supervisor. */
import { expect } from 'vitest';
import { api } from '../../support/api';
import type { TestTenant } from '../../support/factories';
import { createOffering, createProgram } from '../catalog/helpers';
import { type Person, person } from '../mentoring/helpers';

/**
 * Today's date on the wall clock of the test tenants (`timeZone: 'Asia/Jakarta'`, see
 * support/factories.ts), as the server reads "today": not the UTC date, which is a day behind
 * from 00:00 to 07:00 in Jakarta.
 */
export const today = () => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date());
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
};

export interface Cohort {
  programId: string;
  offeringId: string;
  supervisor: Person;
  participants: (Person & { enrollmentId: string })[];
}

/** `n` participants (supervised by one supervisor) of a new offering, completed on `completedOn` (null: left enrolled). */
export async function cohort(
  t: TestTenant,
  n: number,
  options: { completedOn?: string | null; hasTests?: boolean; programId?: string; offering?: Record<string, unknown>; unit?: string } = {},
): Promise<Cohort> {
  const programId = options.programId ?? (await createProgram(t, { hasTests: options.hasTests ?? true })).id;
  const offering = await createOffering(t, programId, options.offering ?? {});
  const supervisor = await person(t, { name: 'Drs. Hendra Saputra, M.Si.' });
  const participants: Cohort['participants'] = [];
  for (let i = 0; i < n; i++) {
    const p = await person(t, { supervisorId: supervisor.id, ...(options.unit ? { unit: options.unit } : {}) });
    const res = await api('POST', `/api/v1/tenants/${t.slug}/offerings/${offering.id}/enrollments`, {
      token: t.adminToken,
      body: { employeeIds: [p.id] },
    });
    expect(res.status, res.text).toBe(201);
    const enrollmentId = res.body.items[0]!.id;
    const completedOn = options.completedOn === undefined ? '2026-02-06' : options.completedOn;
    if (completedOn !== null) {
      const done = await api('POST', `/api/v1/tenants/${t.slug}/enrollments/${enrollmentId}/complete`, {
        token: t.adminToken,
        body: { attendance: 95, passed: true, completedOn },
      });
      expect(done.status, done.text).toBe(200);
    }
    participants.push({ ...p, enrollmentId });
  }
  return { programId, offeringId: offering.id, supervisor, participants };
}

export const answers = (v: number[] = [4, 5, 4, 3, 5, 4]) => ({
  materi: v[0],
  fasilitator: v[1],
  metode: v[2],
  sarana: v[3],
  manfaat: v[4],
  waktu: v[5],
});

export const react = (
  t: TestTenant,
  enrollmentId: string,
  token: string,
  body: unknown = { answers: answers(), comment: 'Materi sangat relevan dengan tugas' },
) => api('POST', `/api/v1/tenants/${t.slug}/enrollments/${enrollmentId}/reaction`, { token, body });

export const rate = (
  t: TestTenant,
  enrollmentId: string,
  token: string,
  body: Record<string, unknown> = { rating: 4, comment: 'Lebih tertib menyusun laporan' },
) => api('POST', `/api/v1/tenants/${t.slug}/enrollments/${enrollmentId}/behaviour`, { token, body });

export const scores = (t: TestTenant, offeringId: string, items: unknown[]) =>
  api('PUT', `/api/v1/tenants/${t.slug}/offerings/${offeringId}/test-scores`, { token: t.adminToken, body: { scores: items } });

export const feedback = (
  t: TestTenant,
  pairingId: string,
  token: string,
  body: Record<string, unknown> = { rating: 5, comment: 'Sangat membantu' },
) => api('POST', `/api/v1/tenants/${t.slug}/pairings/${pairingId}/feedback`, { token, body });

export const waiting = (token: string) => api('GET', '/api/v1/me/evaluations', { token });
