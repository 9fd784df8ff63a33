/**
 * The journeys in Chromium against the real Worker and D1, at 360 px and at 1280 px, signing in
 * through the sign-in screen with accounts activated as `npm start` activates its demo accounts:
 * sign in, see gaps and JP, ask for a place, assess oneself and see the chart change, in Indonesian
 * and in English; an expired session that goes to sign-in and back, then an L1 form; a pairing
 * session logged by one member and confirmed by the other, and signing out (here and everywhere);
 * the second factor of an admin whose region requires it (set-up, sign-in with a code, with a
 * recovery code); activating a new account with a code issued through the API. axe-core runs on
 * every screen and must find no serious or critical violation; screenshots go to
 * test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase32, hotp } from '../../src/modules/accounts/totp';
import {
  adminCall,
  fillSignIn,
  openPage,
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
  // The region requires a second factor of its admins (the lanes' admins sign in only in the journey below).
  const { version } = await adminCall<{ version: number }>(stack, 'GET', '/sign-in-settings');
  await adminCall(stack, 'PUT', '/sign-in-settings', { requireAdminTotp: true, sso: null }, { 'if-match': `"v${version}"` });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

const open = (viewport: Viewport) => openPage(stack, viewport);

/** The name of a failed journey's last screen: failed-<the test's first words>[-who]. */
function failedName(who?: string): string {
  const words = (expect.getState().currentTestName ?? '').split('>').pop()?.trim().split(/\W+/).slice(0, 4).join('-') ?? '';
  return ['failed', words.toLowerCase(), who].filter(Boolean).join('-');
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** The authenticator app's code for the step `ahead` steps from now (the server accepts one step either side). */
const totpCode = (secret: string, ahead = 0) => hotp(fromBase32(secret.replaceAll(' ', '')), Math.floor(Date.now() / 30_000) + ahead);

/** Opens the navigation (behind the menu button on a phone) and follows one of its links. */
async function navigate(page: Page, viewport: Viewport, name: string): Promise<void> {
  if (viewport.width < 768) await page.getByRole('button', { name: 'Buka menu' }).click();
  await page.getByRole('link', { name, exact: true }).click();
}

describe.each(viewports.map((viewport, index) => ({ viewport, index, width: viewport.width })))('at $width px', ({ viewport, index }) => {
  const lane = () => lanes[index] as Lane;

  it('signs in, sees gaps and JP, asks for a place, assesses oneself and sees the chart change, in Indonesian and in English', async () => {
    const { context, page } = await open(viewport);
    try {
      await page.goto(`${stack.url}/`);
      await page.getByRole('heading', { name: 'Masuk' }).waitFor();
      await screenshot(page, 'masuk', viewport);
      await expectAccessible(page);
      await fillSignIn(page, lane().employee);
      await page.getByRole('heading', { name: 'Kesenjangan kompetensi' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
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
      // A page load keeps both the session (renewed silently by the refresh cookie) and the language;
      // the renewal is sent once, by the page's start or by the client, never by both (a refresh
      // token works once: sent twice, the second would end the sign-in).
      const renewals: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/v1/auth/refresh') renewals.push(request.method());
      });
      await page.reload();
      await page.getByRole('heading', { name: 'Competency gaps' }).waitFor();
      expect(renewals).toEqual(['POST']);
      expect(new URL(page.url()).pathname).toBe('/');
      await page.getByText('ID', { exact: true }).click();
      await page.getByRole('heading', { name: 'Kesenjangan kompetensi' }).waitFor();
    } catch (error) {
      await screenshot(page, failedName(), viewport);
      throw error;
    } finally {
      await context.close();
    }
  });

  it("runs the page's start under the console's own CSP: the renewal leaves from index.html, once", async () => {
    // Not the journeys' context (which bypasses the CSP for axe): the browser enforces _headers here.
    const context = await stack.browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: 'id-ID' });
    try {
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('Content Security Policy')) refused.push(message.text());
      });
      await signIn(page, stack.url, lane().employee);
      await page.getByTestId('gap-row').first().waitFor();
      const renewals: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/v1/auth/refresh') renewals.push(request.method());
      });
      await page.reload();
      await page.getByTestId('gap-row').first().waitFor();
      expect(refused).toEqual([]);
      // No inline script refused: the page start's renewal ran (its hash is in the CSP) and the
      // client took its answer over (the slot is null) instead of sending another.
      expect(renewals).toEqual(['POST']);
      expect(await page.evaluate(() => (globalThis as { bangkomRenewal?: unknown }).bangkomRenewal)).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('sends an expired session to sign-in and back, then answers the L1 form of the training completed today', async () => {
    const { context, page } = await open(viewport);
    try {
      // The page's clock is Playwright's, so the session's 15 minutes pass at once below.
      await page.clock.install();
      await signIn(page, stack.url, lane().employee, '/tugas');
      await page.getByRole('heading', { name: 'Tugas saya' }).waitFor();
      // The sign-in ends elsewhere (its refresh cookie gone): the renewal a minute before expiry is refused.
      await context.clearCookies();
      await page.clock.fastForward('14:30');
      await page.getByText('Sesi Anda telah berakhir').waitFor();
      const at = new URL(page.url());
      expect(at.pathname).toBe('/masuk');
      expect(at.searchParams.get('next')).toBe('/tugas');
      await screenshot(page, 'masuk-expired', viewport);
      await expectAccessible(page);
      await fillSignIn(page, lane().employee);
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
    } catch (error) {
      await screenshot(page, failedName(), viewport);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('logs a pairing session as mentee and signs out; the mentor confirms it, so its minutes count, and signs out everywhere', async () => {
    const notes = `Sesi uji ${viewport.width} px: membahas rencana kerja triwulan.`;
    const pairingPath = `/pendampingan/${lane().pairingId}`;
    const mentee = await open(viewport);
    try {
      await signIn(mentee.page, stack.url, lane().employee, '/pendampingan');
      await mentee.page.getByRole('heading', { name: 'Pendampingan' }).waitFor();
      // The lane's own pairing: the list may also hold one a busy mentor declined while the lanes were made.
      const link = mentee.page.getByRole('link', { name: /Anda mentee/ }).and(mentee.page.locator(`[href="${pairingPath}"]`));
      await link.waitFor();
      await screenshot(mentee.page, 'pendampingan', viewport);
      await link.click();
      await mentee.page.waitForURL((u) => u.pathname === pairingPath);
      await mentee.page.getByRole('button', { name: 'Catat sesi' }).click();
      await mentee.page.getByLabel('Durasi (menit)').fill('90');
      await mentee.page.getByLabel('Catatan').fill(notes);
      await mentee.page.getByRole('button', { name: 'Simpan sesi' }).click();
      const mine = mentee.page.getByTestId('session').filter({ hasText: notes });
      await mine.waitFor();
      await mine.getByText('Menunggu konfirmasi').waitFor();
      // The member who recorded a session cannot confirm it.
      expect(await mine.getByRole('button', { name: /^Konfirmasi/ }).count()).toBe(0);
      await mentee.page.getByText('0 dari 90 menit terkonfirmasi').waitFor();
      await screenshot(mentee.page, 'pairing', viewport);
      await expectAccessible(mentee.page);

      await navigate(mentee.page, viewport, 'Akun');
      await mentee.page.getByRole('heading', { name: 'Ubah kata sandi' }).waitFor();
      await screenshot(mentee.page, 'akun', viewport);
      await expectAccessible(mentee.page);
      const [logout] = await Promise.all([
        mentee.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/logout'),
        mentee.page.getByRole('button', { name: 'Keluar', exact: true }).click(),
      ]);
      expect(logout.status()).toBe(204);
      await mentee.page.getByRole('heading', { name: 'Masuk' }).waitFor();
      expect(new URL(mentee.page.url()).pathname).toBe('/masuk');
      // Signed out: a page load finds no session.
      const [renewal] = await Promise.all([
        mentee.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/refresh'),
        mentee.page.goto(`${stack.url}/tugas`),
      ]);
      expect(renewal.status()).toBe(401);
      await mentee.page.getByRole('heading', { name: 'Masuk' }).waitFor();
    } catch (error) {
      await screenshot(mentee.page, failedName('mentee'), viewport);
      throw error;
    } finally {
      await mentee.context.close();
    }

    const mentor = await open(viewport);
    try {
      await signIn(mentor.page, stack.url, lane().mentor, pairingPath);
      await mentor.page.getByRole('heading', { name: /Anda mentor/ }).waitFor();
      const theirs = mentor.page.getByTestId('session').filter({ hasText: notes });
      await theirs.getByText('Menunggu konfirmasi').waitFor();
      await screenshot(mentor.page, 'pairing-to-confirm', viewport);
      await expectAccessible(mentor.page);
      await theirs.getByRole('button', { name: /^Konfirmasi/ }).click();
      await theirs.getByText('Terkonfirmasi').waitFor();
      await mentor.page.getByText('90 dari 90 menit terkonfirmasi').waitFor();
      expect(await theirs.getByRole('button', { name: /^Konfirmasi/ }).count()).toBe(0);
      await screenshot(mentor.page, 'pairing-confirmed', viewport);

      await navigate(mentor.page, viewport, 'Akun');
      await mentor.page.getByRole('button', { name: 'Keluar dari semua perangkat' }).click();
      await mentor.page.getByRole('heading', { name: 'Masuk' }).waitFor();
      await mentor.page.goto(`${stack.url}${pairingPath}`);
      await mentor.page.getByRole('heading', { name: 'Masuk' }).waitFor();
    } catch (error) {
      await screenshot(mentor.page, failedName('mentor'), viewport);
      throw error;
    } finally {
      await mentor.context.close();
    }
  });

  it('has an admin of a region that requires it set up the second factor, then sign in with a code and with a recovery code', async () => {
    const { context, page } = await open(viewport);
    try {
      await page.goto(`${stack.url}/admin`);
      await page.getByRole('heading', { name: 'Masuk' }).waitFor();
      await fillSignIn(page, lane().admin);
      await page.getByRole('heading', { name: 'Verifikasi dua langkah' }).waitFor();
      await page.getByText('Wilayah Anda mewajibkan verifikasi dua langkah untuk admin').waitFor();
      expect(new URL(page.url()).pathname).toBe('/masuk/dua-faktor');
      await screenshot(page, 'dua-faktor-wajib', viewport);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Mulai' }).click();
      const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
      expect(secret).toMatch(/^[A-Z2-7 ]{32,}$/);
      await page.getByLabel('Kode autentikator').fill(await totpCode(secret));
      await screenshot(page, 'dua-faktor-kunci', viewport);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Aktifkan' }).click();
      const codes = ((await page.getByTestId('recovery-codes').textContent()) ?? '').split('\n');
      expect(codes).toHaveLength(10);
      await screenshot(page, 'dua-faktor-pemulihan', viewport);
      await expectAccessible(page);
      await page.getByLabel('Saya sudah menyimpan kode pemulihan').check();
      await page.getByRole('button', { name: 'Lanjutkan' }).click();
      await page.getByRole('heading', { name: /^Dasbor /, level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/admin');

      // Signed out, the next sign-in asks for the code (the one that confirmed is spent: the next step's).
      await navigate(page, viewport, 'Akun');
      await page.getByRole('button', { name: 'Keluar', exact: true }).click();
      await page.getByRole('heading', { name: 'Masuk' }).waitFor();
      await fillSignIn(page, lane().admin);
      await page.getByRole('heading', { name: 'Verifikasi dua langkah' }).waitFor();
      await screenshot(page, 'masuk-totp', viewport);
      await expectAccessible(page);
      await page.getByLabel('Kode autentikator').fill('000000');
      await page.getByRole('button', { name: 'Verifikasi' }).click();
      await page.getByText(/Kode tidak cocok atau sudah dipakai/).waitFor();
      await page.getByLabel('Kode autentikator').fill(await totpCode(secret, 1));
      await page.getByRole('button', { name: 'Verifikasi' }).click();
      await page.getByRole('heading', { name: /^Dasbor /, level: 1 }).waitFor();

      await navigate(page, viewport, 'Akun');
      await page.getByRole('button', { name: 'Keluar', exact: true }).click();
      await fillSignIn(page, lane().admin);
      await page.getByRole('button', { name: /Pakai kode pemulihan/ }).click();
      await page.getByLabel('Kode pemulihan').fill(codes[0] ?? '');
      await page.getByRole('button', { name: 'Verifikasi' }).click();
      await page.getByRole('heading', { name: /^Dasbor /, level: 1 }).waitFor();
    } catch (error) {
      await screenshot(page, failedName(), viewport);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('activates a new account with a code issued through the API, the password rules and a refusal beside its field', async () => {
    const issued = await adminCall<{ items: { username: string; code: string }[] }>(stack, 'POST', '/accounts/activation-codes', {
      employeeIds: [lane().newcomerId],
    });
    const { username: nip, code } = issued.items[0] ?? { username: '', code: '' };
    const { context, page } = await open(viewport);
    try {
      await page.goto(`${stack.url}/masuk`);
      await page.getByRole('link', { name: 'Aktivasi akun dengan NIP dan kode' }).click();
      await page.getByRole('heading', { name: 'Aktivasi akun' }).waitFor();
      await page.getByLabel('Wilayah').fill('kalianda');
      await page.getByLabel('NIP', { exact: true }).fill(nip);
      await page.getByLabel('Kode aktivasi dari admin').fill(code.toLowerCase());
      await page.getByLabel('Kata sandi baru', { exact: true }).fill(`sandi-${nip}`);
      await page.getByLabel('Ulangi kata sandi baru').fill(`sandi-${nip}`);
      await page.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
      await page.getByText('Kata sandi tidak boleh memuat NIP atau nama pengguna Anda.').waitFor();
      await screenshot(page, 'aktivasi-ditolak', viewport);
      await expectAccessible(page);
      await page.getByLabel('Kata sandi baru', { exact: true }).fill('kopi-tubruk-pagi-hari');
      await page.getByLabel('Ulangi kata sandi baru').fill('kopi-tubruk-pagi-hari');
      await page.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
      await page.getByRole('heading', { name: 'Kesenjangan kompetensi' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
    } catch (error) {
      await screenshot(page, failedName(), viewport);
      throw error;
    } finally {
      await context.close();
    }
  });
});
