import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { CertificateBatch } from './CertificateBatch';
import { CertificateSettingsForm } from './CertificateSettingsForm';

const admin = { ...me, roles: ['tenant_admin' as const], employee: null };
const seed: [readonly unknown[], unknown][] = [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
];
const settingsPath = '/api/v1/tenants/kalianda/certificate-settings';
const defaults = {
  numberPattern: '{seq}/{code}/{unit}/{year}',
  issuerUnit: 'BKPSDM',
  issuedPlace: null,
  official: null,
  version: 0,
  updatedAt: null,
};
const official = { name: 'Dr. Hendra Wijaya, S.STP., M.Si.', nip: '197204101998031004', title: 'Kepala BKPSDM' };
const stale = { type: 'urn:bangkom:problem:precondition-failed', title: 'x', status: 412, detail: 'stale' };
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('certificate settings', () => {
  it('refuses a half-named official, then saves the official at the version read and says it is saved', async () => {
    const requests = serve({
      [`GET ${settingsPath}`]: { status: 200, body: defaults },
      [`PUT ${settingsPath}`]: (r) => ({ status: 200, body: { ...(r.body as object), version: 1, updatedAt: '2026-03-02T00:00:00Z' } }),
    });
    renderAt(<CertificateSettingsForm settings={defaults} />, { seed });
    type('Nama pejabat', official.name);
    type('NIP pejabat', '1972');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('NIP terdiri atas 18 angka.')).toBeTruthy();
    expect(screen.getAllByText('Isi nama, NIP dan jabatan, atau kosongkan ketiganya.')).toHaveLength(1);
    expect(requests.filter((r) => r.method === 'PUT')).toEqual([]);

    type('NIP pejabat', official.nip);
    type('Jabatan pejabat', official.title);
    type('Tempat terbit', 'Kalianda');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await screen.findByText('Tersimpan.');
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('if-match')).toBe('"v0"');
    expect(put?.body).toEqual({ numberPattern: defaults.numberPattern, issuerUnit: 'BKPSDM', issuedPlace: 'Kalianda', official });
    expect(screen.getByText('Versi 1')).toBeTruthy();
  });

  it("says the server's reason beside a refused pattern, and on a 412 reloads the other save into the form", async () => {
    let current = { ...defaults, version: 3, official, issuedPlace: 'Kalianda' };
    let answer: { status: number; body: unknown } = {
      status: 400,
      body: {
        type: 'urn:bangkom:problem:validation-failed',
        title: 'x',
        status: 400,
        detail: 'invalid',
        errors: [{ path: 'body.numberPattern', message: 'the pattern needs {year}' }],
      },
    };
    const requests = serve({ [`GET ${settingsPath}`]: () => ({ status: 200, body: current }), [`PUT ${settingsPath}`]: () => answer });
    renderAt(<CertificateSettingsForm settings={current} />, { seed });
    type('Pola nomor', '{seq}/{code}');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('the pattern needs {year}')).toBeTruthy();

    answer = { status: 412, body: stale };
    current = { ...current, official: { ...official, name: 'Ir. Sri Wahyuni, M.M.' }, version: 4 };
    type('Pola nomor', '{seq:4}/{code}/{year}');
    fireEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    await screen.findByText(/baru saja diubah orang lain/);
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.headers.get('if-match'))).toEqual(['"v3"', '"v3"']);
    fireEvent.click(screen.getByRole('button', { name: 'Muat ulang' }));
    await waitFor(() => expect((screen.getByLabelText('Nama pejabat') as HTMLInputElement).value).toBe('Ir. Sri Wahyuni, M.M.'));
    expect((screen.getByLabelText('Pola nomor') as HTMLInputElement).value).toBe(defaults.numberPattern);
    expect(screen.getByText('Versi 4')).toBeTruthy();
  });
});

describe('certificate batch', () => {
  it('without a signing official says why nothing can be issued and links to the setting', async () => {
    const requests = serve({ [`GET ${settingsPath}`]: { status: 200, body: defaults } });
    renderAt(<CertificateBatch offeringId="ofr_1" waiting={3} />, { seed });
    const link = await screen.findByRole('link', { name: 'Atur pejabat penanda tangan di Pengaturan' });
    expect(link.getAttribute('href')).toBe('/admin/pengaturan#sertifikat');
    expect((screen.getByRole('button', { name: 'Terbitkan sertifikat (3 peserta lulus)' }) as HTMLButtonElement).disabled).toBe(true);
    expect(requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('starts the batch, follows the job to its end and says how many were issued', async () => {
    const job = (status: string, done: number, result: unknown = null) => ({
      id: 'job_1',
      kind: 'certificates.issue',
      status,
      progress: { done, total: 2 },
      result,
      error: null,
      createdAt: '2026-03-02T00:00:00Z',
      updatedAt: '2026-03-02T00:00:00Z',
    });
    let reads = 0;
    const requests = serve({
      [`GET ${settingsPath}`]: { status: 200, body: { ...defaults, official, version: 1 } },
      'POST /api/v1/tenants/kalianda/offerings/ofr_1/certificates/batch': { status: 202, body: job('queued', 0) },
      'GET /api/v1/tenants/kalianda/jobs/job_1': () => {
        reads += 1;
        return { status: 200, body: reads === 1 ? job('running', 1) : job('succeeded', 2, { offeringId: 'ofr_1', planned: 2, issued: 2 }) };
      },
    });
    renderAt(<CertificateBatch offeringId="ofr_1" waiting={2} />, { seed });
    const button = await screen.findByRole('button', { name: 'Terbitkan sertifikat (2 peserta lulus)' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    const bar = await screen.findByRole('progressbar', { name: 'Penerbitan sertifikat' });
    expect(bar).toBeTruthy();
    expect(await screen.findByText('2 dari 2 sertifikat telah terbit.', undefined, { timeout: 4000 })).toBeTruthy();
    expect(screen.queryByText('Belum ada pejabat penanda tangan')).toBeNull();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({});
  });
});
