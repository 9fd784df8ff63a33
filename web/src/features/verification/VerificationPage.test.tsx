import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { startSession } from '../../lib/api/client';
import { learningReport, me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { VerificationPage } from './VerificationPage';

const admin = { ...me, roles: ['tenant_admin' as const], employee: null };
const seed = (): [readonly unknown[], unknown][] => [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
];
const signIn = () => startSession({ accessToken: 'a-token', expiresIn: 600, twoFactorSetupRequired: false, secondFactorRequired: false });

const queuePath = '/api/v1/tenants/kalianda/learning-reports?status=diajukan&limit=20';
const waiting = learningReport('lr_1', 'diajukan', { title: 'Bimtek Arsip Dinamis', certificateNumber: 'BPSDM/12/2026' });
const other = learningReport('lr_2', 'diajukan', { title: 'Seminar Pelayanan Publik', method: 'seminar', jpClaimed: 4 });

describe('the verification queue', () => {
  it('lists the waiting reports with their facts, pages on, and approving one shows the JP credited and why', async () => {
    signIn();
    let decided = false;
    const requests = serve({
      [`GET ${queuePath}`]: () => ({ status: 200, body: { items: decided ? [] : [waiting], nextCursor: decided ? null : 'c1' } }),
      [`GET ${queuePath}&cursor=c1`]: { status: 200, body: { items: [other], nextCursor: null } },
      'POST /api/v1/tenants/kalianda/learning-reports/lr_1/approve': () => {
        decided = true;
        return {
          status: 200,
          body: { ...waiting, status: 'disetujui', jp: 7.5, jpReason: 'Aturan: 2,5 JP per hari × 3 hari = 7,5 JP', version: 3 },
        };
      },
    });
    renderAt(<VerificationPage />, { seed: seed() });
    const list = await screen.findByRole('list', { name: 'Laporan' });
    const report = await within(list).findByRole('article', { name: 'Bimtek Arsip Dinamis' });
    expect(within(report).getByText('Adi Kurniawan, S.Kom. · NIP 197905122002101431')).toBeTruthy();
    expect(within(report).getByText('Pelatihan teknis')).toBeTruthy();
    expect(within(report).getByText('10 Februari 2026 – 12 Februari 2026')).toBeTruthy();
    expect(within(report).getByText('BPSDM Provinsi Lampung')).toBeTruthy();
    expect(within(report).getByText('10 JP')).toBeTruthy();
    expect(within(report).getByText('BPSDM/12/2026')).toBeTruthy();
    expect(within(report).getByRole('button', { name: 'Buka bukti' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Muat lebih banyak' }));
    await within(list).findByRole('article', { name: 'Seminar Pelayanan Publik' });
    expect(screen.queryByRole('button', { name: 'Muat lebih banyak' })).toBeNull();

    fireEvent.click(within(report).getByRole('button', { name: 'Setujui' }));
    const outcome = await screen.findByRole('status');
    expect(within(outcome).getByText('Disetujui: Bimtek Arsip Dinamis')).toBeTruthy();
    expect(screen.getByTestId('verification-credited').textContent).toBe('7,5 JP');
    expect(within(outcome).getByText(/Aturan: 2,5 JP per hari × 3 hari = 7,5 JP/)).toBeTruthy();
    const approve = requests.find((r) => r.method === 'POST');
    expect(approve?.path).toBe('/api/v1/tenants/kalianda/learning-reports/lr_1/approve');
    expect(approve?.headers.get('if-match')).toBe('"v2"');
    // The queue is read again: the decided report has left it.
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Bimtek Arsip Dinamis' })).toBeNull());
  });

  it('asks for the status the admin picks', async () => {
    signIn();
    const requests = serve({
      [`GET ${queuePath}`]: { status: 200, body: { items: [], nextCursor: null } },
      'GET /api/v1/tenants/kalianda/learning-reports?status=ditolak&limit=20': {
        status: 200,
        body: { items: [learningReport('lr_3', 'ditolak', { rejectReason: 'Sertifikat tidak terbaca.' })], nextCursor: null },
      },
    });
    renderAt(<VerificationPage />, { seed: seed() });
    expect(await screen.findByText('Tidak ada laporan dengan status ini.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'ditolak' } });
    const report = await screen.findByRole('article', { name: 'Pelatihan lr_3' });
    expect(within(report).getByText('Alasan: Sertifikat tidak terbaca.')).toBeTruthy();
    expect(within(report).queryByRole('button', { name: 'Setujui' })).toBeNull();
    expect(requests.map((r) => r.path)).toContain('/api/v1/tenants/kalianda/learning-reports?status=ditolak&limit=20');
  });

  it('does not reject without a reason, and rejects with one', async () => {
    signIn();
    const requests = serve({
      [`GET ${queuePath}`]: { status: 200, body: { items: [waiting], nextCursor: null } },
      'POST /api/v1/tenants/kalianda/learning-reports/lr_1/reject': (r) => ({
        status: 200,
        body: { ...waiting, status: 'ditolak', rejectReason: (r.body as { reason: string }).reason, version: 3 },
      }),
    });
    renderAt(<VerificationPage />, { seed: seed() });
    const report = await screen.findByRole('article', { name: 'Bimtek Arsip Dinamis' });
    fireEvent.click(within(report).getByRole('button', { name: 'Tolak' }));
    const dialog = await screen.findByRole('dialog', { name: 'Tolak laporan' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kirim penolakan' }));
    expect(await within(dialog).findByText('Alasan penolakan wajib diisi.')).toBeTruthy();
    const field = within(dialog).getByLabelText(/Alasan penolakan/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(field, { target: { value: '  Sertifikat tidak terbaca.  ' } });
    expect(within(dialog).queryByText('Alasan penolakan wajib diisi.')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kirim penolakan' }));
    const outcome = await screen.findByRole('status');
    expect(within(outcome).getByText('Ditolak: Bimtek Arsip Dinamis')).toBeTruthy();
    expect(within(outcome).getByText('Alasan: Sertifikat tidak terbaca.')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: 'Sertifikat tidak terbaca.' });
  });

  it('says so when someone else decided it meanwhile (409), and reloads the queue on request', async () => {
    signIn();
    let reads = 0;
    const requests = serve({
      [`GET ${queuePath}`]: () => {
        reads += 1;
        return { status: 200, body: { items: reads === 1 ? [waiting] : [], nextCursor: null } };
      },
      'POST /api/v1/tenants/kalianda/learning-reports/lr_1/approve': {
        status: 409,
        body: { type: 'urn:bangkom:problem:conflict', title: 'Conflict', status: 409, detail: 'The report is already disetujui.' },
      },
    });
    renderAt(<VerificationPage />, { seed: seed() });
    const report = await screen.findByRole('article', { name: 'Bimtek Arsip Dinamis' });
    fireEvent.click(within(report).getByRole('button', { name: 'Setujui' }));
    const alert = await within(report).findByRole('alert');
    expect(within(alert).getByText('Laporan ini sudah diputuskan orang lain atau ditarik pegawai.')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
    fireEvent.click(within(report).getByRole('button', { name: 'Muat ulang antrean' }));
    expect(await screen.findByText('Tidak ada laporan dengan status ini.')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'GET').length).toBe(2);
  });

  // Kept last: the stubbed object URLs and the download link's click disturb screens rendered after it.
  it('downloads the evidence through the admin route with the access token', async () => {
    signIn();
    const requests = serve({
      [`GET ${queuePath}`]: { status: 200, body: { items: [waiting], nextCursor: null } },
      'GET /api/v1/tenants/kalianda/learning-reports/lr_1/evidence': { status: 200, body: '%PDF-1.7' },
    });
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:evidence';
    };
    URL.revokeObjectURL = () => {};
    renderAt(<VerificationPage />, { seed: seed() });
    const report = await screen.findByRole('article', { name: 'Bimtek Arsip Dinamis' });
    fireEvent.click(within(report).getByRole('button', { name: 'Buka bukti' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(await created[0]?.text()).toContain('%PDF-1.7');
    const download = requests.find((r) => r.path === '/api/v1/tenants/kalianda/learning-reports/lr_1/evidence');
    expect(download?.headers.get('authorization')).toBe('Bearer a-token');
  });
});
