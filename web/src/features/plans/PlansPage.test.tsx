import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { PlansPage } from './PlansPage';
import type { Plan } from './queries';

const admin = { ...me, roles: ['tenant_admin' as const], employee: null };
const seed: [readonly unknown[], unknown][] = [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
];
const base = '/api/v1/tenants/kalianda';

const plan: Plan = {
  id: 'pln_1',
  year: 2027,
  budget: 5_000_000,
  status: 'draft',
  options: { perPersonCap: 3, jpTargetBonus: 1 },
  totals: {
    budgetUsed: 4_500_000,
    lines: 3,
    value: 12,
    naiveValue: 9,
    naiveCost: 4_800_000,
    weightedGap: 40,
    closed: 10,
    closureShare: 0.25,
    employeesInScope: 8,
    reachingTargetBefore: 1,
    reachingTargetAfter: 4,
    byUnit: [
      {
        unitId: 'unt_a',
        employees: 8,
        lines: 3,
        cost: 4_500_000,
        weightedGap: 40,
        closed: 10,
        reachingTargetBefore: 1,
        reachingTargetAfter: 4,
      },
    ],
    jpTarget: 20,
    jpTargets: { pns: 20, pppk: 20 },
  },
  sourcePlanId: null,
  createdBy: 'admin',
  approvedBy: null,
  approvedAt: null,
  version: 1,
  createdAt: '2026-11-30T01:00:00.000Z',
  updatedAt: '2026-11-30T01:00:00.000Z',
};
const summary = { ...plan, options: undefined, totals: undefined, lines: 3, budgetUsed: 4_500_000, closureShare: 0.25 };
const line = {
  seq: 1,
  employeeId: 'emp_1',
  unitId: 'unt_a',
  offeringId: 'off_1',
  programId: 'prg_1',
  cost: 1_500_000,
  jp: 24,
  value: 4,
  gaps: [{ competencyId: 'cmp_1', from: 2, to: 3, weight: 1 }],
  employeeName: 'Siti Aminah',
  programTitle: 'Pelatihan Pelayanan Prima',
  startDate: '2027-02-08',
};
const job = { id: 'job_1', kind: 'plans.compute', error: null, createdAt: plan.createdAt, updatedAt: plan.updatedAt };

function world(extra: Parameters<typeof serve>[0] = {}) {
  return serve({
    [`GET ${base}/units`]: { status: 200, body: { items: [], nextCursor: null } },
    [`GET ${base}/competencies`]: { status: 200, body: { items: [], nextCursor: null } },
    [`GET ${base}/plans`]: { status: 200, body: { items: [summary], nextCursor: null } },
    [`GET ${base}/plans/pln_1`]: { status: 200, body: plan },
    [`GET ${base}/plans/pln_1/lines`]: { status: 200, body: { items: [line], nextCursor: null } },
    ...extra,
  });
}

describe('Rencana tahunan', () => {
  it('refuses a plan without a budget, then sends the year, budget and options and shows the computed plan', async () => {
    const requests = world({
      [`POST ${base}/plans`]: { status: 202, body: { ...job, status: 'queued', progress: { done: 0, total: 0 } } },
      [`GET ${base}/jobs/job_1`]: { status: 200, body: { ...job, status: 'succeeded', progress: { done: 8, total: 8 }, result: plan } },
    });
    const { router } = renderAt(<PlansPage />, { seed, path: '/?tahun=2027', route: '/' });
    fireEvent.click(await screen.findByRole('button', { name: 'Hitung rencana' }, { timeout: 5000 }));
    await screen.findByText('Isi anggaran dalam rupiah (0 atau lebih).');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByLabelText('Anggaran'), { target: { value: '5000000' } });
    fireEvent.change(screen.getByLabelText('Pelatihan per pegawai'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Manajerial'), { target: { value: '1,5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hitung rencana' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true));
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({
      year: 2027,
      budget: 5_000_000,
      options: { perPersonCap: 3, jpTargetBonus: 1, weights: { competencyTypes: { manajerial: 1.5 } } },
    });
    expect(post?.headers.get('idempotency-key')).toBeTruthy();

    // The finished job's plan is shown: its totals against the naive plan and its lines.
    await screen.findByText('Siti Aminah', undefined, { timeout: 5000 });
    expect(router.state.location.search).toContain('rencana=pln_1');
    const totals = screen.getByTestId('plan-totals');
    expect(totals.textContent).toContain('Rp 4.500.000 dari Rp 5.000.000');
    expect(totals.textContent).toContain('1 → 4 dari 8 pegawai');
    expect(screen.getByText(/Menutup 25% kesenjangan berbobot/)).toBeTruthy();
    expect(within(screen.getByTestId('plan-lines')).getByText('cmp_1: 2 → 3')).toBeTruthy();
  });

  it('names the enrollments and the money before approving; a 409 (seats taken) explains itself and recomputes', async () => {
    const requests = world({
      [`POST ${base}/plans/pln_1/approve`]: {
        status: 409,
        body: { type: 'urn:bangkom:problem:conflict', title: 'Conflict', status: 409, detail: 'Seats were taken' },
      },
      [`POST ${base}/plans/pln_1/recompute`]: {
        status: 202,
        body: { ...job, id: 'job_2', status: 'queued', progress: { done: 0, total: 0 } },
      },
      [`GET ${base}/jobs/job_2`]: { status: 200, body: { ...job, id: 'job_2', status: 'running', progress: { done: 3, total: 8 } } },
    });
    renderAt(<PlansPage />, { seed, path: '/?tahun=2027&rencana=pln_1', route: '/' });
    fireEvent.click(await screen.findByRole('button', { name: 'Setujui rencana' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('membuat 3 pendaftaran pelatihan dengan biaya Rp 4.500.000');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Setujui dan buat 3 pendaftaran' }));
    await screen.findByText('Kursi sebagian pelatihan sudah terisi sejak rencana ini dihitung.');
    const approve = requests.find((r) => r.path.endsWith('/approve'));
    expect(approve?.headers.get('if-match')).toBe('"v1"');

    fireEvent.click(screen.getAllByRole('button', { name: 'Hitung ulang' })[0] as HTMLElement);
    await waitFor(() => expect(requests.some((r) => r.path.endsWith('/recompute'))).toBe(true));
    expect(requests.find((r) => r.path.endsWith('/recompute'))?.body).toEqual({});
    const bar = await screen.findByRole('progressbar', { name: 'Tahap perhitungan' });
    expect(bar.getAttribute('aria-valuenow')).toBe('38');
  });
});
