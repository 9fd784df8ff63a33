/**
 * The BKD's accounts journey in Chromium against the real Worker and D1, at 360 px and at 1280 px:
 * the region's admin issues activation codes for a unit on the Akun pegawai screen and reads one
 * person's code from the printable sheet; in a second browser context that person activates the
 * account with it (choosing a password), and then signs in with the password; the admin sees the
 * account active and its activation in the audit log, filtered by who and what. The JP and
 * settings screens are opened too (a JP credit by hand with its reason lands in the ledger; the
 * sign-in settings are saved as they are, at the version read, and the version moves on). axe-core runs on
 * every new screen and must find no serious or critical violation; every API answer the admin's
 * screens get stays within 3 D1 round trips of its own (Server-Timing: docs/http.md);
 * screenshots go to test-results/screenshots/ (the sheet also as printed).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../scripts/lib/demo-accounts';
import {
  adminCall,
  apiCosts,
  demoAccount,
  fillSignIn,
  openPage,
  type Stack,
  screenshot,
  seriousViolations,
  signIn,
  startStack,
  tenant,
  type Viewport,
  viewports,
} from './harness';

interface Unit {
  id: string;
  code: string;
  name: string;
  /** As the unit picker shows it: a name other units share carries the code. */
  label: string;
}
interface Lane {
  admin: DemoAccount;
  unit: Unit;
  /** Someone active in the unit, for the JP credit. */
  person: { id: string; name: string; nip: string };
}

let stack: Stack;
const lanes: Lane[] = [];

/**
 * Units with two to eight active people and none with an account yet, one per viewport: those whose
 * name other units share first (every OPD has its Sekretariat), which the picker tells apart by code.
 */
async function pickUnits(count: number): Promise<{ unit: Unit; person: Lane['person'] }[]> {
  const units = (await adminCall<{ items: Omit<Unit, 'label'>[] }>(stack, 'GET', '/units?limit=500')).items;
  const accounts = (await adminCall<{ items: { employeeId: string | null }[] }>(stack, 'GET', '/accounts?limit=500')).items;
  const withAccount = new Set(accounts.map((a) => a.employeeId));
  const shared = (unit: Omit<Unit, 'label'>) => units.filter((u) => u.name === unit.name).length > 1;
  const picked: { unit: Unit; person: Lane['person'] }[] = [];
  for (const unit of [...units.filter(shared), ...units.filter((u) => !shared(u))]) {
    const people = (await adminCall<{ items: Lane['person'][] }>(stack, 'GET', `/employees?unit=${unit.id}&status=active&limit=9`)).items;
    if (people.length < 2 || people.length > 8 || people.some((p) => withAccount.has(p.id))) continue;
    picked.push({
      unit: { ...unit, label: shared(unit) ? `${unit.name} (${unit.code})` : unit.name },
      person: people[0] as Lane['person'],
    });
    if (picked.length === count) return picked;
  }
  throw new Error('No unit fits the journey');
}

beforeAll(async () => {
  stack = await startStack((line) => console.log(line));
  const units = await pickUnits(viewports.length);
  for (const [index, { unit, person }] of units.entries()) {
    lanes.push({ admin: await demoAccount(stack, { role: 'tenant_admin', email: `akun-${index}@${tenant}.bangkom.local` }), unit, person });
  }
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

const open = (viewport: Viewport) => openPage(stack, viewport);

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

/** Every API answer of the screen so far within 3 D1 round trips of its own; starts counting again. */
function expectWithinBudget(costs: ReturnType<typeof apiCosts>, screen: string): void {
  expect(costs.over(3), `${screen}: answers over 3 D1 round trips (or without Server-Timing)`).toEqual([]);
  costs.take();
}

/** Opens the navigation (behind the menu button on a phone) and follows one of its links. */
async function navigate(page: Page, viewport: Viewport, name: string): Promise<void> {
  if (viewport.width < 768) await page.getByRole('button', { name: 'Buka menu' }).click();
  await page.getByRole('link', { name, exact: true }).click();
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Chooses an option of a select, typing part of its text first when the select is searchable. */
async function choose(page: Page, label: string, text: string, searchable = true): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  if (searchable) await box.fill(text);
  await page
    .getByRole('option', { name: new RegExp(`${escaped(text)}$`) })
    .first()
    .click();
}

describe.each(viewports.map((viewport, index) => ({ viewport, index, width: viewport.width })))('at $width px', ({ viewport, index }) => {
  const lane = () => lanes[index] as Lane;

  // Three browsers and five screens, each with axe and a screenshot: room for a loaded machine.
  it('issues codes for a unit, one person activates with the code from the sheet and signs in, and the admin sees it', {
    timeout: 300_000,
  }, async () => {
    const admin = await open(viewport);
    const person = await open(viewport);
    const again = await open(viewport);
    let page = admin.page;
    const costs = apiCosts(admin.page);
    try {
      // Straight to the screen: the dashboard's heat map of the whole region is a long page to wait for.
      await signIn(page, stack.url, lane().admin, '/admin/akun');
      await page.getByRole('heading', { name: 'Akun pegawai', level: 1 }).waitFor();
      await page.getByRole('caption').filter({ hasText: 'Akun di wilayah ini' }).waitFor();
      await screenshot(page, 'akun-pegawai', viewport);
      await expectAccessible(page);
      expectWithinBudget(costs, 'akun-pegawai');

      await choose(page, 'Unit', lane().unit.label);
      await page.getByRole('button', { name: 'Buat kode aktivasi' }).click();
      const sheet = page.getByRole('region', { name: 'Lembar kode aktivasi akun' });
      await sheet.waitFor();
      const slips = sheet.getByTestId('activation-slip');
      const people = (
        await adminCall<{ items: { nip: string }[] }>(stack, 'GET', `/employees?unit=${lane().unit.id}&status=active&limit=9`)
      ).items;
      expect(await slips.count()).toBe(people.length);
      expect((await sheet.getByTestId('slip-nip').allTextContents()).sort()).toEqual(people.map((p) => p.nip).sort());
      await screenshot(page, 'akun-lembar-kode', viewport);
      await expectAccessible(page);
      // On paper only the sheet: the console around it is not printed.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('button', { name: 'Buat kode aktivasi' }).isVisible()).toBe(false);
      await screenshot(page, 'akun-lembar-kode-cetak', viewport);
      await page.emulateMedia({ media: 'screen' });
      expectWithinBudget(costs, 'akun-lembar-kode');

      const slip = slips.last();
      const nip = (await slip.getByTestId('slip-nip').textContent()) ?? '';
      const code = (await slip.getByTestId('slip-code').textContent()) ?? '';
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(await slip.textContent()).toContain(`${stack.url}/aktivasi`);

      // The person, in another browser: activate with the code, choosing a password.
      page = person.page;
      const password = `teh-manis-sore-${index}-${nip.slice(-4)}`;
      await page.goto(`${stack.url}/aktivasi`);
      await page.getByRole('heading', { name: 'Aktivasi akun' }).waitFor();
      await page.getByLabel('Wilayah').fill(tenant);
      await page.getByLabel('NIP', { exact: true }).fill(nip);
      await page.getByLabel('Kode aktivasi dari admin').fill(code);
      await page.getByLabel('Kata sandi baru', { exact: true }).fill(password);
      await page.getByLabel('Ulangi kata sandi baru').fill(password);
      await page.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
      await page.getByRole('heading', { name: 'Kesenjangan kompetensi' }).waitFor();

      // And signs in with the password, in a fresh browser.
      page = again.page;
      await page.goto(`${stack.url}/`);
      await page.getByRole('heading', { name: 'Masuk' }).waitFor();
      await fillSignIn(page, { tenant, role: 'employee', username: nip, password });
      await page.getByRole('heading', { name: 'Kesenjangan kompetensi' }).waitFor();

      // The admin: the account is active, and its activation is in the audit log.
      page = admin.page;
      await page.reload();
      await page.getByRole('heading', { name: 'Akun pegawai', level: 1 }).waitFor();
      await choose(page, 'Status', 'Aktif', false);
      await page.waitForURL((u) => u.search === '?status=active');
      // The filtered page replaces the whole list: no account waiting for activation is left in it.
      const list = page.getByRole('region', { name: 'Akun di wilayah ini, menurut nama pengguna' });
      await expect.poll(() => list.getByText('Belum diaktifkan', { exact: true }).count(), { timeout: 30_000 }).toBe(0);
      await list.getByRole('row').filter({ hasText: nip }).getByText('Aktif', { exact: true }).waitFor();
      await screenshot(page, 'akun-aktif', viewport);
      // Found by the start of the NIP, searched by the server with the status kept.
      await page.getByLabel('Cari akun').fill(nip.slice(0, 14));
      await page.waitForURL((u) => u.searchParams.get('q') === nip.slice(0, 14) && u.searchParams.get('status') === 'active');
      await expect.poll(() => list.getByRole('row').count(), { timeout: 30_000 }).toBe(2);
      await list.getByRole('row').filter({ hasText: nip }).getByText('Aktif', { exact: true }).waitFor();
      await screenshot(page, 'akun-cari', viewport);
      await expectAccessible(page);
      expectWithinBudget(costs, 'akun-aktif');

      const accounts = (await adminCall<{ items: { id: string; username: string }[] }>(stack, 'GET', '/accounts?status=active&limit=500'))
        .items;
      const accountId = accounts.find((a) => a.username === nip)?.id ?? '';
      await navigate(page, viewport, 'Jejak audit');
      await page.getByRole('heading', { name: 'Jejak audit', level: 1 }).waitFor();
      await page.getByLabel('Pelaku').fill(accountId);
      await page.getByLabel('Tindakan').fill('account.activate');
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await page.waitForURL((u) => u.search === `?actor=${accountId}&action=account.activate`);
      const entries = page.getByRole('region', { name: 'Catatan audit, terbaru di atas' }).getByRole('row');
      // The header and the one activation (the unfiltered page stays on screen until the filtered one arrives).
      await expect.poll(() => entries.count(), { timeout: 30_000 }).toBe(2);
      expect(await entries.nth(1).textContent()).toMatch(new RegExp(escaped(accountId)));
      await screenshot(page, 'jejak-audit', viewport);
      await expectAccessible(page);
      expectWithinBudget(costs, 'jejak-audit');
    } catch (error) {
      await screenshot(page, `failed-bkd-accounts-${index}`, viewport);
      throw error;
    } finally {
      await Promise.all([admin.context.close(), person.context.close(), again.context.close()]);
    }
  });

  it('credits JP by hand with a reason into a person’s ledger, reads the recap, and opens the settings', async () => {
    const { context, page } = await open(viewport);
    const costs = apiCosts(page);
    try {
      await signIn(page, stack.url, lane().admin, '/admin/jp');
      await page.getByRole('heading', { name: 'Jam pelajaran (JP)', level: 1 }).waitFor();
      await page.getByTestId('jp-recap').waitFor();
      await screenshot(page, 'jp', viewport);
      await expectAccessible(page);
      expectWithinBudget(costs, 'jp');

      await choose(page, 'Pegawai', lane().person.nip);
      await page.getByRole('heading', { name: /^Buku JP / }).waitFor();
      await page.getByLabel('Jumlah JP').fill('3');
      await page.getByRole('button', { name: 'Catat JP' }).click();
      await page.getByText('Tuliskan alasan pencatatan (paling sedikit 5 huruf).').waitFor();
      const reason = `Bimtek arsip digital ${index}`;
      await page.getByLabel('Alasan').fill(reason);
      await page.getByRole('button', { name: 'Catat JP' }).click();
      await page.getByText('3 JP tercatat.').waitFor();
      await page.getByTestId('jp-ledger').getByText(reason).waitFor();
      await screenshot(page, 'jp-pegawai', viewport);
      await expectAccessible(page);
      expectWithinBudget(costs, 'jp-pegawai');

      await navigate(page, viewport, 'Pengaturan');
      await page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();
      await page.getByLabel('Target JP PNS').waitFor();
      await page.getByLabel('Jeda evaluasi perilaku (L3), hari').waitFor();
      const totp = page.getByRole('switch', { name: /Wajibkan verifikasi dua langkah/ });
      await totp.waitFor({ state: 'attached' });
      await screenshot(page, 'pengaturan', viewport);
      await expectAccessible(page);
      // The sign-in settings saved as they are (nothing changes for the other lane's admin): at the
      // version read, which the answer moves on by one.
      const before = (await adminCall<{ version: number }>(stack, 'GET', '/sign-in-settings')).version;
      const signInForm = page.getByRole('form', { name: 'Masuk' });
      await signInForm.getByText(`Versi ${before}`).waitFor();
      await signInForm.getByRole('button', { name: 'Simpan' }).click();
      await signInForm.getByText('Tersimpan.').waitFor();
      await signInForm.getByText(`Versi ${before + 1}`).waitFor();
      expect(await totp.isChecked()).toBe(false);
      expectWithinBudget(costs, 'pengaturan');
    } catch (error) {
      await screenshot(page, `failed-bkd-jp-${index}`, viewport);
      throw error;
    } finally {
      await context.close();
    }
  });
});
