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
      'GET /api/v1/tenants/kalianda/sign-in-settings': { status: 200, body: { requireAdminTotp: false, sso: null } },
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
      'GET /api/v1/tenants/kalianda/sign-in-settings': { status: 200, body: { requireAdminTotp: true, sso: null } },
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
});
