/**
 * The annual plan in Chromium, at 360 px and 1280 px, signed in through the sign-in screen as a
 * tenant admin (Rencana tahunan, /admin/rencana): compute the coming year's plan over the demo
 * region's open offerings and watch the job's progress to its end; read its totals against the
 * naive plan and its lines; recompute it under a smaller budget and compare the two (only in A,
 * only in B); approve the smaller one after the confirmation that names its enrollments and money,
 * and find every line enrolled (through the API, and on an employee's record). The two widths run
 * one after the other on the same data: the second plans around the seats the first approved.
 * Every API answer stays within 3 D1 round trips (Server-Timing); axe finds no serious or critical
 * violation; each screen is kept as a screenshot.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../scripts/lib/demo-accounts';
import { checked } from './checks';
import { adminCall, demoAccount, meterApi, openPage, type Stack, screenshot, signIn, startStack, tenant, viewports } from './harness';

let stack: Stack;
const admins: DemoAccount[] = [];

beforeAll(async () => {
  stack = await startStack((line) => console.log(line));
  for (const [i] of viewports.entries()) {
    admins.push(await demoAccount(stack, { role: 'tenant_admin', email: `rencana-${i}@${tenant}.bangkom.local` }));
  }
}, 420_000);

afterAll(async () => {
  await stack?.stop();
});

/** The year the demo's open offerings start in (scripts/demo/catalog.ts). */
const year = 2027;
const budget = 100_000_000;
const smaller = 20_000_000;
const rupiah = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

interface Line {
  employeeId: string;
  offeringId: string;
}

async function waitForJob(page: Page): Promise<void> {
  await page.getByTestId('job-status').filter({ hasText: 'Selesai' }).waitFor({ timeout: 120_000 });
  expect(await page.getByRole('progressbar', { name: 'Tahap perhitungan' }).getAttribute('aria-valuenow')).toBe('100');
}

describe.each(viewports.map((viewport, index) => ({ viewport, index, width: viewport.width })))('at $width px', ({ viewport, index }) => {
  it('computes a plan with its progress, compares it with a recompute under a smaller budget, approves it and finds the enrollments', async () => {
    const { context, page } = await openPage(stack, viewport);
    page.setDefaultTimeout(60_000);
    const meter = meterApi(page);
    try {
      await signIn(page, stack.url, admins[index] as DemoAccount, `/admin/rencana?tahun=${year}`);
      await page.getByRole('heading', { name: 'Rencana pengembangan kompetensi tahunan' }).waitFor();
      await checked(page, 'rencana', viewport);

      // A plan without a budget is refused beside the field, before anything is sent.
      await page.getByRole('button', { name: 'Hitung rencana' }).click();
      await page.getByText('Isi anggaran dalam rupiah').waitFor();
      await page.getByRole('textbox', { name: 'Anggaran', exact: true }).fill(String(budget));
      await page.getByRole('button', { name: 'Hitung rencana' }).click();
      await waitForJob(page);
      await page.waitForURL((u) => u.searchParams.has('rencana'));
      const first = new URL(page.url()).searchParams.get('rencana') as string;
      const totals = page.getByTestId('plan-totals');
      await totals.waitFor();
      await expect(totals.textContent()).resolves.toContain(`dari ${rupiah(budget)}`);
      await expect(totals.textContent()).resolves.toContain('rencana naif');
      await page.getByTestId('plan-line').first().waitFor();
      await checked(page, 'rencana-hasil', viewport);

      // Recompute under a smaller budget: the new draft is shown and compared with the first.
      await page.getByRole('textbox', { name: 'Anggaran hitung ulang' }).fill(String(smaller));
      await page.getByRole('button', { name: 'Hitung ulang', exact: true }).click();
      await page.waitForURL((u) => u.searchParams.get('banding') === first && u.searchParams.get('rencana') !== first);
      await waitForJob(page);
      const second = new URL(page.url()).searchParams.get('rencana') as string;
      const compare = page.getByTestId('plan-compare');
      await compare.waitFor();
      const budgetRow = compare.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Anggaran', exact: true }) });
      await expect(budgetRow.textContent()).resolves.toBe(`Anggaran${rupiah(smaller)}${rupiah(budget)}`);
      const [linesA, linesB] = await Promise.all(
        [second, first].map((id) => adminCall<{ items: Line[] }>(stack, 'GET', `/plans/${id}/lines?limit=500`).then((r) => r.items)),
      );
      const key = (l: Line) => `${l.employeeId}/${l.offeringId}`;
      const inB = new Set((linesB ?? []).map(key));
      const onlyA = (linesA ?? []).filter((l) => !inB.has(key(l))).length;
      await expect(page.getByTestId('only-in-a').textContent()).resolves.toContain(`${onlyA} pendaftaran`);
      await checked(page, 'rencana-banding', viewport);

      // Approve the smaller plan: the confirmation names its enrollments and its money.
      const planA = await adminCall<{ totals: { lines: number; budgetUsed: number } }>(stack, 'GET', `/plans/${second}`);
      expect(planA.totals.lines).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Setujui rencana' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.textContent()).resolves.toContain(
        `membuat ${planA.totals.lines} pendaftaran pelatihan dengan biaya ${rupiah(planA.totals.budgetUsed)}`,
      );
      await checked(page, 'rencana-setujui', viewport);
      await dialog.getByRole('button', { name: `Setujui dan buat ${planA.totals.lines} pendaftaran` }).click();
      await page.getByText(`${planA.totals.lines} pendaftaran dibuat`).waitFor();
      await expect(page.getByRole('button', { name: 'Setujui rencana' }).count()).resolves.toBe(0);

      // Every line is now an enrollment of its offering.
      for (const offeringId of new Set((linesA ?? []).map((l) => l.offeringId))) {
        const enrolled = await adminCall<{ items: { employeeId: string; status: string }[] }>(
          stack,
          'GET',
          `/offerings/${offeringId}/enrollments?limit=500`,
        );
        const people = new Set(enrolled.items.filter((e) => e.status === 'enrolled').map((e) => e.employeeId));
        for (const line of (linesA ?? []).filter((l) => l.offeringId === offeringId)) expect(people.has(line.employeeId)).toBe(true);
      }
      await checked(page, 'rencana-disetujui', viewport);
      // And on the record of the first line's employee.
      await page.getByTestId('plan-line').first().getByRole('link').click();
      await page.getByRole('heading', { name: 'Pelatihan' }).waitFor();
      await page.locator('#enrollments').getByText('Terdaftar').first().waitFor();
      expect(meter.over()).toEqual([]);
    } catch (error) {
      await screenshot(page, `failed-rencana-${index}`, viewport);
      throw error;
    } finally {
      await context.close();
    }
  }, 360_000);
});
