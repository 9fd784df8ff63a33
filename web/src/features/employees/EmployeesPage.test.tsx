import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { EmployeeEditPage } from './EmployeeFormPage';
import { EmployeesPage } from './EmployeesPage';
import { type Employee, employeeKeys } from './queries';

const admin = { ...me, roles: ['tenant_admin' as const], employee: null };
const unit = {
  id: 'unt_1',
  code: 'DINKES',
  name: 'Dinas Kesehatan',
  kind: 'dinas' as const,
  parentId: null,
  version: 1,
  createdAt: '',
  updatedAt: '',
};
const position = {
  id: 'pos_1',
  code: 'ANALIS',
  name: 'Analis Kebijakan',
  category: 'fungsional' as const,
  unitId: null,
  version: 1,
  createdAt: '',
  updatedAt: '',
};
const employee: Employee = {
  id: 'emp_1',
  nip: '198702122010012001',
  name: 'Siti Rahayu',
  unitId: 'unt_1',
  positionId: 'pos_1',
  grade: 'III/b',
  employmentType: 'pns',
  supervisorId: null,
  gender: 'female',
  birthDate: '1987-02-12',
  email: null,
  siasnId: null,
  status: 'active',
  version: 3,
  createdAt: '',
  updatedAt: '',
};
const seed: [readonly unknown[], unknown][] = [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
  [employeeKeys.units, { items: [unit], nextCursor: null }],
  [employeeKeys.positions, { items: [position], nextCursor: null }],
];

describe('Pegawai', () => {
  it('filters by the unit (with its sub-units) and position in the address, and sorts by NIP from the header', async () => {
    const requests = serve({ 'GET /api/v1/tenants/kalianda/employees': { status: 200, body: { items: [employee], nextCursor: null } } });
    renderAt(<EmployeesPage />, { path: '/?unit=unt_1&position=pos_1', seed });
    await screen.findByRole('link', { name: 'Siti Rahayu' });
    const first = new URL(requests[0]?.path ?? '', 'http://x').searchParams;
    expect(Object.fromEntries(first)).toMatchObject({ unit: 'unt_1', subUnits: 'true', position: 'pos_1', sort: 'name' });
    fireEvent.click(screen.getByRole('button', { name: /^NIP/ }));
    await waitFor(() => expect(requests.some((r) => r.path.includes('sort=nip'))).toBe(true));
    expect(screen.getByRole('columnheader', { name: /NIP/ }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('explains the NIP as it is typed and says a change by someone else with a reload into the form', async () => {
    let version = 3;
    const requests = serve({
      'PATCH /api/v1/tenants/kalianda/employees/emp_1': {
        status: 412,
        body: { type: 'urn:bangkom:problem:precondition-failed', title: 'x', status: 412, detail: 'stale' },
      },
      'GET /api/v1/tenants/kalianda/employees/emp_1': () => ({ status: 200, body: { ...employee, name: 'Siti Rahayu Lubis', version } }),
    });
    renderAt(<EmployeeEditPage />, {
      path: '/admin/pegawai/emp_1/ubah',
      route: '/admin/pegawai/:id/ubah',
      seed: [...seed, [employeeKeys.one('emp_1'), employee]],
    });
    const nip = screen.getByLabelText('NIP');
    fireEvent.change(nip, { target: { value: '19870231' } });
    expect(screen.getByTestId('nip-explained').textContent).toContain('bukan tanggal yang ada');
    fireEvent.change(nip, { target: { value: '19870212 201001 2 001' } });
    expect(screen.getByTestId('nip-explained').textContent).toContain('Perempuan');
    fireEvent.change(screen.getByLabelText('Nama'), { target: { value: 'Siti Rahayu, S.Kep.' } });
    version = 4;
    fireEvent.click(screen.getByRole('button', { name: 'Simpan perubahan' }));
    await screen.findByText(/baru saja diubah orang lain/);
    expect(requests.find((r) => r.method === 'PATCH')?.headers.get('if-match')).toBe('"v3"');
    fireEvent.click(screen.getByRole('button', { name: 'Muat ulang' }));
    await waitFor(() => expect((screen.getByLabelText('Nama') as HTMLInputElement).value).toBe('Siti Rahayu Lubis'));
    expect(screen.getByText(/Mengubah versi 4/)).toBeTruthy();
  });
});
