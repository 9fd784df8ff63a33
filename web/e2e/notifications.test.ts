/**
 * The learning report's journey with its notification, in Chromium against the real Worker and
 * D1, at 360 px and at 1280 px: an employee files a report of a training with an evidence PDF on
 * Beranda; the region's admin, signed in in a second browser, finds it in the verification queue
 * and approves it on its screen (/admin/verifikasi, reached from the dashboard's tile), which
 * says the JP credited; without a reload the employee's bell count rises at its next poll; the
 * notification opens the report's page with "Disetujui" and the JP credited, and Beranda's JP has
 * grown by that amount; the admin's e-mail deliveries screen opens, and the employee saves an
 * e-mail choice on the account page the e-mails link to. axe-core runs on the queue, the
 * deliveries, the bell, the report page, the inbox and the choices;
 * screenshots go to test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../scripts/lib/demo-accounts';
import {
  adminCall,
  demoAccount,
  openPage,
  type Stack,
  screenshot,
  seriousViolations,
  signIn,
  startStack,
  type Viewport,
  viewports,
} from './harness';

let stack: Stack;
/** One employee per viewport (neither sees the other's reports), and the region's admin. */
let employees: DemoAccount[];
let admin: DemoAccount;

beforeAll(async () => {
  stack = await startStack((line) => console.log(line));
  const registry = (await adminCall<{ items: { id: string; status: string }[] }>(stack, 'GET', '/employees?limit=100')).items;
  const chosen = registry.filter((e) => e.status === 'active').slice(0, viewports.length);
  employees = await Promise.all(chosen.map((e) => demoAccount(stack, { role: 'employee', employeeId: e.id })));
  admin = await demoAccount(stack, { role: 'tenant_admin', email: 'admin-notifikasi@kalianda.bangkom.local' });
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

const open = (viewport: Viewport) => openPage(stack, viewport);

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** Today on the tenant's clock (kalianda: Asia/Jakarta), as the date picker's day buttons name it (`30 November 2026`). */
function todayLabel(now = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', year: 'numeric' }).format(now);
}

/** `12,5` → 12.5 (JP as the console writes it). */
const jpNumber = (text: string) => Number(text.replaceAll('.', '').replace(',', '.'));

/** JP this year on Beranda: the "<total> dari <target> JP" line. */
async function jpThisYear(page: Page): Promise<number> {
  const line = page.getByText(/^[\d.,]+ dari [\d.,]+ JP$/);
  await line.waitFor();
  return jpNumber((await line.textContent())?.split(' ')[0] ?? '');
}

/** The bell's unread count, from its accessible name ("Notifikasi, 3 belum dibaca" or "Notifikasi"). */
async function unreadOnBell(page: Page): Promise<number> {
  const bell = page.getByRole('button', { name: /^Notifikasi(, \d+ belum dibaca)?$/ });
  await bell.waitFor();
  const name = (await bell.getAttribute('aria-label')) ?? '';
  return Number(/(\d+) belum dibaca/.exec(name)?.[1] ?? 0);
}

const minimalPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe.each(viewports.map((viewport, index) => ({ viewport, index, width: viewport.width })))('at $width px', ({ viewport, index }) => {
  it('files a learning report with its evidence; once approved, the bell rises, the notification opens the report with the JP credited, and Beranda’s JP grows by it', async () => {
    const title = `Pelatihan Analisis Data Kepegawaian ${viewport.width}`;
    const employee = await open(viewport);
    const { page } = employee;
    try {
      await signIn(page, stack.url, employees[index] as DemoAccount, '/');
      await page.getByRole('heading', { name: 'Kesenjangan kompetensi' }).waitFor();
      const jpBefore = await jpThisYear(page);
      const unreadBefore = await unreadOnBell(page);

      // Filing: the form, a one-day training today, 10 JP claimed, the certificate as a PDF.
      await page.getByRole('button', { name: 'Laporkan pelatihan' }).click();
      const form = page.getByRole('dialog', { name: 'Laporkan pelatihan' });
      await form.waitFor();
      await form.getByLabel('Judul pelatihan').fill(title);
      await form.getByLabel('Jenis pengembangan').selectOption('pelatihan_teknis');
      await form.getByLabel('Penyelenggara').fill('BPSDM Provinsi Lampung');
      for (const field of ['Tanggal mulai', 'Tanggal selesai']) {
        await form.getByLabel(field).click();
        const today = page.locator(`button[aria-label="${todayLabel()}"]`);
        await today.click();
        // The picker closes before the next one opens (two open at once would name the day twice).
        await today.waitFor({ state: 'detached' });
      }
      await form.getByLabel('JP tertera di sertifikat').fill('10');
      await form.getByLabel('Nomor sertifikat').fill(`BPSDM/${viewport.width}/2026`);
      await form.locator('input[type="file"]').setInputFiles({ name: 'sertifikat.pdf', mimeType: 'application/pdf', buffer: minimalPdf });
      await screenshot(page, 'laporan-form', viewport);
      await form.getByRole('button', { name: 'Kirim laporan' }).click();
      await form.waitFor({ state: 'hidden' });
      const row = page.getByRole('article', { name: title });
      await row.getByText('Menunggu verifikasi').waitFor();
      const reportPath = (await row.getByRole('link', { name: title }).getAttribute('href')) ?? '';
      expect(reportPath).toMatch(/^\/laporan\/[\w-]+$/);

      // The admin, signed in in a second browser, goes from the dashboard's tile to the verification
      // queue, finds the report with what was claimed, and approves it: the screen says the JP credited.
      const second = await open(viewport);
      let credited: number;
      try {
        const queuePage = second.page;
        await signIn(queuePage, stack.url, admin, '/admin');
        await queuePage.getByRole('heading', { name: /^Dasbor /, level: 1 }).waitFor();
        await queuePage.locator('#dash-verify').getByRole('link', { name: 'Buka' }).click();
        await queuePage.waitForURL((u) => u.pathname === '/admin/verifikasi');
        await queuePage.getByRole('heading', { name: 'Verifikasi laporan', level: 1 }).waitFor();
        const queue = queuePage.getByRole('list', { name: 'Laporan' });
        await queue.waitFor();
        const waiting = queue.getByRole('article', { name: title });
        // Oldest first: the new report may be on a later page.
        while ((await waiting.count()) === 0) {
          const shown = await queue.getByRole('article').count();
          await queuePage.getByRole('button', { name: 'Muat lebih banyak' }).click();
          // The next page is in once the list holds more reports than before.
          await queue.getByRole('article').nth(shown).waitFor();
        }
        await waiting.getByText('10 JP', { exact: true }).waitFor();
        await waiting.getByText(`BPSDM/${viewport.width}/2026`, { exact: true }).waitFor();
        await waiting.getByText('Pelatihan teknis', { exact: true }).waitFor();
        await waiting.getByRole('button', { name: 'Buka bukti' }).waitFor();
        await screenshot(queuePage, 'verifikasi', viewport);
        await expectAccessible(queuePage);
        await waiting.getByRole('button', { name: 'Setujui' }).click();
        const outcome = queuePage.getByRole('status').filter({ hasText: `Disetujui: ${title}` });
        await outcome.waitFor();
        credited = jpNumber((await outcome.getByTestId('verification-credited').textContent())?.split(' ')[0] ?? '');
        expect(credited).toBeGreaterThan(0);
        expect(credited).toBeLessThanOrEqual(10);
        // Decided, it has left the queue of waiting reports.
        await waiting.waitFor({ state: 'detached' });
        await screenshot(queuePage, 'verifikasi-disetujui', viewport);
        await expectAccessible(queuePage);
        // The region's e-mails with their status, where a failed one is resent.
        await queuePage.goto(`${stack.url}/admin/notifikasi`);
        await queuePage.getByRole('heading', { name: 'Pengiriman notifikasi', level: 1 }).waitFor();
        await queuePage
          .getByRole('table', { name: 'Daftar pengiriman notifikasi' })
          .or(queuePage.getByText('Belum ada e-mail pemberitahuan dengan status ini.'))
          .waitFor();
        await screenshot(queuePage, 'pengiriman-notifikasi', viewport);
        await expectAccessible(queuePage);
      } catch (error) {
        await screenshot(second.page, 'failed-verifikasi', viewport);
        throw error;
      } finally {
        await second.context.close();
      }

      // No reload: the bell asks again within its poll (30 s).
      await page.getByRole('button', { name: `Notifikasi, ${unreadBefore + 1} belum dibaca` }).waitFor({ timeout: 45_000 });
      await page.getByRole('button', { name: `Notifikasi, ${unreadBefore + 1} belum dibaca` }).click();
      const latest = page.getByRole('dialog');
      const notice = latest.getByRole('link', { name: new RegExp(`Laporan pengembangan kompetensi disetujui: ${title}`) });
      await notice.waitFor();
      await screenshot(page, 'notifikasi-lonceng', viewport);
      await expectAccessible(page);
      await notice.click();
      await page.waitForURL((u) => u.pathname === reportPath);
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      await page.getByText('Disetujui', { exact: true }).waitFor();
      const creditedText = `${String(credited).replace('.', ',')} JP`;
      await expect(page.getByTestId('jp-credited').textContent()).resolves.toBe(creditedText);
      await page.getByText('10 JP', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Unduh bukti' }).waitFor();
      expect(await page.getByRole('button', { name: /^Tarik/ }).count()).toBe(0);
      // Opened, it is read.
      await page.getByRole('button', { name: unreadBefore === 0 ? 'Notifikasi' : `Notifikasi, ${unreadBefore} belum dibaca` }).waitFor();
      await screenshot(page, 'laporan', viewport);
      await expectAccessible(page);

      if (viewport.width < 768) await page.getByRole('button', { name: 'Buka menu' }).click();
      await page.getByRole('link', { name: 'Notifikasi', exact: true }).click();
      await page.getByRole('heading', { name: 'Notifikasi', level: 1 }).waitFor();
      await page
        .getByRole('list', { name: 'Notifikasi' })
        .getByRole('link', { name: new RegExp(title) })
        .waitFor();
      await screenshot(page, 'notifikasi', viewport);
      await expectAccessible(page);

      // The e-mail footer's link: the account page's choices, one saved.
      await page.goto(`${stack.url}/akun#notifikasi`);
      const choices = page.getByRole('list', { name: 'Pilihan e-mail per jenis pemberitahuan' });
      await choices.waitFor();
      await choices.getByText('Ringkasan harian').first().click();
      await page.getByRole('status').filter({ hasText: 'Pilihan e-mail disimpan.' }).waitFor();
      await screenshot(page, 'akun-notifikasi', viewport);
      await expectAccessible(page);

      if (viewport.width < 768) await page.getByRole('button', { name: 'Buka menu' }).click();
      await page.getByRole('link', { name: 'Beranda', exact: true }).click();
      await page.getByRole('heading', { name: 'Kesenjangan kompetensi' }).waitFor();
      await expect.poll(() => jpThisYear(page), { timeout: 15_000 }).toBeCloseTo(jpBefore + credited, 2);
      await page.getByRole('article', { name: title }).getByText('Disetujui').waitFor();
    } catch (error) {
      await screenshot(page, `failed-notifikasi`, viewport);
      throw error;
    } finally {
      await employee.context.close();
    }
  }, 180_000);
});
