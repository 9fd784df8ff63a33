import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { AuditLogPage } from './AuditLogPage';

const admin = { ...me, roles: ['tenant_admin' as const], employee: null };
const seed: [readonly unknown[], unknown][] = [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
];
const entry = {
  id: 'aud_1',
  at: '2026-03-02T03:00:00.000Z',
  actor: 'acc_9',
  actorRoles: ['employee'],
  action: 'account.activate',
  entity: 'account',
  entityId: 'acc_9',
  requestId: 'req_1',
};

describe('Jejak audit', () => {
  it('sends the filters (who, action, entity, days) as query parameters and keeps them in the address', async () => {
    const requests = serve({ 'GET /api/v1/tenants/kalianda/audit': { status: 200, body: { items: [entry], nextCursor: 'c2' } } });
    const { router } = renderAt(<AuditLogPage />, { seed });
    await screen.findByText('account.activate');
    fireEvent.change(screen.getByLabelText('Pelaku'), { target: { value: 'acc_9' } });
    fireEvent.change(screen.getByLabelText('Tindakan'), { target: { value: 'account.activate' } });
    fireEvent.change(screen.getByLabelText('Entitas'), { target: { value: 'account' } });
    fireEvent.change(screen.getByLabelText('Dari tanggal'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByLabelText('Sampai tanggal'), { target: { value: '2026-03-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Terapkan' }));
    await waitFor(() => expect(requests).toHaveLength(2));
    const sent = Object.fromEntries(new URL(requests[1]?.path ?? '', 'http://x').searchParams);
    expect(sent).toEqual({
      actor: 'acc_9',
      action: 'account.activate',
      entity: 'account',
      from: '2026-03-01',
      to: '2026-03-31',
      limit: '50',
    });
    expect(router.state.location.search).toBe('?actor=acc_9&action=account.activate&entity=account&from=2026-03-01&to=2026-03-31');

    fireEvent.click(screen.getByRole('button', { name: 'Berikutnya' }));
    await waitFor(() => expect(requests).toHaveLength(3));
    expect(new URL(requests[2]?.path ?? '', 'http://x').searchParams.get('cursor')).toBe('c2');
  });

  it('refuses a range whose end comes before its start, beside the field, without asking', async () => {
    const requests = serve({ 'GET /api/v1/tenants/kalianda/audit': { status: 200, body: { items: [], nextCursor: null } } });
    renderAt(<AuditLogPage />, { path: '/?actor=acc_9', seed });
    await screen.findByText('Tidak ada catatan yang cocok.');
    expect(new URL(requests[0]?.path ?? '', 'http://x').searchParams.get('actor')).toBe('acc_9');
    fireEvent.change(screen.getByLabelText('Dari tanggal'), { target: { value: '2026-03-10' } });
    fireEvent.change(screen.getByLabelText('Sampai tanggal'), { target: { value: '2026-03-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Terapkan' }));
    await screen.findByText('Tanggal akhir sebelum tanggal awal.');
    expect(requests).toHaveLength(1);
  });
});
