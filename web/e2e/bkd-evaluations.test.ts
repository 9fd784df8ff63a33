/**
 * Evaluasi (/admin/evaluasi) in Chromium, at 360 px and 1280 px, signed in through the sign-in
 * screen as a tenant admin. The data are made through the API first: citizens answer a unit's
 * public survey (each from an address of its own, as the public form is used), and a program with
 * tests gets an offering whose three participants are completed with pre/post scores and L1
 * answers, and an indicator of their unit with its value in the quarter before. The journey reads
 * the unit's IKM and checks its grade against the numbers shown (the converted score recomputed
 * from the nine element means on the screen, graded by PermenPAN-RB 14/2017's intervals); reads
 * the program's report for the year (the group's ⟨g⟩ and the L1 answers per item as the scores
 * and answers give them); records the indicator's value in the quarter after — refused beside its
 * field first for a period that does not exist — and finds L4 saying "Membaik". Every read stays
 * within 3 D1 round trips; axe finds no serious or critical violation; screenshots at both widths.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../scripts/lib/demo-accounts';
import { checked } from './checks';
import {
  adminCall,
  demoAccount,
  employeeToken,
  meterApi,
  openPage,
  type Stack,
  screenshot,
  signIn,
  startStack,
  tenant,
  viewports,
} from './harness';

let stack: Stack;
const admins: DemoAccount[] = [];

const surveyUnit = 'DISDUKCAPIL';
/** Eight citizens' answers (U1…U9, 1–4). */
const surveyAnswers = [
  [4, 4, 3, 4, 3, 3, 4, 2, 3],
  [3, 3, 3, 4, 3, 3, 3, 2, 3],
  [4, 4, 4, 4, 4, 4, 4, 3, 4],
  [3, 3, 2, 4, 3, 3, 3, 2, 3],
  [4, 3, 3, 4, 3, 4, 4, 3, 3],
  [3, 4, 3, 4, 3, 3, 4, 2, 3],
  [2, 3, 3, 4, 3, 3, 3, 2, 2],
  [4, 4, 4, 4, 4, 3, 4, 3, 4],
];
/** Pre and post scores of the three participants: means 60 → 80, so ⟨g⟩ = (80 − 60) / (100 − 60) = 0,5. */
const scores = [
  [40, 70],
  [60, 80],
  [80, 90],
] as const;
/** L1 answers of the three participants: materi 4, 5, 5 → one 4 and two 5s. */
const reactions = [
  { materi: 4, fasilitator: 4, metode: 3, sarana: 4, manfaat: 5, waktu: 4 },
  { materi: 5, fasilitator: 5, metode: 4, sarana: 3, manfaat: 5, waktu: 4 },
  { materi: 5, fasilitator: 4, metode: 4, sarana: 4, manfaat: 4, waktu: 3 },
];

interface Seeded {
  surveyUnitId: string;
  programId: string;
  year: number;
  unitId: string;
  indicatorName: string;
  after: string;
}
let seeded: Seeded;

function dayInJakarta(shiftDays: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() + shiftDays * 86_400_000));
}

/** The quarter of a day, shifted (`2026-11-20`, +1 → `2027-Q1`). */
function quarterOf(day: string, shift: number): string {
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + shift;
  const y = Number(day.slice(0, 4)) + Math.floor(q / 4);
  return `${y}-Q${(((q % 4) + 4) % 4) + 1}`;
}

async function seed(): Promise<Seeded> {
  const units = (await adminCall<{ items: { id: string; code: string }[] }>(stack, 'GET', '/units?limit=500')).items;
  const surveyUnitId = units.find((u) => u.code === surveyUnit)?.id as string;
  for (const [i, answers] of surveyAnswers.entries()) {
    const res = await fetch(`${stack.url}/api/v1/survei/${tenant}/${surveyUnit}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': `198.51.100.${i + 1}` },
      body: JSON.stringify({ answers }),
    });
    expect(res.status, await res.text()).toBe(201);
  }

  // Three active people of one unit.
  const people = (
    await adminCall<{ items: { id: string; status: string; unitId: string }[] }>(stack, 'GET', '/employees?limit=100')
  ).items.filter((e) => e.status === 'active');
  const byUnit = new Map<string, typeof people>();
  for (const e of people) byUnit.set(e.unitId, [...(byUnit.get(e.unitId) ?? []), e]);
  const [unitId, members] = [...byUnit.entries()].find(([, m]) => m.length >= 3) as [string, typeof people];
  const participants = members.slice(0, 3);

  const program = await adminCall<{ id: string }>(stack, 'POST', '/programs', {
    code: 'EVAL-PELAYANAN',
    title: 'Bimtek Evaluasi Pelayanan',
    description: 'Bimbingan teknis yang dievaluasi sampai L4',
    method: 'bimbingan_teknis',
    jp: 16,
    costPerParticipant: 1_000_000,
    hasTests: true,
    targets: [{ competency: 'PELAYANAN-PUBLIK', expectedGain: 1 }],
  });
  const startDate = dayInJakarta(-10);
  const endDate = dayInJakarta(-7);
  const offering = await adminCall<{ id: string }>(stack, 'POST', '/offerings', {
    programId: program.id,
    startDate,
    endDate,
    capacity: 10,
    location: 'Aula BKPSDM Kalianda',
  });
  const enrolled = await adminCall<{ items: { id: string; employeeId: string }[] }>(
    stack,
    'POST',
    `/offerings/${offering.id}/enrollments`,
    {
      employeeIds: participants.map((p) => p.id),
    },
  );
  const enrollmentOf = (employeeId: string) => enrolled.items.find((e) => e.employeeId === employeeId)?.id as string;
  for (const p of participants) {
    await adminCall(stack, 'POST', `/enrollments/${enrollmentOf(p.id)}/complete`, { attendance: 100, passed: true, completedOn: endDate });
  }
  await adminCall(stack, 'PUT', `/offerings/${offering.id}/test-scores`, {
    scores: participants.map((p, i) => ({ enrollmentId: enrollmentOf(p.id), pre: scores[i]?.[0], post: scores[i]?.[1] })),
  });
  for (const [i, p] of participants.entries()) {
    const res = await fetch(`${stack.url}/api/v1/tenants/${tenant}/enrollments/${enrollmentOf(p.id)}/reaction`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await employeeToken(p.id)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ answers: reactions[i], comment: null }),
    });
    expect(res.status, await res.text()).toBe(201);
  }
  const indicatorName = 'Waktu layanan rata-rata';
  const indicator = await adminCall<{ id: string }>(stack, 'POST', '/indicators', {
    unitId,
    name: indicatorName,
    measure: 'menit',
    direction: 'lower_is_better',
  });
  await adminCall(stack, 'PUT', `/indicators/${indicator.id}/values/${quarterOf(startDate, -1)}`, { value: 45, note: null });
  return { surveyUnitId, programId: program.id, year: Number(startDate.slice(0, 4)), unitId, indicatorName, after: quarterOf(endDate, 1) };
}

beforeAll(async () => {
  stack = await startStack((line) => console.log(line));
  for (const [i] of viewports.entries()) {
    admins.push(await demoAccount(stack, { role: 'tenant_admin', email: `evaluasi-${i}@${tenant}.bangkom.local` }));
  }
  seeded = await seed();
}, 420_000);

afterAll(async () => {
  await stack?.stop();
});

/** An Indonesian-formatted number as shown (`88,31`, `1.234,5`). */
const read = (text: string) => Number(text.trim().replace(/\./g, '').replace(',', '.'));
const intervals = [
  { grade: 'A', from: 88.31 },
  { grade: 'B', from: 76.61 },
  { grade: 'C', from: 65.0 },
  { grade: 'D', from: 25.0 },
];
const gradeOf = (score: number) => intervals.find((i) => score >= i.from)?.grade;

async function readIkm(page: Page): Promise<{ means: number[]; converted: number; grade: string | null; respondents: number }> {
  const panel = page.getByTestId('ikm-panel');
  await panel.waitFor();
  return {
    means: (await panel.getByTestId('ikm-mean').allTextContents()).map(read),
    converted: read((await panel.getByTestId('ikm-converted').textContent()) ?? ''),
    grade: await panel.getByTestId('ikm-grade').getAttribute('data-grade'),
    respondents: read((await panel.getByTestId('ikm-respondents').textContent()) ?? ''),
  };
}

describe.each(viewports.map((viewport, index) => ({ viewport, index, width: viewport.width })))('at $width px', ({ viewport, index }) => {
  it("reads a unit's IKM and checks its grade against the numbers shown, a program's report for the year, and records an indicator's value", async () => {
    const { context, page } = await openPage(stack, viewport);
    page.setDefaultTimeout(60_000);
    const meter = meterApi(page);
    try {
      await signIn(page, stack.url, admins[index] as DemoAccount, '/admin/evaluasi');
      await page.getByRole('heading', { name: 'Evaluasi', level: 1 }).waitFor();

      // IKM: the unit chosen from those with answers in this semester.
      await page.getByRole('tab', { name: 'IKM' }).click();
      await page.getByLabel('Unit layanan').selectOption(seeded.surveyUnitId);
      const ikm = await readIkm(page);
      expect(ikm.means).toHaveLength(9);
      expect(ikm.respondents).toBeGreaterThanOrEqual(surveyAnswers.length);
      // The converted score is the mean of the nine element means × 25 (the means are shown to four
      // decimals, so the recomputation may differ from the server's exact one by rounding only).
      const recomputed = (ikm.means.reduce((a, b) => a + b, 0) / 9) * 25;
      expect(Math.abs(recomputed - ikm.converted)).toBeLessThanOrEqual(0.01);
      expect(ikm.grade).toBe(gradeOf(ikm.converted));
      const badge = page.getByTestId('ikm-panel').getByTestId('ikm-grade');
      await expect(badge.textContent()).resolves.toContain(ikm.grade as string);
      // And the trend's last period is this one, with the same score.
      await expect(page.getByTestId('ikm-trend').getByRole('row').last().textContent()).resolves.toContain(
        ikm.converted.toLocaleString('id-ID', { minimumFractionDigits: 2 }),
      );
      await checked(page, 'evaluasi-ikm', viewport);

      // Indikator: a period that does not exist is refused beside its field; the quarter after is recorded.
      await page.goto(`${stack.url}/admin/evaluasi?tab=indikator&unit=${seeded.unitId}`);
      const indicator = page.getByTestId('indicator').filter({ hasText: seeded.indicatorName });
      await indicator.waitFor();
      const form = indicator.getByRole('form', { name: `Catat nilai ${seeded.indicatorName}` });
      await form.getByLabel('Periode').fill(`${seeded.year}-13`);
      await form.getByLabel('Nilai (menit)').fill('30');
      await form.getByRole('button', { name: 'Catat nilai' }).click();
      await form.getByText('Tulis periode sebagai').waitFor();
      await form.getByLabel('Periode').fill(seeded.after);
      await form.getByRole('button', { name: 'Catat nilai' }).click();
      await indicator.getByRole('row').filter({ hasText: seeded.after }).waitFor();
      await checked(page, 'evaluasi-indikator', viewport);

      // Per program and year: ⟨g⟩ of the scores, the L1 answers per item, L4 better by the indicator's direction.
      await page.goto(`${stack.url}/admin/evaluasi?tab=program&program=${seeded.programId}&tahun=${seeded.year}`);
      const report = page.getByTestId('program-evaluation');
      await report.waitFor();
      await expect(report.getByTestId('hake').textContent()).resolves.toBe('0,5');
      await expect(report.getByText('3 peserta selesai.').count()).resolves.toBe(1);
      const materi = report.getByTestId('l1-distribution').locator('tr[data-item="materi"]');
      await expect(materi.locator('td').allTextContents()).resolves.toEqual(['0', '0', '0', '1', '2']);
      const l4 = report.getByTestId('l4').getByRole('row').filter({ hasText: seeded.indicatorName });
      await expect(l4.textContent()).resolves.toContain('Membaik');
      await expect(l4.textContent()).resolves.toContain('-15');
      await checked(page, 'evaluasi-program', viewport);

      // Umpan balik pendampingan: the year's figures are there.
      await page.getByRole('tab', { name: 'Umpan balik pendampingan' }).click();
      await page.getByTestId('mentoring-feedback').waitFor();
      await checked(page, 'evaluasi-pendampingan', viewport);
      expect(meter.over()).toEqual([]);
    } catch (error) {
      await screenshot(page, `failed-evaluasi-${index}`, viewport);
      throw error;
    } finally {
      await context.close();
    }
  }, 360_000);
});
