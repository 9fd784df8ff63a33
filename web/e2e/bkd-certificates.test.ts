/**
 * Certificates from the console, at 360 px and at 1280 px (one offering of three people per
 * width): the queue of a finished offering, without a signing official, says why nothing can be
 * issued and links to Pengaturan; the official is set there (at the version read); back on the
 * queue the three are recorded completed and passed, "Terbitkan sertifikat" issues all three as a
 * job whose progress is shown to the end, and one certificate is downloaded as a PDF. axe-core runs
 * on every screen, each is kept as a screenshot, and every read of the screens costs at most three
 * D1 round trips.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../scripts/lib/demo-accounts';
import { checked } from './checks';
import { adminCall, demoAccount, meterApi, openPage, type Stack, screenshot, signIn, startStack, tenant, viewports } from './harness';

let stack: Stack;
const admins: DemoAccount[] = [];
const offerings: string[] = [];
const people: string[][] = [];

/** A day `days` from today (UTC), as `yyyy-mm-dd`. */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await startStack((line) => console.log(line));
  const employees = (await adminCall<{ items: { id: string; name: string; status: string }[] }>(stack, 'GET', '/employees?limit=100')).items
    .filter((e) => e.status === 'active')
    .slice(0, 3 * viewports.length);
  const programs = (await adminCall<{ items: { id: string; code: string }[] }>(stack, 'GET', '/programs?limit=200')).items;
  const training = programs.find((p) => p.code === 'BIMTEK-PELAYANAN');
  if (!training) throw new Error('the demo catalog has no BIMTEK-PELAYANAN program');
  for (const [i] of viewports.entries()) {
    admins.push(await demoAccount(stack, { role: 'tenant_admin', email: `sertifikat-${i}@${tenant}.bangkom.local` }));
    const offering = await adminCall<{ id: string }>(stack, 'POST', '/offerings', {
      programId: training.id,
      startDate: dayFromToday(-10),
      endDate: dayFromToday(-7),
      capacity: 3,
      location: `Aula BKPSDM Kalianda ${i}`,
      online: false,
      status: 'running',
    });
    const mine = employees.slice(3 * i, 3 * i + 3);
    await adminCall(stack, 'POST', `/offerings/${offering.id}/enrollments`, { employeeIds: mine.map((e) => e.id) });
    offerings.push(offering.id);
    people.push(mine.map((e) => e.name));
  }
}, 420_000);

afterAll(async () => {
  await stack?.stop();
});

describe.each(viewports.map((viewport, index) => ({ viewport, index, width: viewport.width })))('at $width px', ({ viewport, index }) => {
  it('sets the signing official from the queue’s notice, completes three people, issues their certificates as a job and downloads one', async () => {
    // Each width starts without an official, so that its queue says why nothing can be issued.
    const settings = await adminCall<{ version: number; numberPattern: string; issuerUnit: string; issuedPlace: string | null }>(
      stack,
      'GET',
      '/certificate-settings',
    );
    const { numberPattern, issuerUnit, issuedPlace } = settings;
    await adminCall(
      stack,
      'PUT',
      '/certificate-settings',
      { numberPattern, issuerUnit, issuedPlace, official: null },
      {
        'if-match': `"v${settings.version}"`,
      },
    );
    const { context, page } = await openPage(stack, viewport);
    page.setDefaultTimeout(60_000);
    const meter = meterApi(page);
    const names = people[index] as string[];
    try {
      await signIn(page, stack.url, admins[index] as DemoAccount, `/admin/katalog/pelaksanaan/${offerings[index]}`);
      await page.getByRole('tab', { name: 'Terdaftar (3)' }).waitFor();

      // Completion for all three at once.
      await page.getByRole('checkbox', { name: 'Pilih semua' }).check();
      await page.getByLabel('Kehadiran').fill('95');
      await page.getByRole('button', { name: 'Catat selesai (3)' }).click();
      await page.getByText('3 dicatat selesai, 0 gagal.').waitFor();
      await page.getByRole('tab', { name: 'Selesai (3)' }).click();
      for (const name of names) await page.getByRole('row', { name: new RegExp(name) }).waitFor();

      // No official yet: said, with the way to the setting, and the batch cannot start.
      await page.getByText('Belum ada pejabat penanda tangan').waitFor();
      const issueAll = page.getByRole('button', { name: 'Terbitkan sertifikat (3 peserta lulus)' });
      expect(await issueAll.isDisabled()).toBe(true);
      await checked(page, 'sertifikat-tanpa-pejabat', viewport);
      await page.getByRole('link', { name: 'Atur pejabat penanda tangan di Pengaturan' }).click();
      await page.getByRole('heading', { name: 'Pengaturan', level: 1 }).waitFor();

      const form = page.getByRole('form', { name: 'Sertifikat' });
      await form.getByLabel('Nama pejabat').fill('Dr. Hendra Wijaya, S.STP., M.Si.');
      await form.getByLabel('NIP pejabat').fill('197204101998031004');
      await form.getByLabel('Jabatan pejabat').fill('Kepala BKPSDM Kabupaten Lampung Selatan');
      await form.getByRole('button', { name: 'Simpan' }).click();
      await form.getByText('Tersimpan.').waitFor();
      await checked(page, 'pengaturan-sertifikat', viewport);

      // Back on the queue: the three passed people's certificates at once, the job followed to its end.
      await page.goBack();
      await page.getByRole('tab', { name: 'Selesai (3)' }).click();
      await issueAll.waitFor();
      await expect.poll(() => issueAll.isEnabled()).toBe(true);
      await issueAll.click();
      // At 0 % the bar has no width (present, not visible), so it is waited for as present.
      await page.getByRole('progressbar', { name: 'Penerbitan sertifikat' }).waitFor({ state: 'attached' });
      await page.getByText('3 dari 3 sertifikat telah terbit.').waitFor();
      const downloads = page.getByRole('button', { name: /^Unduh sertifikat .* sebagai PDF$/ });
      await expect.poll(() => downloads.count()).toBe(3);
      for (const name of names) expect(await page.getByRole('button', { name: `Terbitkan sertifikat ${name}` }).count()).toBe(0);
      await checked(page, 'sertifikat-terbit', viewport);

      // One certificate as a PDF.
      const [download] = await Promise.all([page.waitForEvent('download'), downloads.first().click()]);
      expect(download.suggestedFilename()).toMatch(/^sertifikat-.+\.pdf$/);
      const bytes = await readFile((await download.path()) as string);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(meter.over()).toEqual([]);
    } catch (error) {
      await screenshot(page, `failed-sertifikat-${index}`, viewport);
      throw error;
    } finally {
      await context.close();
    }
  }, 300_000);
});
