import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { startSession } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';
import { me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { NotificationBell } from './NotificationBell';
import { NotificationsPage } from './NotificationsPage';

type Notification = components['schemas']['Notification'];

const notification = (id: string, kind: Notification['kind'], link: string, more: Partial<Notification> = {}): Notification => ({
  id,
  kind,
  title: '',
  body: '',
  data: {},
  link,
  createdAt: '2026-03-14T00:00:00Z',
  readAt: null,
  ...more,
});

const approved = notification('ntf_1', 'learning_report.approved', '/laporan/lr_1', { data: { title: 'Bimtek Arsip', jp: 8 } });
const proposed = notification('ntf_2', 'pairing.proposed', '/pendampingan/prg_1', { data: { pairingKind: 'coaching' } });
const enrolled = notification('ntf_3', 'plan.enrolled', '/#enrollments', {
  data: { title: 'Pelatihan Kepemimpinan Pengawas', startDate: '2026-04-06', year: 2026 },
  readAt: '2026-03-13T00:00:00Z',
});
// A link the console has no screen for goes to the screen of its kind.
const due = notification('ntf_4', 'evaluation.due', '/evaluasi/evl_1', {
  data: { title: 'Bimtek Pelayanan', dueOn: '2026-03-20' },
  readAt: '2026-03-12T00:00:00Z',
});

const seed = (): [readonly unknown[], unknown][] => [
  [callerKeys.me, me],
  [callerKeys.tenant('kalianda'), tenant],
];

const signIn = () => startSession({ accessToken: 'a-token', expiresIn: 600, twoFactorSetupRequired: false, secondFactorRequired: false });

describe('the bell', () => {
  it('says how many are unread in its name and badge, and opens the latest with a link to the inbox', async () => {
    signIn();
    const requests = serve({
      'GET /api/v1/me/notifications/unread-count': { status: 200, body: { unread: 3 } },
      'GET /api/v1/me/notifications': { status: 200, body: { items: [approved, proposed], nextCursor: 'c1' } },
    });
    renderAt(<NotificationBell />, { seed: seed() });
    const bell = await screen.findByRole('button', { name: 'Notifikasi, 3 belum dibaca' });
    expect(screen.getByText('3')).toBeTruthy();
    // The latest are asked for only when the bell is opened.
    expect(requests.some((r) => r.path.startsWith('/api/v1/me/notifications?'))).toBe(false);
    fireEvent.click(bell);
    const dialog = await screen.findByRole('dialog');
    const report = await within(dialog).findByRole('link', { name: /Laporan pengembangan kompetensi disetujui: Bimtek Arsip/ });
    expect(report.getAttribute('href')).toBe('/laporan/lr_1');
    expect(
      within(dialog)
        .getByRole('link', { name: /Usulan coaching menunggu jawaban Anda/ })
        .getAttribute('href'),
    ).toBe('/pendampingan/prg_1');
    expect(within(dialog).getByRole('link', { name: 'Lihat semua' }).getAttribute('href')).toBe('/notifikasi');
    expect(requests.find((r) => r.path.startsWith('/api/v1/me/notifications?'))?.path).toBe('/api/v1/me/notifications?limit=5');
  });

  it('has a plain name and no badge when nothing is unread', async () => {
    signIn();
    serve({ 'GET /api/v1/me/notifications/unread-count': { status: 200, body: { unread: 0 } } });
    renderAt(<NotificationBell />, { seed: seed() });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Notifikasi' })).toBeTruthy());
    expect(screen.queryByText('0')).toBeNull();
  });
});

describe('the inbox', () => {
  it('lists unread first, each linking to its screen, and pages on', async () => {
    signIn();
    const requests = serve({
      'GET /api/v1/me/notifications/unread-count': { status: 200, body: { unread: 2 } },
      'GET /api/v1/me/notifications?limit=20': { status: 200, body: { items: [approved, proposed, enrolled], nextCursor: 'c1' } },
      'GET /api/v1/me/notifications?limit=20&cursor=c1': { status: 200, body: { items: [due], nextCursor: null } },
    });
    renderAt(<NotificationsPage />, { seed: seed() });
    const list = await screen.findByRole('list', { name: 'Notifikasi' });
    await within(list).findByText(/Bimtek Arsip/);
    const links = within(list).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/laporan/lr_1', '/pendampingan/prg_1', '/#enrollments']);
    expect(links.map((l) => l.getAttribute('data-unread'))).toEqual(['true', 'true', 'false']);
    expect(within(links[2] as HTMLElement).getByText(/Anda terdaftar pada pelatihan: Pelatihan Kepemimpinan Pengawas/)).toBeTruthy();
    expect(await screen.findByText('2 belum dibaca')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Muat lebih banyak' }));
    const evaluation = await within(list).findByRole('link', { name: /Evaluasi jatuh tempo 20 Maret 2026: Bimtek Pelayanan/ });
    expect(evaluation.getAttribute('href')).toBe('/tugas');
    expect(requests.map((r) => r.path)).toContain('/api/v1/me/notifications?limit=20&cursor=c1');
    expect(screen.queryByRole('button', { name: 'Muat lebih banyak' })).toBeNull();
  });

  it('marks one read when it is opened and goes to its screen', async () => {
    signIn();
    const requests = serve({
      'GET /api/v1/me/notifications/unread-count': { status: 200, body: { unread: 1 } },
      'GET /api/v1/me/notifications?limit=20': { status: 200, body: { items: [approved], nextCursor: null } },
      'POST /api/v1/me/notifications/ntf_1/read': { status: 200, body: { ...approved, readAt: '2026-03-14T01:00:00Z' } },
    });
    const { router } = renderAt(<NotificationsPage />, { seed: seed() });
    fireEvent.click(await screen.findByRole('link', { name: /Bimtek Arsip/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/laporan/lr_1'));
    await waitFor(() => expect(requests.map((r) => `${r.method} ${r.path}`)).toContain('POST /api/v1/me/notifications/ntf_1/read'));
  });

  it('marks all read', async () => {
    signIn();
    let unread = 2;
    const requests = serve({
      'GET /api/v1/me/notifications/unread-count': () => ({ status: 200, body: { unread } }),
      'GET /api/v1/me/notifications?limit=20': () => ({
        status: 200,
        body: {
          items: [approved, proposed].map((n) => (unread ? n : { ...n, readAt: '2026-03-14T01:00:00Z' })),
          nextCursor: null,
        },
      }),
      'POST /api/v1/me/notifications/read-all': () => {
        unread = 0;
        return { status: 200, body: { unread: 0 } };
      },
    });
    renderAt(<NotificationsPage />, { seed: seed() });
    const button = await screen.findByRole('button', { name: 'Tandai semua dibaca' });
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    fireEvent.click(button);
    expect(await screen.findByText('Semua notifikasi sudah dibaca.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getAllByTestId('notification').map((n) => n.getAttribute('data-unread'))).toEqual(['false', 'false']),
    );
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/v1/me/notifications/read-all']);
  });

  it('says what to expect when there is nothing yet', async () => {
    signIn();
    serve({
      'GET /api/v1/me/notifications/unread-count': { status: 200, body: { unread: 0 } },
      'GET /api/v1/me/notifications?limit=20': { status: 200, body: { items: [], nextCursor: null } },
    });
    renderAt(<NotificationsPage />, { seed: seed() });
    expect(await screen.findByText(/Belum ada notifikasi/)).toBeTruthy();
  });
});
