import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { SettingsPage } from './SettingsPage';

const admin = { ...me, roles: ['tenant_admin' as const], employee: null };
const seed: [readonly unknown[], unknown][] = [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
];
const stale = { type: 'urn:bangkom:problem:precondition-failed', title: 'x', status: 412, detail: 'stale' };

describe('Pengaturan', () => {
  it('saves the JP targets at the version read, and on a 412 offers a reload that brings the other save into the form', async () => {
    let current = {
      selfAssessments: 'until_other_source',
      jpTargets: { pns: 20, pppk: 20 },
      version: 2,
      updatedAt: '2026-03-01T00:00:00Z',
    };
    const requests = serve({
      'GET /api/v1/tenants/kalianda/settings': () => ({ status: 200, body: current }),
      'PUT /api/v1/tenants/kalianda/settings': { status: 412, body: stale },
      'GET /api/v1/tenants/kalianda/evaluation-settings': { status: 200, body: { l3WaitingDays: 30, version: 0, updatedAt: null } },
      'GET /api/v1/tenants/kalianda/sign-in-settings': { status: 200, body: { requireAdminTotp: false, sso: null, version: 0 } },
    });
    renderAt(<SettingsPage />, { seed });
    const pns = await screen.findByLabelText('Target JP PNS');
    fireEvent.change(pns, { target: { value: '24' } });
    current = { ...current, jpTargets: { pns: 22, pppk: 21 }, version: 3 };
    fireEvent.click(screen.getAllByRole('button', { name: 'Simpan' })[0] as HTMLElement);
    await screen.findByText(/baru saja diubah orang lain/);
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('if-match')).toBe('"v2"');
    expect(put?.body).toEqual({ selfAssessments: 'until_other_source', jpTargets: { pns: 24, pppk: 20 } });

    fireEvent.click(screen.getByRole('button', { name: 'Muat ulang' }));
    await waitFor(() => expect((screen.getByLabelText('Target JP PNS') as HTMLInputElement).value).toBe('22'));
    expect((screen.getByLabelText('Target JP PPPK') as HTMLInputElement).value).toBe('21');
    expect(screen.getByText('Versi 3')).toBeTruthy();
    expect(screen.queryByText(/baru saja diubah orang lain/)).toBeNull();
  });

  it('saves the L3 waiting days with If-Match and says it is saved', async () => {
    const requests = serve({
      'GET /api/v1/tenants/kalianda/settings': {
        status: 200,
        body: { selfAssessments: 'until_other_source', jpTargets: { pns: 20, pppk: 20 }, version: 0, updatedAt: null },
      },
      'GET /api/v1/tenants/kalianda/evaluation-settings': { status: 200, body: { l3WaitingDays: 30, version: 0, updatedAt: null } },
      'PUT /api/v1/tenants/kalianda/evaluation-settings': {
        status: 200,
        body: { l3WaitingDays: 60, version: 1, updatedAt: '2026-03-02T00:00:00Z' },
      },
      'GET /api/v1/tenants/kalianda/sign-in-settings': { status: 200, body: { requireAdminTotp: true, sso: null, version: 1 } },
    });
    renderAt(<SettingsPage />, { seed });
    const days = await screen.findByLabelText('Jeda evaluasi perilaku (L3), hari');
    fireEvent.change(days, { target: { value: '60' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Simpan' })[1] as HTMLElement);
    await screen.findByText('Tersimpan.');
    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('if-match')).toBe('"v0"');
    expect(put?.body).toEqual({ l3WaitingDays: 60 });
    expect((screen.getByRole('switch', { name: /Wajibkan verifikasi dua langkah/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('saves the admins’ second factor at the version read, the single sign-on as read; a 412 reloads the other save', async () => {
    const sso = { issuer: 'https://sso.example.go.id/realms/asn', clientId: 'bangkom', claim: 'nip', match: 'nip' };
    let current = { requireAdminTotp: false, sso, version: 4 };
    let answer: { status: number; body: unknown } = { status: 412, body: stale };
    const requests = serve({
      'GET /api/v1/tenants/kalianda/settings': {
        status: 200,
        body: { selfAssessments: 'until_other_source', jpTargets: { pns: 20, pppk: 20 }, version: 0, updatedAt: null },
      },
      'GET /api/v1/tenants/kalianda/evaluation-settings': { status: 200, body: { l3WaitingDays: 30, version: 0, updatedAt: null } },
      'GET /api/v1/tenants/kalianda/sign-in-settings': () => ({ status: 200, body: current }),
      'PUT /api/v1/tenants/kalianda/sign-in-settings': () => answer,
    });
    renderAt(<SettingsPage />, { seed });
    const toggle = (await screen.findByRole('switch', { name: /Wajibkan verifikasi dua langkah/ })) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    // Meanwhile another admin turned it on and changed the single sign-on.
    current = { requireAdminTotp: true, sso: { ...sso, clientId: 'bangkom-2' }, version: 5 };
    const saveSignIn = () => fireEvent.click(screen.getAllByRole('button', { name: 'Simpan' })[2] as HTMLElement);
    saveSignIn();
    await screen.findByText(/baru saja diubah orang lain/);
    const first = requests.filter((r) => r.method === 'PUT')[0];
    expect(first?.headers.get('if-match')).toBe('"v4"');
    expect(first?.body).toEqual({ requireAdminTotp: true, sso });

    fireEvent.click(screen.getByRole('button', { name: 'Muat ulang' }));
    await waitFor(() => expect(screen.getByText('Versi 5')).toBeTruthy());
    expect((screen.getByRole('switch', { name: /Wajibkan verifikasi dua langkah/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByText(/baru saja diubah orang lain/)).toBeNull();

    // Turned off again, saved at their version with their single sign-on.
    answer = { status: 200, body: { requireAdminTotp: false, sso: current.sso, version: 6 } };
    fireEvent.click(screen.getByRole('switch', { name: /Wajibkan verifikasi dua langkah/ }));
    saveSignIn();
    await screen.findByText('Tersimpan.');
    const second = requests.filter((r) => r.method === 'PUT')[1];
    expect(second?.headers.get('if-match')).toBe('"v5"');
    expect(second?.body).toEqual({ requireAdminTotp: false, sso: current.sso });
    expect(screen.getByText('Versi 6')).toBeTruthy();
  });
});
