import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { CatalogPage } from './CatalogPage';
import { OfferingPage } from './OfferingPage';
import type { Offering, Program, QueueEntry } from './queries';

const admin = { ...me, roles: ['tenant_admin' as const], employee: null };
const seed: [readonly unknown[], unknown][] = [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
];
const competency = {
  id: 'cmp_1',
  code: 'PELAYANAN-PUBLIK',
  name: 'Pelayanan Publik',
  type: 'teknis',
  scope: 'tenant',
  description: '',
  levels: ['1', '2', '3', '4', '5'],
  status: 'active',
  retiredAt: null,
  version: 1,
  createdAt: '',
  updatedAt: '',
};
const own: Program = {
  id: 'prg_1',
  scope: 'tenant',
  code: 'BIMTEK-SIMRS',
  title: 'Bimtek SIMRS',
  description: 'Sistem informasi rumah sakit',
  method: 'bimbingan_teknis',
  classical: true,
  methodKind: 'perlan_klasikal',
  jp: 24,
  costPerParticipant: 2_500_000,
  provider: null,
  hasTests: true,
  status: 'active',
  retiredAt: null,
  targets: [{ competencyId: 'cmp_1', code: 'PELAYANAN-PUBLIK', name: 'Pelayanan Publik', expectedGain: 2 }],
  prerequisites: [],
  version: 3,
  createdAt: '',
  updatedAt: '',
};
const national: Program = { ...own, id: 'natprg_x', scope: 'national', code: 'PKP', title: 'Pelatihan Kepemimpinan Pengawas' };
const list = (items: unknown[]) => ({ status: 200, body: { items, nextCursor: null } });
const problem = (status: number, type: string, extra: object = {}) => ({
  status,
  body: { type: `urn:bangkom:problem:${type}`, title: type, status, detail: type, ...extra },
});

describe('Katalog', () => {
  it('shows national programs read-only; a new program is checked beside its fields, then the server refusals go there too', async () => {
    const requests = serve({
      'GET /api/v1/tenants/kalianda/programs': list([own, national]),
      'GET /api/v1/tenants/kalianda/providers': list([]),
      'GET /api/v1/tenants/kalianda/competencies': list([competency]),
      'POST /api/v1/tenants/kalianda/programs': (r) =>
        (r.body as { code: string }).code === 'PKP'
          ? problem(409, 'conflict')
          : problem(400, 'validation', { errors: [{ path: 'json.jp', message: 'Too many decimals' }] }),
    });
    renderAt(<CatalogPage />, { seed });
    const row = (await screen.findByText('Pelatihan Kepemimpinan Pengawas')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Nasional (hanya baca)')).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
    expect(screen.getByRole('button', { name: 'Ubah Bimtek SIMRS' })).toBeTruthy();
    expect(screen.getAllByText('Rp 2.500.000')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Program baru' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tambah program' }));
    expect(await within(dialog).findByText('Kode 2–40 karakter: huruf besar, angka dan tanda hubung.')).toBeTruthy();
    expect(within(dialog).getAllByText('Wajib diisi.').length).toBeGreaterThanOrEqual(3);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('Kode'), { target: { value: 'PKP' } });
    fireEvent.change(within(dialog).getByLabelText('Judul'), { target: { value: 'Pelatihan baru' } });
    fireEvent.change(within(dialog).getByLabelText('Deskripsi'), { target: { value: 'Untuk pengawas' } });
    fireEvent.change(within(dialog).getByLabelText('Kompetensi sasaran 1'), { target: { value: 'cmp_1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tambah program' }));
    expect(await within(dialog).findByText('Kode ini sudah dipakai (oleh program daerah atau nasional).')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toMatchObject({
      code: 'PKP',
      title: 'Pelatihan baru',
      method: 'bimbingan_teknis',
      jp: 8,
      costPerParticipant: 0,
      targets: [{ competency: 'cmp_1', expectedGain: 1 }],
      prerequisites: [],
    });

    fireEvent.change(within(dialog).getByLabelText('Kode'), { target: { value: 'PKP-2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tambah program' }));
    const jp = within(dialog).getByLabelText('JP');
    await waitFor(() => expect(jp.getAttribute('aria-invalid')).toBe('true'));
    // Many steps of a modal form: allowed more than the default time on a loaded machine.
  }, 30_000);

  it("edits the region's own program at the version read; a 412 offers a reload that brings the other change into the form", async () => {
    let current = own;
    const requests = serve({
      'GET /api/v1/tenants/kalianda/programs': () => list([current]),
      'GET /api/v1/tenants/kalianda/providers': list([]),
      'GET /api/v1/tenants/kalianda/competencies': list([competency]),
      'PATCH /api/v1/tenants/kalianda/programs/prg_1': problem(412, 'precondition-failed'),
    });
    renderAt(<CatalogPage />, { seed });
    fireEvent.click(await screen.findByRole('button', { name: 'Ubah Bimtek SIMRS' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText('Kode') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Judul'), { target: { value: 'Bimtek SIMRS Lanjutan' } });
    current = { ...own, title: 'Bimtek SIMRS (diubah)', version: 4 };
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    await within(dialog).findByText(/diubah orang lain/);
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('if-match')).toBe('"v3"');
    expect(patch?.body).toMatchObject({
      title: 'Bimtek SIMRS Lanjutan',
      providerId: null,
      targets: [{ competency: 'cmp_1', expectedGain: 2 }],
      prerequisites: [],
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Muat ulang' }));
    await waitFor(() => expect((screen.getByLabelText('Judul') as HTMLInputElement).value).toBe('Bimtek SIMRS (diubah)'));
  });
});

describe('An offering’s queue', () => {
  const offering: Offering = {
    id: 'off_1',
    programId: 'prg_1',
    programTitle: 'Bimtek SIMRS',
    startDate: '2026-07-06',
    endDate: '2026-07-09',
    capacity: 1,
    enrolled: 1,
    seatsTaken: 1,
    waitlisted: 2,
    location: 'Aula BKPSDM',
    online: false,
    status: 'open',
    version: 2,
    createdAt: '',
    updatedAt: '',
  };
  const place = (id: string, name: string, status: QueueEntry['status'], seq: number): QueueEntry => ({
    id,
    offeringId: 'off_1',
    employeeId: `emp_${id}`,
    status,
    seq,
    requestedBy: 'admin',
    attendance: null,
    passed: null,
    completedAt: null,
    createdAt: '',
    updatedAt: '',
    employee: { name, nip: `19870212201001200${seq}` },
  });

  it('raising the capacity names and highlights the people promoted from the waitlist', async () => {
    let queue = [place('a', 'Ani', 'enrolled', 1), place('b', 'Budi', 'waitlisted', 2), place('c', 'Citra', 'waitlisted', 3)];
    let current = offering;
    const requests = serve({
      'GET /api/v1/tenants/kalianda/offerings/off_1': () => ({ status: 200, body: current }),
      'GET /api/v1/tenants/kalianda/offerings/off_1/enrollments': () => list(queue),
      'GET /api/v1/tenants/kalianda/programs/prg_1': { status: 200, body: own },
      'GET /api/v1/tenants/kalianda/programs': list([own]),
      'GET /api/v1/tenants/kalianda/units': list([]),
      'PATCH /api/v1/tenants/kalianda/offerings/off_1': () => {
        current = { ...offering, capacity: 2, enrolled: 2, seatsTaken: 2, waitlisted: 1, version: 3 };
        queue = [place('a', 'Ani', 'enrolled', 1), place('b', 'Budi', 'enrolled', 2), place('c', 'Citra', 'waitlisted', 3)];
        return { status: 200, body: current };
      },
    });
    renderAt(<OfferingPage />, { seed, path: '/admin/katalog/pelaksanaan/off_1', route: '/admin/katalog/pelaksanaan/:id' });
    expect(await screen.findByRole('tab', { name: 'Daftar tunggu (2)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ubah pelaksanaan' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Kapasitas'), { target: { value: '2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    const announced = await screen.findByRole('status');
    expect(announced.textContent).toContain('1 orang naik dari daftar tunggu');
    expect(announced.textContent).toContain('Budi');
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('if-match')).toBe('"v2"');
    expect(patch?.body).toMatchObject({ capacity: 2 });
    const row = screen.getByRole('row', { name: /Budi/ });
    expect(row.dataset.promoted).toBe('true');
    expect(within(row).getByText('Naik dari daftar tunggu')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Daftar tunggu (1)' })).toBeTruthy();
    expect(screen.getByTestId('seats').textContent).toBe('2 dari 2');
  });
});
