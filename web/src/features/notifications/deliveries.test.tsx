import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { startSession } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import { me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { DeliveriesPage } from './DeliveriesPage';
import { NotificationPreferences } from './NotificationPreferences';

type Delivery = components['schemas']['NotificationDelivery'];

const delivery = (id: string, more: Partial<Delivery> = {}): Delivery => ({
  id,
  notificationId: `ntf_${id}`,
  recipient: { employeeId: 'emp_1', name: 'Sari Wulandari', nip: '199001012015012001', email: 'sari@example.go.id' },
  kind: 'learning_report.approved',
  title: 'Laporan pengembangan kompetensi disetujui: Bimtek Arsip',
  channel: 'email',
  mode: 'segera',
  status: 'terkirim',
  attempts: 0,
  lastError: null,
  nextAttemptAt: '2026-03-14T00:00:00.000Z',
  sentAt: '2026-03-14T00:01:00.000Z',
  createdAt: '2026-03-14T00:00:00.000Z',
  updatedAt: '2026-03-14T00:01:00.000Z',
  ...more,
});

const failed = delivery('dlv_1', {
  status: 'gagal',
  attempts: 5,
  lastError: '550 5.2.2 Kotak surat penerima penuh',
  sentAt: null,
  recipient: { employeeId: 'emp_2', name: 'Budi Santoso', nip: '198501012010011001', email: 'budi@example.go.id' },
});
const skipped = delivery('dlv_2', {
  status: 'dilewati',
  lastError: 'Tidak ada alamat e-mail pegawai.',
  sentAt: null,
  recipient: { employeeId: 'emp_3', name: 'Citra Lestari', nip: '199201012018012001', email: null },
});

const admin: typeof me = { ...me, roles: ['tenant_admin'], employee: null };
const seed = (who: typeof me = admin): [readonly unknown[], unknown][] => [
  [callerKeys.me, who],
  [callerKeys.tenant('kalianda'), tenant],
];
const signIn = () => startSession({ accessToken: 'a-token', expiresIn: 600, twoFactorSetupRequired: false, secondFactorRequired: false });
const path = '/api/v1/tenants/kalianda/notifications/deliveries';

describe('Pengiriman notifikasi', () => {
  it('lists the e-mail with status, attempts and problem, and filters by status', async () => {
    signIn();
    const requests = serve({
      [`GET ${path}`]: (r) => ({
        status: 200,
        body: { items: r.path.includes('status=gagal') ? [failed] : [failed, delivery('dlv_3'), skipped], nextCursor: null },
      }),
    });
    renderAt(<DeliveriesPage />, { seed: seed() });
    const table = await screen.findByRole('table', { name: 'Daftar pengiriman notifikasi' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('550 5.2.2 Kotak surat penerima penuh')).toBeTruthy();
    expect(within(table).getByText('Tanpa alamat e-mail')).toBeTruthy();
    expect(within(table).getByText('Gagal')).toBeTruthy();
    // Resend is offered for the failed and the sent one, not for the skipped.
    expect(within(table).getAllByRole('button', { name: 'Kirim ulang' })).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'gagal' } });
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2));
    expect(requests.some((r) => r.path.startsWith(path) && r.path.includes('status=gagal'))).toBe(true);
  });

  it('resends after a confirmation, with an Idempotency-Key, and says it was sent', async () => {
    signIn();
    const requests = serve({
      [`GET ${path}`]: { status: 200, body: { items: [failed], nextCursor: null } },
      [`POST ${path}/dlv_1/resend`]: { status: 200, body: { ...failed, status: 'terkirim', attempts: 0, lastError: null } },
    });
    renderAt(<DeliveriesPage />, { seed: seed() });
    fireEvent.click(await screen.findByRole('button', { name: 'Kirim ulang' }));
    expect(screen.getByText('Kirim ulang e-mail ini ke budi@example.go.id sekarang?')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Ya, kirim ulang' }));
    expect((await screen.findByRole('status')).textContent).toBe('E-mail dikirim ulang ke budi@example.go.id.');
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.headers.get('idempotency-key')).toMatch(/^resend-dlv_1-/);
  });

  it('tries one decision to resend again with the same Idempotency-Key, and a new decision with a new one', async () => {
    signIn();
    let answers = 0;
    const requests = serve({
      [`GET ${path}`]: { status: 200, body: { items: [failed], nextCursor: null } },
      [`POST ${path}/dlv_1/resend`]: () =>
        ++answers === 1
          ? { status: 503, body: { type: 'urn:bangkom:problem:unavailable', title: 'Unavailable', status: 503, detail: 'Try again.' } }
          : { status: 200, body: { ...failed, status: 'terkirim', attempts: 0, lastError: null } },
    });
    renderAt(<DeliveriesPage />, { seed: seed() });
    fireEvent.click(await screen.findByRole('button', { name: 'Kirim ulang' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ya, kirim ulang' }));
    await screen.findByText('Terjadi kesalahan di server. Coba lagi sebentar lagi.');
    fireEvent.click(screen.getByRole('button', { name: 'Ya, kirim ulang' }));
    await screen.findByText('E-mail dikirim ulang ke budi@example.go.id.');
    const keys = requests.filter((r) => r.method === 'POST').map((r) => r.headers.get('idempotency-key'));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    fireEvent.click(await screen.findByRole('button', { name: 'Kirim ulang' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ya, kirim ulang' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(3));
    expect(requests.filter((r) => r.method === 'POST')[2]?.headers.get('idempotency-key')).not.toBe(keys[0]);
  });

  it('shows the problem when the message is being sent already', async () => {
    signIn();
    serve({
      [`GET ${path}`]: { status: 200, body: { items: [failed], nextCursor: null } },
      [`POST ${path}/dlv_1/resend`]: {
        status: 409,
        body: { type: 'urn:bangkom:problem:conflict', title: 'Conflict', status: 409, detail: 'This message is being sent right now.' },
      },
    });
    renderAt(<DeliveriesPage />, { seed: seed() });
    fireEvent.click(await screen.findByRole('button', { name: 'Kirim ulang' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ya, kirim ulang' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});

describe('the e-mail preferences on Akun', () => {
  it('shows each kind with its mode and saves a change of one kind', async () => {
    signIn();
    const items = [
      { kind: 'learning_report.approved' as const, email: 'segera' as const, updatedAt: null },
      { kind: 'jp.shortfall' as const, email: 'tidak' as const, updatedAt: '2026-03-01T00:00:00.000Z' },
    ];
    const requests = serve({
      'GET /api/v1/me/notification-preferences': { status: 200, body: { items } },
      'PUT /api/v1/me/notification-preferences': {
        status: 200,
        body: { items: [{ ...items[0], email: 'harian', updatedAt: '2026-03-14T00:00:00.000Z' }, items[1]] },
      },
    });
    const { container } = renderAt(<NotificationPreferences />, { seed: seed(me) });
    const list = await screen.findByRole('list', { name: 'Pilihan e-mail per jenis pemberitahuan' });
    expect(container.querySelector('section#notifikasi')).toBeTruthy();
    expect(within(list).getByText('Kekurangan JP')).toBeTruthy();
    fireEvent.click(within(list).getAllByLabelText('Ringkasan harian')[0] as HTMLElement);
    expect((await screen.findByRole('status')).textContent).toBe('Pilihan e-mail disimpan.');
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ items: [{ kind: 'learning_report.approved', email: 'harian' }] });
  });
});
