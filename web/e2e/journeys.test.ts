/**
 * The employee's journeys in Chromium against the real Worker and D1, at 360 px and at 1280 px:
 * sign in, see gaps and JP, ask for a place, assess oneself and see the chart change, answer an L1
 * form, log a pairing session that the mentor then sees, sign out; an expired session that goes
 * to sign-in and back; Indonesian first, English when asked. axe-core runs on every screen and
 * must find no serious or critical violation; screenshots go to test-results/screenshots/.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  employeeToken,
  expiredEmployeeToken,
  type Stack,
  screenshot,
  seriousViolations,
  signIn,
  startStack,
  type Viewport,
  viewports,
} from './harness';
import { type Lane, prepareLanes } from './lanes';

let stack: Stack;
let lanes: Lane[];

beforeAll(async () => {
  stack = await startStack((line) => console.log(line));
  lanes = await prepareLanes(stack, viewports.length);
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

async function open(viewport: Viewport): Promise<{ context: BrowserContext; page: Page }> {
  const context = await stack.browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    locale: 'id-ID',
    reducedMotion: 'reduce',
    // The console's CSP (web/public/_headers) forbids inline scripts, as it should; axe is injected as one.
    bypassCSP: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return { context, page };
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

describe.each(viewports.map((viewport, index) => ({ viewport, index, width: viewport.width })))('at $width px', ({ viewport, index }) => {
  const lane = () => lanes[index] as Lane;

  it('signs in, sees gaps and JP, asks for a place, assesses oneself and sees the chart change, in Indonesian and in English', async () => {
    const { context, page } = await open(viewport);
    try {
      await signIn(page, stack.url, await employeeToken(lane().employeeId));
      await page.getByRole('heading', { name: 'Kesenjangan kompetensi' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
      await page.getByText(/dari 20 JP/).waitFor();
      expect(await page.getByRole('progressbar', { name: /Capaian JP/ }).count()).toBe(1);
      const unassessed = page.getByTestId('gap-row').filter({ hasText: lane().unassessed });
      expect(await unassessed.getAttribute('data-assessed')).toBe('false');
      await expect(unassessed.getByText('Belum dinilai').isVisible()).resolves.toBe(true);
      await page.getByRole('article', { name: lane().program }).first().waitFor();
      await screenshot(page, 'beranda', viewport);
      await expectAccessible(page);

      const program = page.getByRole('article', { name: lane().program }).first();
      await program
        .getByRole('button', { name: /^Minta tempat di/ })
        .first()
        .click();
      await program.getByText('Diajukan').first().waitFor();
      await page.getByRole('region', { name: 'Pelatihan saya' }).getByText(lane().program).first().waitFor();

      await page.getByRole('button', { name: 'Nilai diri' }).click();
      const dialog = page.getByRole('dialog', { name: 'Penilaian diri' });
      await dialog.waitFor();
      await expect(dialog.getByLabel('Kompetensi').inputValue()).resolves.toBe(lane().unassessed);
      await dialog.getByLabel('3 — Cakap').check();
      await screenshot(page, 'self-assessment', viewport);
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'Simpan penilaian' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('gap-row').filter({ hasText: lane().unassessed }).and(page.locator('[data-assessed="true"]')).waitFor();
      await expect(unassessed.getByText('saat ini 3').isVisible()).resolves.toBe(true);
      await screenshot(page, 'beranda-self-assessed', viewport);

      await page.getByText('EN', { exact: true }).click();
      await page.getByRole('heading', { name: 'Competency gaps' }).waitFor();
      await page.getByRole('heading', { name: 'Learning hours (JP)' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await screenshot(page, 'beranda-en', viewport);
      await expectAccessible(page);
      // The choice is remembered across a page load (which, without a refresh cookie, ends at sign-in).
      await page.reload();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByText('ID', { exact: true }).click();
      await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('sends an expired session to sign-in and back, then answers the L1 form of the training completed today', async () => {
    const { context, page } = await open(viewport);
    try {
      await signIn(page, stack.url, await expiredEmployeeToken(lane().employeeId), '/tugas');
      await page.getByText('Sesi Anda telah berakhir').waitFor();
      const next = new URL(page.url()).searchParams.get('next');
      expect(next).toBe('/tugas');
      await screenshot(page, 'masuk-expired', viewport);
      await expectAccessible(page);
      await signIn(page, stack.url, await employeeToken(lane().employeeId), next ?? '/');
      await page.getByRole('heading', { name: 'Tugas saya' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/tugas');

      const forms = page.getByRole('listitem').filter({ hasText: 'Evaluasi reaksi (L1)' }).filter({ hasText: lane().trainingTitle });
      await forms.first().waitFor();
      const before = await forms.count();
      await screenshot(page, 'tugas', viewport);
      await expectAccessible(page);
      await forms.first().getByRole('button', { name: 'Isi sekarang' }).click();
      const dialog = page.getByRole('dialog', { name: lane().trainingTitle });
      await dialog.waitFor();
      for (const item of ['Materi', 'Fasilitator', 'Metode', 'Sarana', 'Manfaat', 'Waktu']) await dialog.getByLabel(`${item}: 4`).check();
      await dialog.getByLabel('Komentar (opsional)').fill('Materi relevan dengan tugas di loket.');
      await screenshot(page, 'l1-form', viewport);
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'Kirim' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => forms.count(), { timeout: 15_000 }).toBe(before - 1);
    } finally {
      await context.close();
    }
  });

  it('logs a pairing session as mentee that the mentor then sees, and signs out', async () => {
    const notes = `Sesi uji ${viewport.width} px: membahas rencana kerja triwulan.`;
    const mentee = await open(viewport);
    try {
      await signIn(mentee.page, stack.url, await employeeToken(lane().employeeId), '/pendampingan');
      await mentee.page.getByRole('heading', { name: 'Pendampingan' }).waitFor();
      await mentee.page
        .getByRole('link', { name: /Anda mentee/ })
        .first()
        .waitFor();
      await screenshot(mentee.page, 'pendampingan', viewport);
      await mentee.page.goto(`${stack.url}/pendampingan/${lane().pairingId}`);
      // A page load loses the in-memory token (no refresh cookie without the sign-in API yet): sign in again.
      await signIn(mentee.page, stack.url, await employeeToken(lane().employeeId), `/pendampingan/${lane().pairingId}`);
      await mentee.page.getByRole('button', { name: 'Catat sesi' }).click();
      await mentee.page.getByLabel('Durasi (menit)').fill('90');
      await mentee.page.getByLabel('Catatan').fill(notes);
      await mentee.page.getByRole('button', { name: 'Simpan sesi' }).click();
      await mentee.page.getByText(notes).waitFor();
      await mentee.page
        .getByText(/90 menit/)
        .first()
        .waitFor();
      await screenshot(mentee.page, 'pairing', viewport);
      await expectAccessible(mentee.page);

      // On a phone the navigation is behind the menu button.
      if (viewport.width < 768) await mentee.page.getByRole('button', { name: 'Buka menu' }).click();
      await mentee.page.getByRole('link', { name: 'Akun' }).click();
      await mentee.page.getByRole('button', { name: 'Keluar', exact: true }).click();
      await mentee.page.getByRole('heading', { name: 'Masuk' }).waitFor();
      expect(new URL(mentee.page.url()).pathname).toBe('/masuk');
    } finally {
      await mentee.context.close();
    }
    const mentor = await open(viewport);
    try {
      await signIn(mentor.page, stack.url, await employeeToken(lane().mentorId), `/pendampingan/${lane().pairingId}`);
      await mentor.page.getByRole('heading', { name: /Anda mentor/ }).waitFor();
      await mentor.page.getByText(notes).waitFor();
    } finally {
      await mentor.context.close();
    }
  });
});
