/**
 * The national admin's journeys in Chromium, at 360 px and at 1280 px: a new region's manifest
 * uploaded with an error, the error shown by its path, fixed, previewed, applied, and the region
 * in the directory; then the summary recomputed (a job, followed to its end) and the new region's
 * figures suppressed — it has nobody yet — with the reason given on keyboard focus, and the wide
 * table scrolled by keyboard in its named region; a national competency added, retired and found
 * in the national audit trail. axe finds no serious or
 * critical violation on any screen; screenshots of each.
 */
import { Buffer } from 'node:buffer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalAccount, openPage, type Stack, screenshot, seriousViolations, signIn, startStack, viewports } from './harness';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack((line) => console.log(line));
}, 420_000);

afterAll(async () => {
  await stack?.stop();
});

const manifestOf = (slug: string, unitOfHead: string) => ({
  slug,
  name: `Kabupaten Uji ${slug}`,
  kind: 'kabupaten',
  regionCode: '18.09',
  timeZone: 'Asia/Jakarta',
  units: [
    {
      code: 'DINKES',
      name: 'Dinas Kesehatan',
      kind: 'dinas',
      children: [{ code: 'DINKES-YANKES', name: 'Bidang Pelayanan', kind: 'bidang' }],
    },
    { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan SDM', kind: 'badan' },
  ],
  positions: [
    { code: 'KADINKES', name: 'Kepala Dinas Kesehatan', category: 'jpt_pratama', unit: unitOfHead },
    { code: 'ANALIS-SDM', name: 'Analis SDM Aparatur', category: 'fungsional' },
  ],
});

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

describe.each(viewports.map((viewport) => ({ viewport, width: viewport.width })))('at $width px', ({ viewport }) => {
  const slug = `uji-${viewport.width}`;

  it('onboards a region: an error by its path, fixed, previewed, applied and listed; the summary refreshed shows its figures suppressed, explained', async () => {
    const account = await nationalAccount(stack, `analis.${viewport.width}@nasional.go.id`);
    const { context, page } = await openPage(stack, viewport);
    // A job's progress and a full-page screenshot of the longest tables can take a while on a loaded machine.
    page.setDefaultTimeout(60_000);
    try {
      await signIn(page, stack.url, account, '/nasional/onboarding');
      await page.getByRole('heading', { name: 'Orientasi wilayah', level: 1 }).waitFor();

      // The manifest names a unit it does not have.
      const wrong = JSON.stringify(manifestOf(slug, 'DINKESS'), null, 2);
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: `${slug}.json`, mimeType: 'application/json', buffer: Buffer.from(wrong) });
      await expect.poll(() => page.getByLabel('Isi manifes (JSON)').inputValue()).toBe(wrong);
      await page.getByRole('button', { name: 'Periksa dan pratinjau' }).click();
      const errors = page.getByTestId('manifest-errors');
      await errors.waitFor();
      expect(await errors.textContent()).toContain('positions[0].unit');
      await expectAccessible(page);
      await screenshot(page, 'national-onboarding-error', viewport);

      // Fixed in place, previewed: everything is new, nothing written yet.
      await page.getByLabel('Isi manifes (JSON)').fill(JSON.stringify(manifestOf(slug, 'DINKES'), null, 2));
      await page.getByRole('button', { name: 'Periksa dan pratinjau' }).click();
      await page.getByTestId('preview-table').waitFor();
      expect(await page.getByTestId('preview-summary').textContent()).toContain(`Wilayah ${slug} belum terdaftar`);
      const units = page.getByTestId('preview-table').getByRole('row', { name: /Unit kerja/ });
      expect((await units.getByRole('cell').allTextContents()).slice(0, 3)).toEqual(['3', '0', '0']);
      await expectAccessible(page);
      await screenshot(page, 'national-onboarding-preview', viewport);

      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.getByText('Manifes diterapkan.').waitFor();
      await page.getByRole('link', { name: 'Lihat daftar wilayah' }).click();
      await page.getByTestId(`region-${slug}`).waitFor();
      expect(await page.getByTestId(`region-${slug}`).textContent()).toContain(`Kabupaten Uji ${slug}`);
      await expectAccessible(page);
      await screenshot(page, 'national-regions', viewport);

      // The summary: recomputed as a job; the new region has nobody, so each of its figures is suppressed.
      await page.goto(`${stack.url}/nasional`);
      await page.getByRole('heading', { name: 'Ringkasan nasional' }).waitFor();
      await page.getByRole('button', { name: 'Hitung ulang sekarang' }).click();
      await expect.poll(() => page.getByTestId('refresh-status').textContent(), { timeout: 60_000 }).toContain('Selesai');
      const row = page.getByTestId(`row-${slug}`);
      const suppressed = row.getByTestId('suppressed').first();
      await suppressed.waitFor();
      expect(await suppressed.textContent()).toContain('kurang dari 5 orang');
      // The reason shows on keyboard focus, not only on hover: reached with Tab (back one, then forward),
      // as a keyboard user would, since the tooltip follows :focus-visible.
      await suppressed.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      expect(await suppressed.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
      const tooltip = page.getByRole('tooltip');
      await tooltip.waitFor();
      expect(await tooltip.textContent()).toContain('kurang dari 5 orang');
      await suppressed.blur();
      await tooltip.waitFor({ state: 'hidden' });

      // The wide table scrolls sideways inside a named region that the keyboard reaches and scrolls.
      const region = page.getByRole('region').filter({ has: page.getByTestId('summary-table') });
      expect(await region.getAttribute('aria-label')).toBeTruthy();
      expect(await region.getAttribute('tabindex')).toBe('0');
      const scrollable = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
      if (viewport.width < 768) expect(scrollable).toBe(true);
      if (scrollable) {
        await region.focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      }
      expect(await page.getByTestId('freshness').textContent()).toContain('Angka tertua dihitung pada');
      await expectAccessible(page);
      await screenshot(page, 'national-summary', viewport);

      // One region by unit.
      await page.getByRole('link', { name: /Lampung Selatan/ }).click();
      await page.getByRole('heading', { name: 'Angka per unit kerja' }).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'national-region-units', viewport);
    } catch (err) {
      await screenshot(page, `failed-national-${viewport.width}`, viewport);
      throw err;
    } finally {
      await context.close();
    }
  }, 240_000); // six screens and a job: on a loaded machine, past the default two minutes

  it('adds a national competency, retires it, and finds both in the national audit trail; the catalog lists the programs', async () => {
    const account = await nationalAccount(stack, `kurator.${viewport.width}@nasional.go.id`);
    const { context, page } = await openPage(stack, viewport);
    // A job's progress and a full-page screenshot of the longest tables can take a while on a loaded machine.
    page.setDefaultTimeout(60_000);
    const code = `UJI-${viewport.width}`;
    const name = `Kompetensi Uji ${viewport.width}`;
    try {
      await signIn(page, stack.url, account, '/nasional/kamus');
      await page.getByRole('heading', { name: 'Kamus kompetensi nasional' }).waitFor();
      await page.getByRole('button', { name: 'Kompetensi baru' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Kode').fill(code);
      await dialog.getByLabel('Nama').fill(name);
      await dialog.getByLabel('Uraian').fill('Kompetensi untuk uji perjalanan nasional.');
      for (const n of [1, 2, 3, 4, 5]) await dialog.getByLabel(`Level ${n}`).fill(`Uraian level ${n} kompetensi uji.`);
      await expectAccessible(page);
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const table = page.getByTestId('dictionary-table');
      await table.getByText(code).waitFor();
      await expectAccessible(page);
      await screenshot(page, 'national-dictionary', viewport);

      // Retired: out of the list in use, in the retired one.
      await page.getByRole('button', { name: `Pensiunkan ${name}` }).click();
      await table.getByText(code).waitFor({ state: 'detached' });
      await page.getByText('Dipensiunkan', { exact: true }).first().click();
      await page.getByRole('button', { name: `Pakai lagi ${name}` }).waitFor();

      await page.goto(`${stack.url}/nasional/katalog`);
      await page.getByRole('heading', { name: 'Katalog program nasional' }).waitFor();
      await page.getByTestId('catalog-table').or(page.getByText('Tidak ada yang cocok dengan pilihan ini.')).first().waitFor();
      await expectAccessible(page);
      await screenshot(page, 'national-catalog', viewport);

      await page.goto(`${stack.url}/nasional/audit`);
      await page.getByRole('heading', { name: 'Jejak audit nasional' }).waitFor();
      await page.getByLabel('ID objek').fill(`natcmp_${code.toLowerCase()}`);
      await page.getByLabel('Tindakan', { exact: true }).fill('competency.national.retire');
      // The filters apply after a pause in typing: until then the table may still list other retirements.
      const retired = page.getByTestId('audit-table').getByRole('row').filter({ hasText: 'competency.national.retire' });
      await expect.poll(() => retired.count(), { timeout: 30_000 }).toBe(1);
      expect(await retired.textContent()).toContain(`natcmp_${code.toLowerCase()}`);
      await expectAccessible(page);
      await screenshot(page, 'national-audit', viewport);
    } catch (err) {
      await screenshot(page, `failed-national-curation-${viewport.width}`, viewport);
      throw err;
    } finally {
      await context.close();
    }
  }, 180_000);
});
