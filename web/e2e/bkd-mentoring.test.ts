/**
 * Mentoring in Chromium, at 360 px and 1280 px, signed in through the sign-in screen as a tenant
 * admin (Pendampingan pegawai, /admin/pendampingan): run a whole-pool matching for five mentees,
 * review the proposed pairs with their score parts, remove one pair and publish the other four in
 * one call; read the removed mentee's suggestions; then, in a second browser context, sign in as
 * one proposed mentor and accept the proposal in Tugas saya. Through the API: exactly four
 * proposals exist for the five, and one of them is accepted. The two widths run one after the
 * other on the same data, each with five mentees of its own. Every API read stays within 3 D1
 * round trips (Server-Timing); axe finds no serious or critical violation; each screen is kept as
 * a screenshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../scripts/lib/demo-accounts';
import { checked } from './checks';
import { adminCall, demoAccount, meterApi, openPage, type Stack, screenshot, signIn, startStack, tenant, viewports } from './harness';

let stack: Stack;
const admins: DemoAccount[] = [];

interface Employee {
  id: string;
  name: string;
  nip: string;
}
interface Pairing {
  id: string;
  mentorId: string;
  menteeId: string;
  status: string;
}

/** Ten active employees who mentor nobody and have no open mentoring pairing: five for each width. */
let mentees: Employee[] = [];

beforeAll(async () => {
  stack = await startStack((line) => console.log(line));
  for (const [i] of viewports.entries()) {
    admins.push(await demoAccount(stack, { role: 'tenant_admin', email: `pendampingan-${i}@${tenant}.bangkom.local` }));
  }
  const [people, mentors, proposed, active] = await Promise.all([
    adminCall<{ items: Employee[] }>(stack, 'GET', '/employees?status=active&limit=500'),
    adminCall<{ items: { employeeId: string }[] }>(stack, 'GET', '/mentors?limit=100'),
    adminCall<{ items: Pairing[] }>(stack, 'GET', '/pairings?kind=mentoring&status=proposed&limit=100'),
    adminCall<{ items: Pairing[] }>(stack, 'GET', '/pairings?kind=mentoring&status=active&limit=100'),
  ]);
  const busy = new Set([
    ...mentors.items.map((m) => m.employeeId),
    ...[...proposed.items, ...active.items].flatMap((p) => [p.menteeId, p.mentorId]),
  ]);
  mentees = people.items.filter((e) => !busy.has(e.id)).slice(0, 5 * viewports.length);
  expect(mentees).toHaveLength(5 * viewports.length);
}, 420_000);

afterAll(async () => {
  await stack?.stop();
});

describe.each(viewports.map((viewport, index) => ({ viewport, index, width: viewport.width })))('at $width px', ({ viewport, index }) => {
  it('matches five mentees, removes one pair, publishes four; a proposed mentor accepts in Tugas saya', async () => {
    const five = mentees.slice(index * 5, index * 5 + 5);
    /** The five's mentoring pairings made since `earlier` (a mentee may have had a finished one before). */
    const pairingsOf = async () =>
      (
        await Promise.all(
          five.map((e) => adminCall<{ items: Pairing[] }>(stack, 'GET', `/pairings?kind=mentoring&mentee=${e.id}&limit=100`)),
        )
      ).flatMap((r) => r.items);
    const earlier = new Set((await pairingsOf()).map((p) => p.id));
    const ours = async () => (await pairingsOf()).filter((p) => !earlier.has(p.id));
    const { context, page } = await openPage(stack, viewport);
    page.setDefaultTimeout(60_000);
    const meter = meterApi(page);
    let mentorPage: Awaited<ReturnType<typeof openPage>> | undefined;
    try {
      await signIn(page, stack.url, admins[index] as DemoAccount, '/admin/pendampingan');
      await page.getByRole('heading', { name: 'Pendampingan pegawai' }).waitFor();
      await page.getByTestId('mentors').waitFor();
      await checked(page, 'pendampingan-admin', viewport);

      // Five mentees, each found by NIP in the matching's picker.
      const matching = page.locator('#match');
      for (const e of five) {
        const who = matching.locator('input').and(page.getByLabel('Pegawai', { exact: true }));
        await who.click();
        await who.fill(e.nip);
        await matching.getByRole('option', { name: new RegExp(e.nip) }).click();
      }
      await matching.getByRole('button', { name: 'Cocokkan 5 pegawai' }).click();
      const proposals = matching.getByTestId('proposal');
      await expect.poll(() => proposals.count()).toBe(5);
      await expect(matching.getByRole('progressbar', { name: 'Kecocokan' }).count()).resolves.toBe(5);
      await checked(page, 'pendampingan-usulan', viewport);

      // The first pair is removed; the other four are published in one call.
      const removed = five[0] as Employee;
      await matching.getByRole('button', { name: `Hapus pasangan ${removed.name} · ${removed.nip}` }).click();
      await expect.poll(() => proposals.count()).toBe(4);
      await matching.getByRole('button', { name: 'Terbitkan 4 pasangan' }).click();
      await matching.getByText('4 pasangan diusulkan kepada mentornya.').waitFor();
      await page.getByTestId('board-proposed').getByText(`${five[1]?.name} ←`).waitFor();
      await checked(page, 'pendampingan-terbit', viewport);

      // The removed mentee's suggestions: ranked mentors, each score with its parts.
      const suggest = page.locator('#suggest');
      const who = suggest.locator('input').and(page.getByLabel('Pegawai', { exact: true }));
      await who.click();
      await who.fill(removed.nip);
      await suggest.getByRole('option', { name: new RegExp(removed.nip) }).click();
      await suggest.getByTestId('suggestion').first().waitFor();
      // A part of 0 is a bar of no width, present but not visible: wait for it to be there and read its figure.
      const fit = suggest.getByRole('progressbar', { name: 'Kecocokan' }).first();
      await fit.waitFor({ state: 'attached' });
      const figure = await fit.getAttribute('aria-valuenow');
      expect(figure).toMatch(/^\d+(\.\d+)?$/);
      expect(Number(figure)).toBeLessThanOrEqual(100);
      await checked(page, 'pendampingan-saran', viewport);
      expect(meter.over()).toEqual([]);

      // Exactly four proposals for the five mentees (besides any pairing they had before); their mentors are told.
      const published = await ours();
      expect(published).toHaveLength(4);
      expect(published.every((p) => p.status === 'proposed')).toBe(true);
      expect(published.some((p) => p.menteeId === removed.id)).toBe(false);

      // One of their mentors accepts it in Tugas saya, in a second browser context: the proposal that
      // names this mentee (the mentor may have others, from the other viewport's five).
      const open = await adminCall<{ items: Pairing[] }>(stack, 'GET', '/pairings?kind=mentoring&status=proposed&limit=100');
      const waitingFor = (p: Pairing) => open.items.filter((o) => o.mentorId === p.mentorId).length;
      const chosen = [...published].sort((a, b) => waitingFor(a) - waitingFor(b))[0] as Pairing;
      const mentee = five.find((e) => e.id === chosen.menteeId) as Employee;
      const mentor = await demoAccount(stack, { role: 'employee', employeeId: chosen.mentorId });
      mentorPage = await openPage(stack, viewport);
      await signIn(mentorPage.page, stack.url, mentor, '/tugas');
      await mentorPage.page.getByRole('heading', { name: 'Tugas saya' }).waitFor();
      const task = mentorPage.page
        .getByRole('listitem')
        .filter({ has: mentorPage.page.getByRole('button', { name: 'Terima' }) })
        .filter({ hasText: `bersama ${mentee.name}` });
      await expect.poll(() => task.count()).toBe(1);
      await checked(mentorPage.page, 'pendampingan-tugas-mentor', viewport);
      await task.getByRole('button', { name: 'Terima' }).click();
      await expect.poll(() => task.count(), { timeout: 15_000 }).toBe(0);

      const after = await ours();
      expect(after).toHaveLength(4);
      expect(after.filter((p) => p.status === 'active').map((p) => p.id)).toEqual([chosen.id]);
      expect(after.filter((p) => p.status === 'proposed')).toHaveLength(3);
    } catch (error) {
      await screenshot(page, `pendampingan-failed`, viewport);
      if (mentorPage) await screenshot(mentorPage.page, 'pendampingan-mentor-failed', viewport);
      throw error;
    } finally {
      await mentorPage?.context.close();
      await context.close();
    }
  });
});
