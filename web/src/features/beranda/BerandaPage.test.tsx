import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { startSession } from '../../lib/api/client';
import { enrollment, gaps, jp, me, noLearning, personEnrollment, recommendations, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { BerandaPage } from './BerandaPage';
import { berandaKeys } from './queries';

const thisYear = Number(new Intl.DateTimeFormat('en-CA', { year: 'numeric', timeZone: 'Asia/Jakarta' }).format(new Date()));

const seed = (): [readonly unknown[], unknown][] => [
  [callerKeys.me, me],
  [callerKeys.tenant('kalianda'), tenant],
  [berandaKeys.gaps, gaps],
  [berandaKeys.jp(thisYear), jp],
  [berandaKeys.recommendations, recommendations],
  [berandaKeys.enrollments, { items: [], nextCursor: null }],
  ...noLearning,
];

describe('Beranda', () => {
  it('shows the profile, JP as progress with a decimal comma, and each gap with unassessed as such', () => {
    renderAt(<BerandaPage />, { seed: seed() });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Selamat datang, Adi Kurniawan');
    expect(screen.getByText('197905122002101431')).toBeTruthy();
    expect(screen.getByText('12,5 dari 20 JP')).toBeTruthy();
    expect(screen.getByText('Kurang 7,5 JP')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Capaian JP 63%' })).toBeTruthy();

    const rows = screen.getAllByTestId('gap-row');
    expect(rows.map((r) => r.getAttribute('data-assessed'))).toEqual(['true', 'true', 'false']);
    const unassessed = rows[2] as HTMLElement;
    expect(within(unassessed).getByText('Belum dinilai')).toBeTruthy();
    // Never drawn as level 0: the unassessed competency has the standard's bar only.
    expect(
      within(unassessed)
        .getAllByRole('progressbar')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Komunikasi: standar 4']);
    expect(within(rows[0] as HTMLElement).getByText('kurang 1')).toBeTruthy();
  });

  it('shows the reasons and rupiah of a recommendation, and asks for a place in its offering', async () => {
    startSession({ accessToken: 'a-token', expiresIn: 600, twoFactorSetupRequired: false, secondFactorRequired: false });
    const requests = serve({
      'POST /api/v1/tenants/kalianda/offerings/off_1/requests': { status: 201, body: enrollment('enr_new', 'off_1', 'requested') },
      'GET /api/v1/me/enrollments': { status: 200, body: { items: [personEnrollment('enr_new', 'off_1', 'requested')], nextCursor: null } },
    });
    renderAt(<BerandaPage />, { seed: seed() });
    const card = screen.getByRole('article', { name: 'Pelatihan Kepemimpinan Pengawas' });
    expect(within(card).getByText('Rp 1.500.000')).toBeTruthy();
    expect(within(card).getByText('Integritas: level 2 → 3')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: /Minta tempat di Pelatihan Kepemimpinan Pengawas/ }));
    await waitFor(() => expect(within(card).getByText('Diajukan')).toBeTruthy());
    // The place joins the list with its program and dates, read with the list.
    const places = await screen.findByRole('region', { name: 'Pelatihan saya' });
    await within(places).findByText('Pelatihan Kepemimpinan Pengawas');
    expect(within(places).getByText('6 Juli 2026 – 9 Juli 2026')).toBeTruthy();
    expect(within(places).getByText('Diajukan')).toBeTruthy();
    expect(requests.filter((r) => r.path.includes('/offerings/off_1') && r.method === 'GET')).toEqual([]);
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/api/v1/tenants/kalianda/offerings/off_1/requests');
    expect(post?.headers.get('authorization')).toBe('Bearer a-token');
  });

  it("opens at the section a notification's link names, once the first screen is drawn", async () => {
    const shown: string[] = [];
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      shown.push(this.id);
    });
    try {
      renderAt(<BerandaPage />, { seed: seed(), path: '/#enrollments' });
      await waitFor(() => expect(shown).toEqual(['enrollments']));
      expect(document.getElementById('enrollments')?.getAttribute('aria-labelledby')).toBe('enrollments-title');
    } finally {
      scroll.mockRestore();
    }
  });

  it('says what to do when there is nothing yet', () => {
    renderAt(<BerandaPage />, {
      seed: [
        ...seed().filter(([key]) => key !== berandaKeys.recommendations && key !== berandaKeys.gaps),
        [berandaKeys.gaps, { ...gaps, items: [], summary: { ...gaps.summary, competencies: 0 } }],
        [berandaKeys.recommendations, { ...recommendations, items: [] }],
      ],
      language: 'en',
    });
    expect(screen.getByText('Your position has no competency standard yet. Contact the BKPSDM admin.')).toBeTruthy();
    expect(screen.getByText('You are not enrolled in any training. Request a place from the recommendations.')).toBeTruthy();
  });
});
