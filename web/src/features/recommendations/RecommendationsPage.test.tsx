import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { enrollment, me, recommendations, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { RecommendationsPage } from './RecommendationsPage';

const admin = { ...me, roles: ['tenant_admin' as const], employee: null };
const seed: [readonly unknown[], unknown][] = [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
];
const base = '/api/v1/tenants/kalianda';
const item = recommendations.items[0] as (typeof recommendations.items)[number];
const first = item.offerings[0] as (typeof item.offerings)[number];
const second = { ...first, id: 'off_2', startDate: '2027-06-07', endDate: '2027-06-09', online: true, location: null };
const person = (id: string, name: string, offerings = item.offerings) => ({
  employee: { id, name, nip: '198702122010012001' },
  items: [{ ...item, offerings }],
});

function world(enrollAnswer: { status: number; body: unknown }) {
  return serve({
    [`GET ${base}/units`]: {
      status: 200,
      body: { items: [{ id: 'unt_a', code: 'A', name: 'Dinas Kesehatan', parentId: null, version: 1 }], nextCursor: null },
    },
    [`GET ${base}/units/unt_a/recommendations/people`]: {
      status: 200,
      body: {
        subject: { kind: 'unit', id: 'unt_a' },
        people: [person('emp_1', 'Siti Aminah', [...item.offerings, second]), person('emp_2', 'Budi Santoso')],
        withoutRecommendation: 4,
      },
    },
    [`POST ${base}/offerings/off_2/enrollments`]: enrollAnswer,
    [`POST ${base}/offerings/off_1/enrollments`]: enrollAnswer,
  });
}

describe('Rekomendasi per unit', () => {
  it('lists the unit’s people with their reasons; Daftarkan asks which schedule and says the waitlist', async () => {
    const requests = world({
      status: 201,
      body: { items: [{ ...enrollment('enr_1', 'off_2', 'waitlisted'), employeeId: 'emp_1', created: true }] },
    });
    renderAt(<RecommendationsPage />, { seed, path: '/?unit=unt_a', route: '/' });
    const siti = await screen.findByRole('region', { name: 'Siti Aminah' }, { timeout: 5000 });
    expect(within(siti).getByText('Integritas: level 2 → 3')).toBeTruthy();
    expect(screen.getByText(/4 pegawai lain tanpa rekomendasi/)).toBeTruthy();

    fireEvent.click(within(siti).getByRole('button', { name: 'Daftarkan Siti Aminah di Pelatihan Kepemimpinan Pengawas' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('radio', { name: /^7 Juni 2027/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Daftarkan' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    expect(requests.find((r) => r.method === 'POST')).toMatchObject({
      path: `${base}/offerings/off_2/enrollments`,
      body: { employeeIds: ['emp_1'] },
    });
    const outcome = await within(siti).findByRole('status');
    expect(outcome.textContent).toContain('Kuota Pelatihan Kepemimpinan Pengawas (7 Juni 2027) penuh: Siti Aminah masuk daftar tunggu.');
    expect(within(outcome).getByRole('link', { name: 'Lihat antrean' }).getAttribute('href')).toBe('/admin/katalog/pelaksanaan/off_2');
  });

  it('enrolls at once when there is one schedule, and says a closed offering in Indonesian', async () => {
    const requests = world({
      status: 409,
      body: { type: 'urn:bangkom:problem:conflict', title: 'Conflict', status: 409, detail: 'The offering no longer takes enrollments.' },
    });
    renderAt(<RecommendationsPage />, { seed, path: '/?unit=unt_a', route: '/' });
    const budi = await screen.findByRole('region', { name: 'Budi Santoso' }, { timeout: 5000 });
    fireEvent.click(within(budi).getByRole('button', { name: 'Daftarkan Budi Santoso di Pelatihan Kepemimpinan Pengawas' }));
    await within(budi).findByText('Pelaksanaan ini tidak lagi menerima peserta. Muat ulang rekomendasi dan pilih pelaksanaan lain.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`${base}/offerings/off_1/enrollments`]);
  });
});
