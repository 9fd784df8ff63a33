import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { CompletedTable } from './CompletionPanel';
import type { QueueEntry } from './queries';

const admin = { ...me, roles: ['tenant_admin' as const], employee: null };
const seed: [readonly unknown[], unknown][] = [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
];
const place = (id: string, name: string, nip: string): QueueEntry => ({
  id,
  offeringId: 'ofr_1',
  employeeId: `emp_${id}`,
  status: 'completed',
  seq: 1,
  requestedBy: 'admin',
  attendance: 100,
  passed: true,
  completedAt: '2026-03-06T00:00:00Z',
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-06T00:00:00Z',
  employee: { name, nip },
});
const line = (enrollmentId: string, pre: number | null, post: number | null) => ({
  enrollmentId,
  employeeId: `emp_${enrollmentId}`,
  pre,
  post,
  gain: pre !== null && post !== null ? post - pre : null,
  normalizedGain: pre !== null && post !== null ? (post - pre) / (100 - pre) : null,
});

describe('the L2 grid', () => {
  it('opens with the recorded scores and saves only the corrected line, keeping its other score', async () => {
    let stored = [line('enr_a', 40, 70), line('enr_b', 60, null)];
    const requests = serve({
      'GET /api/v1/tenants/kalianda/offerings/ofr_1/test-scores': () => ({ status: 200, body: { items: stored } }),
      'PUT /api/v1/tenants/kalianda/offerings/ofr_1/test-scores': () => {
        stored = [line('enr_a', 40, 70), line('enr_b', 60, 80)];
        return { status: 200, body: { items: stored } };
      },
      'GET /api/v1/tenants/kalianda/certificates': { status: 200, body: { items: [], nextCursor: null } },
      'GET /api/v1/tenants/kalianda/certificate-settings': {
        status: 200,
        body: {
          numberPattern: '{seq}/{code}/{unit}/{year}',
          issuerUnit: 'BKPSDM',
          issuedPlace: null,
          official: null,
          version: 0,
          updatedAt: null,
        },
      },
    });
    renderAt(
      <CompletedTable
        offeringId="ofr_1"
        entries={[place('enr_a', 'Siti Rahayu', '198503152010012002'), place('enr_b', 'Budi Santoso', '199001012015031001')]}
        hasTests
      />,
      { seed },
    );
    const preA = (await screen.findByLabelText('Pretest Siti Rahayu')) as HTMLInputElement;
    await waitFor(() => expect(preA.value).toBe('40'));
    expect((screen.getByLabelText('Posttest Siti Rahayu') as HTMLInputElement).value).toBe('70');
    expect((screen.getByLabelText('Pretest Budi Santoso') as HTMLInputElement).value).toBe('60');
    expect((screen.getByLabelText('Posttest Budi Santoso') as HTMLInputElement).value).toBe('');
    expect(screen.getByText('0,5')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Posttest Budi Santoso'), { target: { value: '80' } });
    fireEvent.click(screen.getByRole('button', { name: 'Simpan nilai' }));
    await screen.findByText('Nilai 2 peserta tersimpan.');
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({ scores: [{ enrollmentId: 'enr_b', pre: 60, post: 80 }] });
    await waitFor(() => expect((screen.getByLabelText('Posttest Budi Santoso') as HTMLInputElement).value).toBe('80'));
    // Without a signing official the certificates cannot be issued: said, with the way to the setting.
    expect(screen.getByRole('link', { name: 'Atur pejabat penanda tangan di Pengaturan' })).toBeTruthy();
  });
});
