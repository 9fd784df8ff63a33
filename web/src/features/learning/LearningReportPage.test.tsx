import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { startSession } from '../../lib/api/client';
import { learningReport, me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { LearningReportPage } from './LearningReportPage';

const seed = (): [readonly unknown[], unknown][] => [
  [callerKeys.me, me],
  [callerKeys.tenant('kalianda'), tenant],
];

const signIn = () => startSession({ accessToken: 'a-token', expiresIn: 600, twoFactorSetupRequired: false, secondFactorRequired: false });

const open = (id: string) => renderAt(<LearningReportPage />, { seed: seed(), route: '/laporan/:id', path: `/laporan/${id}` });

describe("an employee's learning report page", () => {
  it('shows an approved report: its status, the JP claimed beside the JP credited and why, and no withdrawal', async () => {
    signIn();
    serve({
      'GET /api/v1/me/learning-reports/lr_ok': {
        status: 200,
        body: learningReport('lr_ok', 'disetujui', {
          title: 'Pelatihan Statistik',
          jpClaimed: 10,
          jp: 7.5,
          jpReason: 'Aturan: 2,5 JP per hari × 3 hari = 7,5 JP',
          decidedAt: '2026-03-02T03:00:00Z',
        }),
      },
    });
    open('lr_ok');
    expect(await screen.findByRole('heading', { name: 'Pelatihan Statistik', level: 1 })).toBeTruthy();
    expect(screen.getByText('Disetujui')).toBeTruthy();
    expect(screen.getByText('10 JP')).toBeTruthy();
    expect(screen.getByTestId('jp-credited').textContent).toBe('7,5 JP');
    expect(screen.getByText('Aturan: 2,5 JP per hari × 3 hari = 7,5 JP')).toBeTruthy();
    expect(screen.getByText(/^2 Maret 2026.*10[.:]00$/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Tarik/ })).toBeNull();
  });

  it('shows the reason of a rejected report', async () => {
    signIn();
    serve({
      'GET /api/v1/me/learning-reports/lr_no': {
        status: 200,
        body: learningReport('lr_no', 'ditolak', { title: 'Seminar Daring', rejectReason: 'Sertifikat tidak terbaca' }),
      },
    });
    open('lr_no');
    expect(await screen.findByText('Sertifikat tidak terbaca')).toBeTruthy();
    expect(screen.getByText('Alasan penolakan')).toBeTruthy();
    expect(screen.getByText('Ditolak')).toBeTruthy();
  });

  it('withdraws a waiting report', async () => {
    signIn();
    let status: 'diajukan' | 'ditarik' = 'diajukan';
    const requests = serve({
      'GET /api/v1/me/learning-reports/lr_wait': () => ({
        status: 200,
        body: learningReport('lr_wait', status, { title: 'Bimtek Arsip' }),
      }),
      'POST /api/v1/me/learning-reports/lr_wait/withdraw': () => {
        status = 'ditarik';
        return { status: 200, body: learningReport('lr_wait', 'ditarik', { title: 'Bimtek Arsip' }) };
      },
    });
    open('lr_wait');
    expect(await screen.findByText('Menunggu verifikasi', { selector: '[data-testid="jp-credited"]' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tarik laporan Bimtek Arsip' }));
    expect(await screen.findByText('Laporan ini sudah ditarik.')).toBeTruthy();
    expect(screen.getByText('Ditarik')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Tarik laporan/ })).toBeNull();
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/v1/me/learning-reports/lr_wait/withdraw']);
  });

  it('downloads the evidence with the access token', async () => {
    signIn();
    const requests = serve({
      'GET /api/v1/me/learning-reports/lr_wait': { status: 200, body: learningReport('lr_wait', 'diajukan', { title: 'Bimtek Arsip' }) },
      'GET /api/v1/me/learning-reports/lr_wait/evidence': { status: 200, body: '%PDF-1.7' },
    });
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:evidence';
    };
    URL.revokeObjectURL = () => {};
    open('lr_wait');
    expect(await screen.findByText('PDF, 2 KB')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Unduh bukti' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(await created[0]?.text()).toContain('%PDF-1.7');
    const download = requests.find((r) => r.path === '/api/v1/me/learning-reports/lr_wait/evidence');
    expect(download?.headers.get('authorization')).toBe('Bearer a-token');
  });

  it('shows "not found" for a report that is not the caller’s', async () => {
    signIn();
    serve({});
    open('lr_other');
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
  });
});
