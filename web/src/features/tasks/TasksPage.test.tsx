import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { me, namedPairing, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { taskKeys, type Waiting } from './queries';
import { TasksPage } from './TasksPage';
import { tasksInOrder } from './tasks';

const waiting = (kind: Waiting['kind'], title: string, dueOn: string, open = true): Waiting => ({
  kind,
  enrollmentId: kind === 'mentoring' ? null : `enr_${title}`,
  pairingId: kind === 'mentoring' ? `pair_${title}` : null,
  employeeId: 'emp_me',
  title,
  completedOn: '2026-02-12',
  opensOn: '2026-02-12',
  dueOn,
  open,
});

describe('Tugas saya', () => {
  it('orders what waits soonest due first, what has not opened yet last', () => {
    const order = tasksInOrder(
      [waiting('behaviour', 'B', '2026-05-01'), waiting('reaction', 'A', '2026-03-01'), waiting('reaction', 'C', '2026-02-01', false)],
      [],
    ).map((t) => t.title);
    expect(order).toEqual(['A', 'B', 'C']);
  });

  it('shows each due date and keeps an L1 form from being sent half-filled, then sends it', async () => {
    const requests = serve({ 'POST /api/v1/tenants/kalianda/enrollments/enr_Bimtek/reaction': { status: 201, body: {} } });
    renderAt(<TasksPage />, {
      seed: [
        [callerKeys.me, me],
        [callerKeys.tenant('kalianda'), tenant],
        [taskKeys.waiting, { items: [waiting('reaction', 'Bimtek', '2026-03-14')] }],
        [taskKeys.proposals, { items: [], nextCursor: null }],
      ],
    });
    expect(screen.getByText('Batas waktu 14 Maret 2026')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Isi sekarang' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kirim' }));
    // Every unanswered item says so beside itself; nothing is sent.
    expect(within(dialog).getAllByText('Pilih salah satu.')).toHaveLength(6);
    expect(requests).toHaveLength(0);
    for (const item of ['Materi', 'Fasilitator', 'Metode', 'Sarana', 'Manfaat', 'Waktu'])
      fireEvent.click(within(dialog).getByLabelText(`${item}: 4`));
    fireEvent.click(within(dialog).getByLabelText('Materi: 5'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Kirim' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(requests[0]?.path).toBe('/api/v1/tenants/kalianda/enrollments/enr_Bimtek/reaction');
    expect(requests[0]?.body).toEqual({
      answers: { materi: 5, fasilitator: 4, metode: 4, sarana: 4, manfaat: 4, waktu: 4 },
      comment: null,
    });
  });

  it("names the mentee of each proposal a mentor is asked to answer, with the admin's note", () => {
    const proposal = (id: string, menteeName: string, note: string | null) =>
      namedPairing({ id: 'emp_me', name: 'Adi Kurniawan' }, { id: `emp_${id}`, name: menteeName }, { id, note });
    renderAt(<TasksPage />, {
      seed: [
        [callerKeys.me, me],
        [callerKeys.tenant('kalianda'), tenant],
        [taskKeys.waiting, { items: [] }],
        [
          taskKeys.proposals,
          { items: [proposal('p1', 'Budi Santoso', 'Persiapan promosi'), proposal('p2', 'Citra Lestari', null)], nextCursor: null },
        ],
      ],
    });
    const items = screen.getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const budi = items.find((i) => within(i).queryByText('bersama Budi Santoso')) as HTMLElement;
    expect(within(budi).getByText('Persiapan promosi')).toBeTruthy();
    expect(within(budi).getByRole('button', { name: 'Terima' })).toBeTruthy();
    expect(items.some((i) => within(i).queryByText('bersama Citra Lestari'))).toBe(true);
  });

  it('says when nothing waits', () => {
    renderAt(<TasksPage />, {
      seed: [
        [callerKeys.me, me],
        [callerKeys.tenant('kalianda'), tenant],
        [taskKeys.waiting, { items: [] }],
        [taskKeys.proposals, { items: [], nextCursor: null }],
      ],
      language: 'en',
    });
    expect(screen.getByText('Nothing is waiting for you right now.')).toBeTruthy();
  });
});
