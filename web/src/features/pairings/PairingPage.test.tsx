import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '../../lib/api/schema';
import { me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { PairingPage } from './PairingPage';

type S = components['schemas'];

const pairing: S['NamedPairing'] = {
  id: 'prg_1',
  kind: 'mentoring',
  mentorId: 'emp_mentor',
  menteeId: 'emp_me',
  mentorName: 'Ratna Sari Dewi',
  menteeName: 'Budi Santoso',
  status: 'active',
  focus: [],
  note: null,
  proposedBy: 'admin',
  acceptedAt: '2026-03-01T00:00:00.000Z',
  endedAt: null,
  endedBy: null,
  endReason: null,
  completedAt: null,
  jp: null,
  version: 2,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};

const session = (id: string, recorderId: string | null, minutes: number, confirmed: boolean): S['MentoringSession'] => ({
  id,
  pairingId: 'prg_1',
  date: '2026-03-10',
  minutes,
  notes: `catatan ${id}`,
  actionItems: [],
  recordedBy: recorderId ?? 'someone',
  recorderId,
  status: confirmed ? 'confirmed' : 'unconfirmed',
  confirmedBy: confirmed ? 'acc_x' : null,
  confirmedAt: confirmed ? '2026-03-11T00:00:00.000Z' : null,
  createdAt: '2026-03-10T00:00:00.000Z',
});

describe('Pendampingan: one pairing', () => {
  it("shows which minutes are confirmed, and confirms the other member's session (never one's own)", async () => {
    let sessions = [
      session('ses_mine', 'emp_me', 60, false),
      session('ses_theirs', 'emp_mentor', 90, false),
      session('ses_old', 'emp_mentor', 30, true),
    ];
    const requests = serve({
      'GET /api/v1/tenants/kalianda/pairings/prg_1/sessions': () => ({ status: 200, body: { items: sessions, nextCursor: null } }),
      'GET /api/v1/tenants/kalianda/pairings/prg_1/goals': { status: 200, body: { items: [] } },
      'POST /api/v1/tenants/kalianda/pairings/prg_1/sessions/ses_theirs/confirm': () => {
        sessions = sessions.map((s) =>
          s.id === 'ses_theirs' ? { ...s, status: 'confirmed', confirmedAt: '2026-03-12T00:00:00.000Z' } : s,
        );
        return { status: 200, body: sessions[1] };
      },
    });
    renderAt(<PairingPage />, {
      route: '/pendampingan/:id',
      path: '/pendampingan/prg_1',
      seed: [
        [['me'], me],
        [['tenant', 'kalianda'], tenant],
        [['pairing', 'prg_1'], pairing],
      ],
    });
    expect((await screen.findByTestId('confirmed-minutes')).textContent).toBe('30 dari 180 menit terkonfirmasi');
    expect(screen.getByText(/Hanya menit yang dikonfirmasi anggota lain yang dihitung sebagai JP/)).toBeTruthy();
    // The mentee sees who mentors them.
    expect(screen.getByText('bersama Ratna Sari Dewi')).toBeTruthy();
    const rows = screen.getAllByTestId('session');
    expect(rows.map((r) => within(r).queryByRole('button', { name: /^Konfirmasi/ }) !== null)).toEqual([false, true, false]);
    expect(within(rows[0] as HTMLElement).getByText('Menunggu konfirmasi')).toBeTruthy();

    fireEvent.click(within(rows[1] as HTMLElement).getByRole('button', { name: /^Konfirmasi/ }));
    await waitFor(() => expect(screen.getByTestId('confirmed-minutes').textContent).toBe('120 dari 180 menit terkonfirmasi'));
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      '/api/v1/tenants/kalianda/pairings/prg_1/sessions/ses_theirs/confirm',
    ]);
    expect(within(screen.getAllByTestId('session')[1] as HTMLElement).getByText('Terkonfirmasi')).toBeTruthy();
  });
});
