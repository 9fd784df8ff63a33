/**
 * What citizens see, in Chromium at 360 px and 1280 px, without signing in: a unit's satisfaction
 * survey answered (a half-filled form held back first) and counted by the unit's IKM report; a
 * flood of answers from one client stopped by the rate limit, the 429 said in Indonesian and the
 * refused answer not recorded; the A4 poster's QR code, as Chromium paints it, decoding to the
 * form's address; a certificate's QR code, read out of its PDF, opening its verification page,
 * readable on a phone without sideways scrolling. Each client has its own address
 * (`CF-Connecting-IP`, which the local Worker takes as the client's), so the rate limit counts each
 * journey apart. Every public API answer stays within 3 D1 round trips (Server-Timing), axe finds
 * no serious or critical violation, and each page is kept as a screenshot.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { PDFDocument } from 'pdf-lib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../../scripts/lib/demo-accounts';
import { contentOf, qrOf } from '../../test/support/certificate-pdf';
import { checked } from './checks';
import {
  adminCall,
  demoAccount,
  meterApi,
  openPage,
  type Stack,
  screenshot,
  signIn,
  startStack,
  tenant,
  type Viewport,
  viewports,
} from './harness';

let stack: Stack;
const admins: DemoAccount[] = [];

beforeAll(async () => {
  stack = await startStack((line) => console.log(line));
  for (const [i] of viewports.entries()) {
    admins.push(await demoAccount(stack, { role: 'tenant_admin', email: `survei-${i}@${tenant}.bangkom.local` }));
  }
}, 420_000);

afterAll(async () => {
  await stack?.stop();
});

const unit = { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' };
const formPath = `/survei/${tenant}/${unit.code}`;

/** The nine questions (PermenPAN-RB 14/2017, U1…U9) with the answer chosen for each. */
const answers: [string, string][] = [
  ['Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?', 'Sesuai'],
  ['Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?', 'Sangat mudah'],
  ['Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?', 'Cepat'],
  ['Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?', 'Gratis'],
  [
    'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    'Sesuai',
  ],
  ['Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?', 'Kompeten'],
  ['Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?', 'Sangat sopan dan ramah'],
  ['Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?', 'Berfungsi kurang maksimal'],
  ['Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?', 'Baik'],
];

/** The semester a response sent today is filed under, on the region's clock (kalianda: Asia/Jakarta). */
function currentSemester(now = new Date()): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-');
  return `${year}-S${Number(month) <= 6 ? 1 : 2}`;
}

interface IkmReport {
  units: { unitCode: string; responses: number }[];
}

/** How many responses the unit's IKM report (the admin's API) counts this semester. */
async function counted(): Promise<number> {
  const report = await adminCall<IkmReport>(stack, 'GET', `/surveys/ikm?period=${currentSemester()}`);
  return report.units.find((u) => u.unitCode === unit.code)?.responses ?? 0;
}

/** A citizen's browser with an address of its own (openPage gives each context one), at the viewport, in Indonesian. */
async function citizen(viewport: Viewport): Promise<{ context: BrowserContext; page: Page; over: () => string[] }> {
  const { context, page } = await openPage(stack, viewport);
  return { context, page, over: meterApi(page).over };
}

/** Whether the page is wider than the screen (something to scroll sideways). */
const scrollsSideways = (page: Page) => page.locator('html').evaluate((html) => html.scrollWidth > html.clientWidth);

/** What the poster's check uses in the page (the journeys are compiled without the DOM's types). */
interface InPage {
  Image: new () => { src: string; naturalWidth: number; naturalHeight: number; decode(): Promise<void> };
  document: {
    createElement(tag: 'canvas'): {
      width: number;
      height: number;
      getContext(kind: '2d'): {
        drawImage(image: unknown, x: number, y: number): void;
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number; height: number };
      } | null;
    };
  };
  /** The bundle's exports object (a webpack UMD build): the decoder is its `default`. */
  jsQR: { default(data: Uint8ClampedArray, width: number, height: number): { data: string } | null };
}

async function fillAnswers(page: Page): Promise<void> {
  for (const [question, answer] of answers) {
    await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: answer, exact: true }).check();
  }
}

describe.each(viewports.map((viewport) => ({ viewport, width: viewport.width })))('at $width px', ({ viewport }) => {
  it("a citizen answers the unit's survey, held back until every question is answered, and the unit's IKM report counts it", async () => {
    const before = await counted();
    const { context, page, over } = await citizen(viewport);
    try {
      await page.goto(`${stack.url}${formPath}`);
      await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
      await page.getByText(`${unit.name} — Pemerintah Kabupaten Lampung Selatan`).waitFor();
      expect(
        await page
          .getByRole('radiogroup')
          .filter({ has: page.getByRole('radio') })
          .count(),
      ).toBeGreaterThanOrEqual(9);
      expect(await scrollsSideways(page)).toBe(false);
      await checked(page, 'survey-form', viewport);

      // Sent half-filled: held back, the unanswered questions named, nothing sent.
      const posted: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST') posted.push(request.url());
      });
      await page.getByRole('radiogroup', { name: answers[0]?.[0] }).getByRole('radio', { name: 'Sesuai', exact: true }).check();
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      await page.getByText('Masih ada 8 pertanyaan yang belum dijawab.').waitFor();
      expect(posted).toEqual([]);

      await fillAnswers(page);
      await page.getByLabel('Jenis layanan yang Saudara terima').fill('Penerbitan KTP-el');
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      await page.waitForURL(`${stack.url}${formPath}/terima-kasih`);
      await page.getByRole('heading', { name: 'Terima kasih' }).waitFor();
      await page.getByText('Jawaban Saudara sudah kami terima.', { exact: false }).waitFor();
      expect(posted).toEqual([`${stack.url}/api/v1${formPath}`]);
      expect(await scrollsSideways(page)).toBe(false);
      await checked(page, 'survey-thanks', viewport);
      expect(await counted()).toBe(before + 1);
      expect(over()).toEqual([]);
    } catch (err) {
      await screenshot(page, `failed-survey-${viewport.width}`, viewport);
      throw err;
    } finally {
      await context.close();
    }
  });

  it('stops a flood of answers from one client: the 429 is said in Indonesian and the refused answer is not recorded', async () => {
    const { context, page } = await citizen(viewport);
    try {
      await page.goto(`${stack.url}${formPath}`);
      await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor();
      await fillAnswers(page);
      // The local limiter counts in fixed minutes of the clock: the flood and the answer stay inside one.
      const intoMinute = Date.now() % 60_000;
      if (intoMinute > 45_000) await page.waitForTimeout(60_000 - intoMinute + 200);
      const before = await counted();
      // The same client (this browser, its address) sends answers until the limit stops it.
      const statuses = await page.evaluate(async (path) => {
        const body = JSON.stringify({ answers: [3, 3, 3, 3, 3, 3, 3, 3, 3] });
        const seen: number[] = [];
        while (seen.length < 40 && seen.at(-1) !== 429) {
          const res = await fetch(`/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          seen.push(res.status);
        }
        return seen;
      }, formPath);
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
      const accepted = statuses.length - 1;
      expect(accepted).toBeLessThanOrEqual(20);

      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      const alert = page.getByRole('alert').filter({ hasText: 'Terlalu banyak jawaban dari perangkat atau jaringan ini.' });
      await alert.waitFor();
      expect(page.url()).toBe(`${stack.url}${formPath}`);
      expect(await counted()).toBe(before + accepted);
      expect(await scrollsSideways(page)).toBe(false);
      await checked(page, 'survey-rate-limited', viewport);
    } catch (err) {
      await screenshot(page, `failed-survey-flood-${viewport.width}`, viewport);
      throw err;
    } finally {
      await context.close();
    }
  });

  it("prints the unit's A4 poster whose QR code, as painted, decodes to the form's address", async () => {
    const { context, page } = await openPage(stack, viewport);
    try {
      await signIn(page, stack.url, admins[viewports.indexOf(viewport)] as DemoAccount, '/admin/survei');
      await page.getByRole('heading', { name: 'Survei kepuasan masyarakat' }).waitFor();
      await checked(page, 'survey-admin', viewport);
      await page.getByRole('link', { name: `Cetak poster ${unit.name}` }).click();
      const url = `${stack.url}${formPath}`;
      const qr = page.getByRole('img', { name: url });
      await qr.waitFor();
      await page.getByText('Bagaimana pelayanan kami?').waitFor();
      await checked(page, 'survey-poster', viewport);

      // The code as Chromium paints it: a screenshot of the drawn SVG, read back into pixels in the
      // page and decoded there by jsQR (the decoder the component tests use, injected from its bundle).
      const png = (await qr.screenshot()).toString('base64');
      const jsqrBundle = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');
      await page.addScriptTag({ content: await readFile(jsqrBundle, 'utf8') });
      const decoded = await page.evaluate(async (data) => {
        const { Image, document, jsQR } = globalThis as unknown as InPage;
        const image = new Image();
        image.src = `data:image/png;base64,${data}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const g = canvas.getContext('2d');
        g?.drawImage(image, 0, 0);
        const pixels = g?.getImageData(0, 0, canvas.width, canvas.height);
        return pixels ? (jsQR.default(pixels.data, pixels.width, pixels.height)?.data ?? null) : null;
      }, png);
      expect(decoded).toBe(url);

      // On paper: one A4 page, without the buttons.
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.poster-controls').isVisible()).toBe(false);
      expect(await qr.isVisible()).toBe(true);
      const pdf = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(pdf.getPageCount()).toBe(1);
      const size = pdf.getPage(0).getSize();
      expect([Math.round(size.width), Math.round(size.height)]).toEqual([595, 842]);
    } catch (err) {
      await screenshot(page, `failed-survey-poster-${viewport.width}`, viewport);
      throw err;
    } finally {
      await context.close();
    }
  });

  it("opens a certificate's verification page from the QR code of its PDF, readable without sideways scrolling", async () => {
    const valid = await adminCall<{ items: { id: string; number: string; verificationCode: string }[] }>(
      stack,
      'GET',
      '/certificates?status=valid&limit=5',
    );
    const certificate = valid.items[viewports.indexOf(viewport)];
    if (!certificate) throw new Error('the demo region has no valid certificate');
    const res = await fetch(`${stack.url}/api/v1/tenants/${tenant}/certificates/${certificate.id}/pdf`, {
      headers: { authorization: `Bearer ${stack.adminToken}` },
    });
    expect(res.status).toBe(200);
    const doc = await PDFDocument.load(new Uint8Array(await res.arrayBuffer()));
    const scanned = qrOf(contentOf(doc, doc.getPage(0)));
    expect(scanned).toBe(`${stack.url}/verifikasi/${certificate.verificationCode}`);

    const { context, page } = await citizen(viewport);
    try {
      await page.goto(scanned as string);
      await page.getByRole('heading', { name: 'Verifikasi Sertifikat' }).waitFor();
      await page.getByText('SAH — sertifikat ini diterbitkan dan masih berlaku.', { exact: false }).waitFor();
      expect(await page.locator('dd').first().textContent()).toBe(certificate.number);
      expect(await scrollsSideways(page)).toBe(false);
      await checked(page, 'certificate-verification', viewport);
    } catch (err) {
      await screenshot(page, `failed-certificate-verification-${viewport.width}`, viewport);
      throw err;
    } finally {
      await context.close();
    }
  });
});
