/**
 * Recommendations and the plan's chosen offerings in Chromium, at 360 px and 1280 px, signed in
 * through the sign-in screen as a tenant admin. On a person's record (/admin/pegawai/:id) the
 * section Rekomendasi shows their programs with reason lines; "Daftarkan" on a program with two
 * schedules asks which, and the full one puts the person on its waitlist, said beside the program
 * and found on the offering's queue. On Rekomendasi (/admin/rekomendasi?unit=) a unit's people are
 * listed with their own programs, and one of them is enrolled there (found in the queue through the API).
 * A plan computed with two of the year's offerings ticked uses only those. Every read stays within
 * 3 D1 round trips (Server-Timing); axe finds no serious or critical violation; each screen is
 * kept as a screenshot.
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
    admins.push(await demoAccount(stack, { role: 'tenant_admin', email: `rekomendasi-${i}@${tenant}.bangkom.local` }));
  }
}, 420_000);

afterAll(async () => {
  await stack?.stop();
});

interface Recommended {
  program: { id: string; title: string };
  offerings: { id: string; startDate: string }[];
}
interface Person {
  employee: { id: string; name: string; nip: string };
  items: Recommended[];
}
interface Offering {
  id: string;
  programTitle: string;
  startDate: string;
  capacity: number;
  enrolled: number;
  location: string | null;
  online: boolean;
  status: string;
}

const day = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const formatDay = (iso: string) => day.format(new Date(`${iso}T00:00:00Z`));
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The demo's people whose best program has a schedule open, unit by unit (as the API ranks them), each with their unit. */
async function recommendedPeople(): Promise<(Person & { unitId: string })[]> {
  const units = await adminCall<{ items: { id: string }[] }>(stack, 'GET', '/units?limit=500');
  const found: (Person & { unitId: string })[] = [];
  for (const unit of units.items) {
    const answer = await adminCall<{ people: Person[] }>(stack, 'GET', `/units/${unit.id}/recommendations/people?limit=3`);
    for (const p of answer.people) if ((p.items[0]?.offerings.length ?? 0) > 0) found.push({ ...p, unitId: unit.id });
    if (found.length >= 2 * viewports.length) return found;
  }
  throw new Error(`the demo region has ${found.length} people recommended a program with a schedule, fewer than the journeys need`);
}

/** Ticks `label`'s checkbox in the open form, or unticks it. */
async function tick(page: Page, label: RegExp, on: boolean): Promise<void> {
  const box = page.getByRole('checkbox', { name: label });
  if ((await box.isChecked()) !== on) await box.click();
}

describe.each(viewports.map((viewport, index) => ({ viewport, index, width: viewport.width })))('at $width px', ({ viewport, index }) => {
  it('enrolls a person from their recommendations into a full schedule (waitlisted, seen on the queue) and one from the unit view', async () => {
    const people = await recommendedPeople();
    const [a, b] = [people[2 * index], people[2 * index + 1]] as [Person, Person & { unitId: string }];
    const program = a.items[0] as Recommended;
    // A second schedule of a's best program, with one seat that someone else already holds.
    const start = `2027-09-0${index + 1}`;
    const full = await adminCall<{ id: string }>(stack, 'POST', `/offerings`, {
      programId: program.program.id,
      startDate: start,
      endDate: start,
      capacity: 1,
      location: `Ruang Rapat ${index + 1}`,
      status: 'open',
    });
    const registry = await adminCall<{ items: { id: string }[] }>(stack, 'GET', '/employees?limit=10');
    const holder = registry.items.find((e) => e.id !== a.employee.id && e.id !== b.employee.id) as { id: string };
    await adminCall(stack, 'POST', `/offerings/${full.id}/enrollments`, { employeeIds: [holder.id] });

    const { context, page } = await openPage(stack, viewport);
    page.setDefaultTimeout(60_000);
    const meter = meterApi(page);
    try {
      await signIn(page, stack.url, admins[index] as DemoAccount, `/admin/pegawai/${a.employee.id}`);
      const section = page.locator('#recommendations');
      const card = section.getByRole('article', { name: program.program.title });
      await card.waitFor();
      // The reason lines: which competency, from what level to what.
      await expect(card.textContent()).resolves.toMatch(/Alasan:.*: level \d → \d/);
      await checked(page, 'pegawai-rekomendasi', viewport);

      await card.getByRole('button', { name: `Daftarkan ${a.employee.name} di ${program.program.title}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Pilih pelaksanaan' });
      await dialog.waitFor();
      await dialog.getByRole('radio', { name: new RegExp(`^${literal(formatDay(start))} `) }).check();
      await checked(page, 'rekomendasi-pilih', viewport);
      await dialog.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      const outcome = card.getByTestId('enroll-outcome');
      await outcome.getByText(`penuh: ${a.employee.name} masuk daftar tunggu`, { exact: false }).waitFor();
      await checked(page, 'rekomendasi-daftar-tunggu', viewport);

      // The offering's queue names them on its waitlist.
      await outcome.getByRole('link', { name: 'Lihat antrean' }).click();
      await page.waitForURL(`**/admin/katalog/pelaksanaan/${full.id}`);
      await page.getByRole('tab', { name: 'Daftar tunggu (1)' }).click();
      await page.getByRole('tabpanel').getByText(a.employee.name).waitFor();

      // The unit's people with their own programs; b is enrolled from there.
      await page.goto(`${stack.url}/admin/rekomendasi?unit=${b.unitId}`);
      await page.getByRole('heading', { name: 'Rekomendasi pelatihan per unit' }).waitFor();
      const person = page.locator(`#person-${b.employee.id}`);
      const first = b.items[0] as Recommended;
      const offering = first.offerings[0] as { id: string; startDate: string };
      const bCard = person.getByRole('article', { name: first.program.title });
      await bCard.waitFor();
      await checked(page, 'rekomendasi-unit', viewport);
      await bCard.getByRole('button', { name: `Daftarkan ${b.employee.name} di ${first.program.title}` }).click();
      // One schedule enrolls at once; several (the program may be a's, with its new one) ask which first.
      const pick = page.getByRole('dialog', { name: 'Pilih pelaksanaan' });
      const outcomeB = bCard.getByTestId('enroll-outcome');
      await pick.or(outcomeB).first().waitFor();
      if (await pick.isVisible()) {
        await pick.getByRole('radio', { name: new RegExp(`^${literal(formatDay(offering.startDate))} `) }).check();
        await pick.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      }
      const said = await outcomeB.textContent();
      expect(said).toMatch(new RegExp(`${literal(b.employee.name)} (terdaftar di|masuk daftar tunggu|sudah ada di)`));
      const queue = await adminCall<{ items: { employeeId: string; status: string }[] }>(
        stack,
        'GET',
        `/offerings/${offering.id}/enrollments?limit=500`,
      );
      expect(queue.items.find((e) => e.employeeId === b.employee.id)?.status).toMatch(/^(enrolled|waitlisted|requested|completed)$/);
      expect(meter.over()).toEqual([]);
    } catch (error) {
      await screenshot(page, `failed-rekomendasi-${index}`, viewport);
      throw error;
    } finally {
      await context.close();
    }
  }, 300_000);

  it('computes a plan with two of the year’s offerings ticked, and its lines use only those', async () => {
    const year = 2027;
    const listed = await adminCall<{ items: Offering[] }>(stack, 'GET', `/offerings?from=${year}-01-01&limit=500`);
    const usable = listed.items.filter(
      (o) => o.startDate.startsWith(`${year}-`) && ['planned', 'open'].includes(o.status) && o.enrolled < o.capacity,
    );
    const chosen = usable.slice(0, 2);
    expect(chosen).toHaveLength(2);
    const label = (o: Offering) => new RegExp(`^${literal(`${o.programTitle} · ${formatDay(o.startDate)} · `)}`);

    const { context, page } = await openPage(stack, viewport);
    page.setDefaultTimeout(60_000);
    const meter = meterApi(page);
    try {
      await signIn(page, stack.url, admins[index] as DemoAccount, `/admin/rencana?tahun=${year}`);
      await page.getByRole('heading', { name: 'Rencana pengembangan kompetensi tahunan' }).waitFor();
      await page.getByRole('textbox', { name: 'Anggaran', exact: true }).fill('100000000');
      await tick(page, /^Semua pelaksanaan/, false);
      for (const o of chosen) await tick(page, label(o), true);
      await checked(page, 'rencana-pelaksanaan', viewport);
      await page.getByRole('button', { name: 'Hitung rencana' }).click();
      await page.getByTestId('job-status').filter({ hasText: 'Selesai' }).waitFor({ timeout: 120_000 });
      await page.waitForURL((u) => u.searchParams.has('rencana'));
      const planId = new URL(page.url()).searchParams.get('rencana') as string;
      await page.getByTestId('plan-line').first().waitFor();

      const plan = await adminCall<{ options: { offerings?: string[] } }>(stack, 'GET', `/plans/${planId}`);
      expect([...(plan.options.offerings ?? [])].sort()).toEqual(chosen.map((o) => o.id).sort());
      const lines = await adminCall<{ items: { offeringId: string }[] }>(stack, 'GET', `/plans/${planId}/lines?limit=500`);
      expect(lines.items.length).toBeGreaterThan(0);
      const ids = new Set(chosen.map((o) => o.id));
      expect(lines.items.filter((l) => !ids.has(l.offeringId))).toEqual([]);
      await checked(page, 'rencana-pelaksanaan-hasil', viewport);
      expect(meter.over()).toEqual([]);
    } catch (error) {
      await screenshot(page, `failed-rencana-pelaksanaan-${index}`, viewport);
      throw error;
    } finally {
      await context.close();
    }
  }, 300_000);
});
