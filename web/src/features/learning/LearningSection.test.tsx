import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { startSession } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import { learningReport, me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { LearningSection } from './LearningSection';
import { learningKeys } from './queries';

const certificate: components['schemas']['Certificate'] = {
  id: 'crt_1',
  number: '7/PKP-01/BKPSDM/2026',
  year: 2026,
  seq: 7,
  status: 'valid',
  enrollmentId: 'enr_1',
  offeringId: 'off_1',
  employeeId: 'emp_1',
  issuedOn: '2026-04-02',
  issuedPlace: 'Kalianda',
  participant: { name: 'Adi', nip: '197905122002101431', grade: 'III/a', pangkat: 'Penata Muda', position: 'Analis', unit: 'BKPSDM' },
  program: {
    code: 'PKP-01',
    title: 'Pelatihan Kepemimpinan Pengawas',
    startDate: '2026-03-02',
    endDate: '2026-03-20',
    jp: 40,
    venue: 'Kalianda',
  },
  official: { name: 'Kepala', nip: '1', title: 'Kepala BKPSDM' },
  region: 'Kabupaten Lampung Selatan',
  verificationCode: 'abc',
  verificationPath: '/verifikasi/abc',
  revokedOn: null,
  revokedReason: null,
  createdAt: '2026-04-02T01:00:00Z',
};

const reports = [
  learningReport('lr_wait', 'diajukan', { title: 'Bimtek Arsip', evidence: null }),
  learningReport('lr_ok', 'disetujui', { title: 'Pelatihan Statistik', jp: 8, jpReason: 'Aturan: 4 JP per hari × 2 hari = 8 JP' }),
  learningReport('lr_no', 'ditolak', { title: 'Seminar Daring', rejectReason: 'Sertifikat tidak terbaca' }),
];

const seed = (): [readonly unknown[], unknown][] => [
  [callerKeys.me, me],
  [callerKeys.tenant('kalianda'), tenant],
  [learningKeys.reports, { items: reports, nextCursor: null }],
  [learningKeys.certificates, { items: [certificate], nextCursor: null }],
  [
    learningKeys.history,
    {
      employeeId: 'emp_1',
      items: [
        {
          kind: 'report',
          id: 'lr_ok',
          title: 'Pelatihan Statistik',
          method: 'pelatihan_teknis',
          startDate: '2026-02-10',
          endDate: '2026-02-12',
          year: 2026,
          jp: 7.5,
          certificate: null,
        },
      ],
      jpByYear: [{ year: 2026, jp: 47.5 }],
    },
  ],
];

const signIn = () => startSession({ accessToken: 'a-token', expiresIn: 600, twoFactorSetupRequired: false, secondFactorRequired: false });

describe('learning reports, certificates and history on Beranda', () => {
  it('shows each report with its status: waiting (evidence missing), approved with the JP credited, rejected with the reason', () => {
    renderAt(<LearningSection timeZone="Asia/Jakarta" />, { seed: seed() });
    const waiting = screen.getByRole('article', { name: 'Bimtek Arsip' });
    expect(within(waiting).getByText('Menunggu verifikasi')).toBeTruthy();
    expect(within(waiting).getByText('Bukti belum diunggah')).toBeTruthy();
    expect(within(waiting).getByRole('button', { name: 'Tarik laporan Bimtek Arsip' })).toBeTruthy();
    const approved = screen.getByRole('article', { name: 'Pelatihan Statistik' });
    expect(within(approved).getByText('Disetujui')).toBeTruthy();
    expect(within(approved).getByText(/8 JP diakui/)).toBeTruthy();
    expect(within(approved).queryByRole('button')).toBeNull();
    const rejected = screen.getByRole('article', { name: 'Seminar Daring' });
    expect(within(rejected).getByText('Alasan: Sertifikat tidak terbaca')).toBeTruthy();
    // History: JP with a decimal comma, per year too.
    expect(screen.getByText('7,5 JP')).toBeTruthy();
    expect(screen.getByText('2026: 47,5 JP')).toBeTruthy();
  });

  it('withdraws a waiting report', async () => {
    signIn();
    const requests = serve({
      'POST /api/v1/me/learning-reports/lr_wait/withdraw': { status: 200, body: { ...reports[0], status: 'ditarik' } },
      'GET /api/v1/me/learning-reports': { status: 200, body: { items: [{ ...reports[0], status: 'ditarik' }], nextCursor: null } },
    });
    renderAt(<LearningSection timeZone="Asia/Jakarta" />, { seed: seed() });
    fireEvent.click(screen.getByRole('button', { name: 'Tarik laporan Bimtek Arsip' }));
    await waitFor(() => expect(screen.getByText('Ditarik')).toBeTruthy());
    expect(requests.map((r) => `${r.method} ${r.path}`)).toContain('POST /api/v1/me/learning-reports/lr_wait/withdraw');
  });

  it('downloads a certificate as the PDF the server renders, with the access token', async () => {
    signIn();
    const requests = serve({ 'GET /api/v1/me/certificates/crt_1/pdf': { status: 200, body: '%PDF-1.7' } });
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:certificate';
    };
    URL.revokeObjectURL = () => {};
    renderAt(<LearningSection timeZone="Asia/Jakarta" />, { seed: seed() });
    fireEvent.click(screen.getByRole('button', { name: 'Unduh PDF sertifikat 7/PKP-01/BKPSDM/2026' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer a-token');
    expect(await created[0]?.text()).toContain('%PDF-1.7');
  });

  it('checks the form before sending anything: the evidence is a PDF, JPG or PNG, the dates are given (filing itself is in the journey)', async () => {
    signIn();
    const requests = serve({});
    renderAt(<LearningSection timeZone="Asia/Jakarta" />, { seed: seed() });
    fireEvent.click(screen.getByRole('button', { name: 'Laporkan pelatihan' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    fireEvent.change(within(dialog).getByLabelText(/Judul pelatihan/), { target: { value: 'Kursus Data' } });
    fireEvent.change(within(dialog).getByLabelText(/Penyelenggara/), { target: { value: 'BPS' } });
    fireEvent.change(within(dialog).getByLabelText('Jenis pengembangan'), { target: { value: 'kursus' } });
    const fileInput = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(fileInput, { target: { files: [new File(['<html>'], 'bukti.html', { type: 'text/html' })] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kirim laporan' }));
    expect(await within(dialog).findByText('Hanya PDF, JPG atau PNG.')).toBeTruthy();
    expect(within(dialog).getAllByText('Wajib diisi.')).toHaveLength(2); // the two dates
    expect(requests).toHaveLength(0);
  });
});
