import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../scripts/lib/demo-accounts';
import { type Priority, peopleByGap } from '../src/features/catalog/gaps';
import { checked } from './checks';
import { adminCall, demoAccount, meterApi, openPage, type Stack, screenshot, signIn, startStack, tenant, viewports } from './harness';

let stack: Stack;
const admins: DemoAccount[] = [];

beforeAll(async () => {
  stack = await startStack((line) => console.log(line));
  for (const [i] of viewports.entries()) {
    admins.push(await demoAccount(stack, { role: 'tenant_admin', email: `katalog-${i}@${tenant}.bangkom.local` }));
  }
}, 420_000);

afterAll(async () => {
  await stack?.stop();
});

/** A day `days` from today (UTC), as `yyyy-mm-dd`. */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo unit and competency with the most people who have a gap in it, and those people as the
 * screen will order them (the needs report of the unit, summed per person over that competency).
 */
async function gapUnit(): Promise<{ unitName: string; competencyId: string; people: string[] }> {
  const all = await adminCall<{ priorities: Priority[] }>(stack, 'GET', '/needs?groupBy=unit&priorities=100');
  const counts = new Map<string, Set<string>>();
  for (const p of all.priorities) {
    const key = `${p.unitId} ${p.competencyId}`;
    counts.set(key, (counts.get(key) ?? new Set()).add(p.employeeId));
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1].size - a[1].size);
  if (!best || best[1].size < 3) throw new Error('the demo region has no unit with three people short of one competency');
  const [unitId, competencyId] = best[0].split(' ') as [string, string];
  const ofUnit = await adminCall<{ priorities: Priority[] }>(stack, 'GET', `/needs?groupBy=unit&unit=${unitId}&priorities=100`);
  const unitName = all.priorities.find((p) => p.unitId === unitId)?.unitName ?? '';
  return { unitName, competencyId, people: peopleByGap(ofUnit.priorities, [competencyId]).map((p) => p.name) };
}

describe.each(viewports.map((viewport, index) => ({ viewport, index, width: viewport.width })))('at $width px', ({ viewport, index }) => {
  it('creates a program and an offering, enrolls a unit’s top-gap people past capacity, promotes the waitlist, completes with scores', async () => {
    const target = await gapUnit();
    const code = `JRN-KATALOG-${index}`;
    const title = `Bimtek Pelayanan Prima ${index}`;
    const { context, page } = await openPage(stack, viewport);
    page.setDefaultTimeout(60_000);
    const meter = meterApi(page);
    try {
      await signIn(page, stack.url, admins[index] as DemoAccount, '/admin/katalog');
      await page.getByRole('heading', { name: 'Katalog pengembangan kompetensi' }).waitFor();
      await page.getByRole('row').nth(1).waitFor();
      await checked(page, 'katalog', viewport);

      // A program of the region's own.
      await page.getByRole('button', { name: 'Program baru' }).click();
      const form = page.getByRole('dialog');
      await form.getByRole('button', { name: 'Tambah program' }).click();
      await form.getByText('Kode 2–40 karakter').waitFor();
      await form.getByLabel('Kode', { exact: true }).fill(code);
      await form.getByLabel('Judul', { exact: true }).fill(title);
      await form.getByLabel('Deskripsi').fill('Pelayanan publik yang prima bagi ASN');
      await form.getByLabel('Metode').selectOption('bimbingan_teknis');
      await form.getByLabel('JP', { exact: true }).fill('16');
      await form.getByLabel('Biaya per peserta').fill('1500000');
      await form.getByLabel('Ada pretest dan posttest (evaluasi L2)').check();
      await form.getByLabel('Kompetensi sasaran 1', { exact: true }).selectOption(target.competencyId);
      await checked(page, 'katalog-program-baru', viewport);
      await form.getByRole('button', { name: 'Tambah program' }).click();
      await form.waitFor({ state: 'detached' });
      const row = page.getByRole('row', { name: new RegExp(title) });
      await row.waitFor();
      expect(await row.textContent()).toContain('Rp 1.500.000');

      // An offering of it for two people, dates just past so that the completion may fall on its end.
      await page.getByRole('tab', { name: 'Pelaksanaan' }).click();
      await page.getByRole('button', { name: 'Pelaksanaan baru' }).click();
      const offering = page.getByRole('dialog');
      await offering.getByLabel('Program', { exact: true }).selectOption({ label: `${code} · ${title}` });
      await offering.getByLabel('Mulai').fill(dayFromToday(-10));
      await offering.getByLabel('Selesai').fill(dayFromToday(-7));
      await offering.getByLabel('Kapasitas').fill('2');
      await offering.getByLabel('Tempat').fill('Aula BKPSDM Kalianda');
      await offering.getByRole('button', { name: 'Tambah pelaksanaan' }).click();
      await page.getByRole('heading', { name: title }).waitFor();
      await expect.poll(() => page.getByTestId('seats').textContent()).toBe('0 dari 2');

      // A unit's people with the largest gaps first: three, past the two seats.
      await page.getByRole('combobox', { name: 'Unit' }).click();
      await page
        .getByRole('option', { name: new RegExp(target.unitName) })
        .first()
        .click();
      await page.getByLabel('Jumlah').fill('3');
      const enroll = page.getByRole('button', { name: 'Daftarkan 3 terpilih' });
      await enroll.waitFor();
      await checked(page, 'pelaksanaan-pilih', viewport);
      await enroll.click();
      await page.getByText('2 terdaftar, 1 masuk daftar tunggu, 0 sudah ada sebelumnya.').waitFor();
      await expect.poll(() => page.getByTestId('seats').textContent()).toBe('2 dari 2');
      // The three leave the list and nobody is chosen: a second click puts nobody else in.
      const enrolling = page.getByRole('region', { name: 'Daftarkan peserta' });
      if (target.people.length > 3) {
        await enrolling.getByRole('checkbox', { name: `Pilih ${target.people[3]}`, exact: true }).waitFor();
        expect(await enrolling.getByRole('checkbox', { name: `Pilih ${target.people[0]}`, exact: true }).count()).toBe(0);
        const boxes = await enrolling.getByRole('checkbox').all();
        const ticked = (await Promise.all(boxes.map((box) => box.isChecked()))).filter(Boolean).length;
        expect(ticked).toBe(0);
        expect(await enrolling.getByRole('button', { name: 'Daftarkan 0 terpilih' }).isDisabled()).toBe(true);
      } else {
        await enrolling.getByText('Tidak ada pegawai unit ini dengan kesenjangan').waitFor();
      }
      await page.getByRole('tab', { name: 'Daftar tunggu (1)' }).click();
      const waiting = target.people[2] as string;
      await page.getByRole('row', { name: new RegExp(waiting) }).waitFor();
      await checked(page, 'pelaksanaan-antrean', viewport);

      // More seats: the waiting one moves up, named and highlighted.
      await page.getByRole('button', { name: 'Ubah pelaksanaan' }).click();
      await page.getByRole('dialog').getByLabel('Kapasitas').fill('3');
      await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
      const announced = page.getByRole('status').filter({ hasText: 'naik dari daftar tunggu' });
      await announced.waitFor();
      expect(await announced.textContent()).toContain(waiting);
      await page.getByRole('tab', { name: 'Terdaftar (3)' }).click();
      expect(await page.locator('tr[data-promoted]').textContent()).toContain(waiting);
      for (const name of target.people.slice(0, 3)) await page.getByRole('row', { name: new RegExp(name) }).waitFor();
      await checked(page, 'pelaksanaan-naik', viewport);

      // Completion for all three at once, then their scores.
      await page.getByRole('checkbox', { name: 'Pilih semua' }).check();
      await page.getByLabel('Kehadiran').fill('90');
      await page.getByRole('button', { name: 'Catat selesai (3)' }).click();
      await page.getByText('3 dicatat selesai, 0 gagal.').waitFor();
      // Completed, they keep their seats.
      await expect.poll(() => page.getByTestId('seats').textContent()).toBe('3 dari 3');
      await page.getByRole('tab', { name: 'Selesai (3)' }).click();
      const scores = [
        [50, 75],
        [60, 80],
        [40, 70],
      ] as const;
      for (const [i, name] of target.people.slice(0, 3).entries()) {
        await page.getByLabel(`Pretest ${name}`).fill(String(scores[i]?.[0]));
        await page.getByLabel(`Posttest ${name}`).fill(String(scores[i]?.[1]));
      }
      await page.getByRole('button', { name: 'Simpan nilai' }).click();
      await page.getByText('Nilai 3 peserta tersimpan.').waitFor();
      // (post − pre) / (100 − pre): 0,5 for 50 → 75.
      expect(await page.getByRole('row', { name: new RegExp(target.people[0] as string) }).textContent()).toContain('0,5');
      // The group's normalized gain: mean pre 50, mean post 75 → (75 − 50) / (100 − 50) = 0,5.
      await expect.poll(() => page.getByTestId('hake').textContent()).toBe('0,5');
      await checked(page, 'pelaksanaan-selesai', viewport);
      expect(meter.over()).toEqual([]);
    } catch (error) {
      await screenshot(page, `failed-katalog-${index}`, viewport);
      throw error;
    } finally {
      await context.close();
    }
  }, 300_000);
});
