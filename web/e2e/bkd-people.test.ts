/**
 * The BKD admin's people screens in Chromium, at 360 px and 1280 px, signed in through the
 * sign-in screen as a tenant admin: import a CSV with bad rows, see each one (row, column,
 * reason), filter and download them, fix the file, commit it and watch the job finish; find an
 * employee registered for the journey, edit them and meet a version conflict from a second tab,
 * reload and save. Each journey makes its own data and runs alone.
 * Every API answer the screens get stays within 3 D1 round trips (Server-Timing), axe finds no
 * serious or critical violation, and each screen is kept as a screenshot.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../scripts/lib/demo-accounts';
import { checked } from './checks';
import { adminCall, demoAccount, meterApi, type Stack, screenshot, signIn, startStack, tenant, type Viewport, viewports } from './harness';

let stack: Stack;
const admins: DemoAccount[] = [];

beforeAll(async () => {
  stack = await startStack((line) => console.log(line));
  for (const [i] of viewports.entries()) {
    admins.push(await demoAccount(stack, { role: 'tenant_admin', email: `bkd-${i}@${tenant}.bangkom.local` }));
  }
}, 420_000);

afterAll(async () => {
  await stack?.stop();
});

async function open(
  viewport: Viewport,
  context?: BrowserContext,
): Promise<{ context: BrowserContext; page: Page; meter: ReturnType<typeof meterApi> }> {
  const ctx =
    context ??
    (await stack.browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      locale: 'id-ID',
      reducedMotion: 'reduce',
      bypassCSP: true,
      acceptDownloads: true,
    }));
  const page = await ctx.newPage();
  // A job's progress and a second tab's renewal can take a while on a loaded machine.
  page.setDefaultTimeout(60_000);
  return { context: ctx, page, meter: meterApi(page) };
}

/** A PNS NIP of this journey's lane: born 1990-0(k+1)-1(lane), appointed 2015-03, female, sequence 1(lane)(k). */
const nip = (lane: number, k: number) => `19900${k + 1}1${lane}2015032${1}${lane}${k}`;

const header = 'nip,name,unit_code,position_code,grade,employment_type';
const row = (n: string, name: string, unit = 'PKM-KALIANDA') => `${n},"${name}",${unit},PERAWAT-TERAMPIL,III/a,pns`;

/** Registers an employee through the API (a nurse of the health centre, as the CSV's rows), for the journey that edits one. */
async function registerNurse(nipValue: string, name: string): Promise<void> {
  const units = await adminCall<{ items: { id: string; code: string }[] }>(stack, 'GET', '/units?limit=500');
  const positions = await adminCall<{ items: { id: string; code: string }[] }>(stack, 'GET', '/positions?limit=500');
  const unitId = units.items.find((u) => u.code === 'PKM-KALIANDA')?.id;
  const positionId = positions.items.find((p) => p.code === 'PERAWAT-TERAMPIL')?.id;
  if (!unitId || !positionId) throw new Error('the demo region has no PKM-KALIANDA or PERAWAT-TERAMPIL');
  await adminCall(stack, 'POST', '/employees', { nip: nipValue, name, unitId, positionId, grade: 'III/a', employmentType: 'pns' });
}

describe.each(viewports.map((viewport, index) => ({ viewport, index, width: viewport.width })))('at $width px', ({ viewport, index }) => {
  const names = [0, 1, 2].map((k) => `Perawat Uji ${index}${k}, A.Md.Kep.`);
  const good = names.map((name, k) => row(nip(index, k), name));
  const badDate = row(`199002312015032${9}${index}3`, `Perawat Salah Tanggal ${index}`);
  const badUnit = row(nip(index, 4), `Perawat Salah Unit ${index}`, 'TIDAK-ADA');
  /** The employee the editing journey registers for itself (a NIP the import never uses). */
  const edited = { nip: nip(index, 5), name: `Perawat Ubah ${index}, A.Md.Kep.` };

  it('imports a CSV with bad rows, shows and downloads them, then commits the fixed file and sees the job finish', async () => {
    const { context, page, meter } = await open(viewport);
    try {
      await signIn(page, stack.url, admins[index] as DemoAccount, '/admin/impor');
      await page.getByRole('heading', { name: 'Impor & ekspor pegawai' }).waitFor();
      await checked(page, 'impor', viewport);
      const file = page.locator('input[type=file]');
      await file.setInputFiles({
        name: 'pegawai.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, ...good, badDate, badUnit].join('\n')),
      });
      await page.getByRole('heading', { name: 'Hasil pemeriksaan' }).waitFor();
      const errors = page.getByTestId('import-error');
      await expect.poll(() => errors.count()).toBeGreaterThanOrEqual(2);
      await expect(errors.filter({ hasText: 'unit_code' }).first().textContent()).resolves.toMatch(/^6unit_code/);
      await expect(errors.filter({ hasText: 'nip' }).first().textContent()).resolves.toMatch(/^5nip.*not a real date/);
      await expect(page.getByTestId('import-counts').textContent()).resolves.toMatch(/Ditolak2/);
      await checked(page, 'impor-kesalahan', viewport);
      // A Mantine Select: its input is a combobox.
      await page.getByRole('combobox', { name: 'Kolom' }).click();
      await page.getByRole('option', { name: 'unit_code' }).click();
      await expect.poll(() => errors.count()).toBe(1);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: /Unduh daftar kesalahan/ }).click(),
      ]);
      const saved = await download.path();
      const text = saved ? await import('node:fs/promises').then((fs) => fs.readFile(saved, 'utf8')) : '';
      expect(text.split('\r\n')[0]).toBe('row,column,reason');
      expect(text).toContain('6,unit_code,');

      // Fixed: the bad rows left out.
      await file.setInputFiles({ name: 'pegawai-perbaikan.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...good].join('\n')) });
      await page.getByRole('button', { name: 'Terapkan 3 baris' }).waitFor();
      expect(await errors.count()).toBe(0);
      await page.getByRole('button', { name: 'Terapkan 3 baris' }).click();
      await page.getByTestId('job-status').filter({ hasText: 'Selesai' }).waitFor();
      await expect(page.getByTestId('import-result').textContent()).resolves.toContain('3 ditambah');
      expect(await page.getByRole('progressbar', { name: 'Baris diterapkan' }).getAttribute('aria-valuenow')).toBe('100');
      await checked(page, 'impor-selesai', viewport);

      await page.goto(`${stack.url}/admin/pegawai?q=${encodeURIComponent(`Perawat Uji ${index}`)}`);
      await page.getByRole('link', { name: names[0] as string }).waitFor();
      expect(await page.getByRole('link', { name: /^Perawat Uji/ }).count()).toBe(3);
      await checked(page, 'pegawai', viewport);
      expect(meter.over()).toEqual([]);
    } catch (error) {
      await screenshot(page, `failed-import-${index}`, viewport);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('edits an employee and meets a change made meanwhile in a second tab, reloads it and saves', async () => {
    await registerNurse(edited.nip, edited.name);
    const first = await open(viewport);
    const { context } = first;
    try {
      await signIn(first.page, stack.url, admins[index] as DemoAccount, `/admin/pegawai?q=${encodeURIComponent(edited.name)}`);
      await first.page.getByRole('link', { name: edited.name }).click();
      await first.page.getByRole('heading', { name: 'Kesenjangan kompetensi' }).waitFor();
      await checked(first.page, 'pegawai-rekam', viewport);
      await first.page.getByRole('link', { name: 'Ubah' }).click();
      await first.page.getByRole('heading', { name: 'Ubah data pegawai' }).waitFor();
      const path = new URL(first.page.url()).pathname;
      await first.page.getByRole('textbox', { name: 'NIP', exact: true }).fill('19900231');
      await first.page.getByText('bukan tanggal yang ada').waitFor();
      await first.page.getByRole('textbox', { name: 'NIP', exact: true }).fill(edited.nip);
      await first.page.getByText('Perempuan').waitFor();
      await checked(first.page, 'pegawai-ubah', viewport);

      // A second tab of the same browser (its session renewed from the shared cookie) saves first.
      const second = await open(viewport, context);
      await second.page.goto(`${stack.url}${path}`);
      await second.page.getByRole('heading', { name: 'Ubah data pegawai' }).waitFor();
      await second.page.getByRole('textbox', { name: 'Nama', exact: true }).fill(`${edited.name} (tab kedua)`);
      await second.page.getByRole('button', { name: 'Simpan perubahan' }).click();
      await second.page.getByRole('link', { name: 'Ubah' }).waitFor();

      await first.page.getByRole('textbox', { name: 'Nama', exact: true }).fill(`${edited.name} (tab pertama)`);
      await first.page.getByRole('button', { name: 'Simpan perubahan' }).click();
      await first.page.getByText('Data ini baru saja diubah orang lain').waitFor();
      await checked(first.page, 'pegawai-konflik', viewport);
      await first.page.getByRole('button', { name: 'Muat ulang' }).click();
      await expect
        .poll(() => first.page.getByRole('textbox', { name: 'Nama', exact: true }).inputValue())
        .toBe(`${edited.name} (tab kedua)`);
      await first.page.getByRole('textbox', { name: 'Nama', exact: true }).fill(`${edited.name} (tab pertama)`);
      await first.page.getByRole('button', { name: 'Simpan perubahan' }).click();
      await first.page.getByRole('heading', { name: `${edited.name} (tab pertama)` }).waitFor();
      expect(first.meter.over()).toEqual([]);
      expect(second.meter.over()).toEqual([]);
    } catch (error) {
      await screenshot(first.page, `failed-edit-${index}`, viewport);
      throw error;
    } finally {
      await context.close();
    }
  });
});
