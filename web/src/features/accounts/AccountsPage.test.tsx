import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { employeeKeys } from '../employees/queries';
import { AccountsPage } from './AccountsPage';

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
const seed: [readonly unknown[], unknown][] = [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
  [employeeKeys.units, { items: [unit], nextCursor: null }],
];
const account = {
  id: 'acc_1',
  username: '198702122010012001',
  roles: ['employee'],
  employeeId: 'emp_1',
  name: 'Siti Rahayu',
  status: 'never_activated' as const,
  lockedUntil: null,
  twoFactor: false,
  createdAt: '2026-03-01T00:00:00.000Z',
};
const codes = {
  items: [
    {
      accountId: 'acc_1',
      username: '198702122010012001',
      name: 'Siti Rahayu',
      unit: 'Dinas Kesehatan',
      code: 'ABCD-EFGH-JKLM',
      expiresAt: '2026-03-15T00:00:00.000Z',
    },
    {
      accountId: 'acc_2',
      username: '197905122002101431',
      name: 'Adi Kurniawan',
      unit: 'Dinas Kesehatan',
      code: 'NPQR-STUV-WXYZ',
      expiresAt: '2026-03-15T00:00:00.000Z',
    },
  ],
};

describe('Akun pegawai', () => {
  it('issues codes for a unit and shows a sheet with each person’s name, NIP, code and where to activate', async () => {
    const requests = serve({
      'GET /api/v1/tenants/kalianda/accounts': { status: 200, body: { items: [account], nextCursor: null } },
      'POST /api/v1/tenants/kalianda/accounts/activation-codes': { status: 201, body: codes },
    });
    renderAt(<AccountsPage />, { seed });
    await screen.findByText('198702122010012001');
    fireEvent.click(screen.getByRole('button', { name: 'Buat kode aktivasi' }));
    await screen.findByText('Pilih unit.');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    const unitBox = screen.getByLabelText('Unit', { selector: 'input' });
    fireEvent.focus(unitBox);
    fireEvent.click(unitBox);
    // The dropdown is still in its opening transition: its options are there, not yet shown.
    fireEvent.click(await screen.findByRole('option', { name: /Dinas Kesehatan/, hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Buat kode aktivasi' }));
    const sheet = await screen.findByRole('region', { name: 'Lembar kode aktivasi akun' });
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ unitId: 'unt_1', expiresInDays: 14 });
    expect(post?.path).toContain('format=json');
    const slips = within(sheet).getAllByTestId('activation-slip');
    expect(slips.map((s) => [within(s).getByTestId('slip-nip').textContent, within(s).getByTestId('slip-code').textContent])).toEqual([
      ['198702122010012001', 'ABCD-EFGH-JKLM'],
      ['197905122002101431', 'NPQR-STUV-WXYZ'],
    ]);
    expect(slips[0]?.textContent).toContain('Siti Rahayu');
    expect(slips[0]?.textContent).toContain(`Aktivasi di ${location.origin}/aktivasi — wilayah: kalianda`);
    expect(within(sheet).getByRole('button', { name: 'Cetak lembar' })).toBeTruthy();
  });

  it('filters by status in the address and disables an account after a confirmation', async () => {
    const requests = serve({
      'GET /api/v1/tenants/kalianda/accounts': { status: 200, body: { items: [{ ...account, status: 'active' }], nextCursor: null } },
      'POST /api/v1/tenants/kalianda/accounts/acc_1/disable': { status: 200, body: { ...account, status: 'disabled' } },
    });
    renderAt(<AccountsPage />, { path: '/?status=active', seed });
    await screen.findByText('198702122010012001');
    expect(new URL(requests[0]?.path ?? '', 'http://x').searchParams.get('status')).toBe('active');
    fireEvent.click(screen.getByRole('button', { name: 'Nonaktifkan: 198702122010012001' }));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Ya' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path.endsWith('/acc_1/disable'))).toBe(true));
  });

  it('finds accounts by name or NIP prefix on the server, keeps the search in the address with the status, and says when none matches', async () => {
    const requests = serve({
      'GET /api/v1/tenants/kalianda/accounts': (r) => {
        const q = new URL(r.path, 'http://x').searchParams.get('q');
        const items = q === null || 'siti rahayu'.includes(q.toLowerCase()) || account.username.startsWith(q) ? [account] : [];
        return { status: 200, body: { items, nextCursor: null } };
      },
    });
    renderAt(<AccountsPage />, { path: '/?status=never_activated', seed });
    const row = (await screen.findByText('198702122010012001')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Siti Rahayu')).toBeTruthy();
    const box = screen.getByLabelText('Cari akun');
    fireEvent.change(box, { target: { value: ' 19870212 ' } });
    await waitFor(() => expect(requests.some((r) => r.path.includes('q=19870212'))).toBe(true), { timeout: 5000 });
    const sent = new URL(requests.find((r) => r.path.includes('q='))?.path ?? '', 'http://x').searchParams;
    expect([sent.get('q'), sent.get('status')]).toEqual(['19870212', 'never_activated']);
    expect(await screen.findByText('198702122010012001')).toBeTruthy();

    fireEvent.change(box, { target: { value: 'Budi' } });
    // The search waits for typing to pause (300 ms) before it asks the server.
    await screen.findByText('Tidak ada akun yang cocok dengan pencarian ini.', {}, { timeout: 5000 });
    expect(requests.some((r) => r.path.includes('q=Budi'))).toBe(true);
  });

  it('opens with the search of the address', async () => {
    const requests = serve({
      'GET /api/v1/tenants/kalianda/accounts': { status: 200, body: { items: [account], nextCursor: null } },
    });
    renderAt(<AccountsPage />, { path: '/?q=siti', seed });
    await screen.findByText('198702122010012001');
    expect((screen.getByLabelText('Cari akun') as HTMLInputElement).value).toBe('siti');
    expect(new URL(requests[0]?.path ?? '', 'http://x').searchParams.get('q')).toBe('siti');
  });
});
