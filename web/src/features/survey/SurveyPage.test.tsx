import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAt, serve } from '../../test/render';
import { ResultsPage } from './ResultsPage';
import { SurveyPage } from './SurveyPage';

const facts = { region: 'Pemerintah Kabupaten Lampung Selatan', unit: { code: 'DISDUKCAPIL', name: 'Dinas Dukcapil' }, challenge: null };
const path = '/api/v1/survei/kalianda/DISDUKCAPIL';
/** The nine questions' groups (the language switch is a radio group too). */
const questionGroups = () => screen.getAllByRole('radiogroup').filter((g) => g.querySelectorAll('input[type=radio]').length === 4);
const at = { route: '/survei/:region/:unit', path: '/survei/kalianda/DISDUKCAPIL' };

const questions = [
  'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
  'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
  'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
  'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
  'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
  'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
  'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
  'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
  'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
];

describe('the public survey form', () => {
  it('asks the nine questions with four answers each, keeps a half-filled form back, then sends the answers in order', {
    timeout: 60_000,
  }, async () => {
    const requests = serve({ [`GET ${path}`]: { status: 200, body: facts }, [`POST ${path}`]: { status: 201, body: { received: true } } });
    renderAt(<SurveyPage />, at);
    expect(await screen.findByText('Dinas Dukcapil — Pemerintah Kabupaten Lampung Selatan')).toBeTruthy();
    expect(questionGroups()).toHaveLength(9);
    for (const q of questions) expect(screen.getByText(q)).toBeTruthy();
    expect(screen.getByLabelText('Gratis')).toBeTruthy();
    expect(screen.getByLabelText('Dikelola dengan baik')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('Sangat mudah'));
    fireEvent.click(screen.getByRole('button', { name: 'Kirim jawaban' }));
    expect(await screen.findByText('Masih ada 8 pertanyaan yang belum dijawab.')).toBeTruthy();
    expect(screen.getAllByText('Pilih salah satu.')).toHaveLength(8);
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    for (const label of ['Sesuai', 'Cepat', 'Murah', 'Sangat sesuai', 'Kompeten', 'Sopan dan ramah', 'Berfungsi kurang maksimal', 'Baik'])
      fireEvent.click(screen.getAllByLabelText(label)[0] as HTMLElement);
    // "Sesuai" and "Sangat sesuai" answer both U1 and U5: the first of each is U1's, so choose U5's own.
    fireEvent.click(screen.getAllByLabelText('Sangat sesuai')[1] as HTMLElement);
    fireEvent.change(screen.getByLabelText('Jenis layanan yang Saudara terima'), { target: { value: '  Penerbitan KTP-el ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim jawaban' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1));
    const sent = requests.find((r) => r.method === 'POST');
    expect(sent?.path).toBe(path);
    expect(sent?.headers.get('authorization')).toBeNull();
    expect(sent?.body).toEqual({ answers: [4, 4, 3, 3, 4, 3, 3, 3, 3], respondent: { service: 'Penerbitan KTP-el' } });
    expect(await screen.findByText('elsewhere')).toBeTruthy();
  });

  it('says so in its own words when the address is unknown', async () => {
    serve({});
    renderAt(<SurveyPage />, at);
    expect(await screen.findByText('Alamat survei ini tidak dikenal. Periksa kembali tautan atau kode QR pada poster.')).toBeTruthy();
  });

  it('shows the rate limit as a sentence for a citizen', { timeout: 60_000 }, async () => {
    serve({
      [`GET ${path}`]: { status: 200, body: facts },
      [`POST ${path}`]: {
        status: 429,
        body: {
          type: 'urn:bangkom:problem:too-many-requests',
          title: 'Too many requests',
          status: 429,
          detail: 'Too many requests from this address.',
        },
      },
    });
    renderAt(<SurveyPage />, at);
    await screen.findByText('Dinas Dukcapil — Pemerintah Kabupaten Lampung Selatan');
    for (const group of questionGroups()) fireEvent.click(group.querySelectorAll('input[type=radio]')[2] as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Kirim jawaban' }));
    expect(
      await screen.findByText('Terlalu banyak jawaban dari perangkat atau jaringan ini. Silakan coba lagi sebentar lagi.'),
    ).toBeTruthy();
  });
});

describe("the unit's public results", () => {
  it('shows the latest period with its score, grade and respondents, and the rule of five', async () => {
    const period = (p: string, converted: number, grade: string, responses: number) => ({
      period: p,
      responses,
      converted,
      grade,
      label: 'baik',
    });
    serve({
      [`GET ${path}/hasil`]: {
        status: 200,
        body: {
          ...facts,
          minimumResponses: 5,
          latest: period('2026-S1', 82.5, 'B', 120),
          periods: [period('2026-S1', 82.5, 'B', 120), period('2025-S2', 77, 'B', 96)],
        },
      },
    });
    renderAt(<ResultsPage />, { route: '/survei/:region/:unit/hasil', path: '/survei/kalianda/DISDUKCAPIL/hasil' });
    expect(await screen.findByText('Hasil terakhir: periode 2026-S1')).toBeTruthy();
    expect(screen.getAllByText('82,50').length).toBeGreaterThan(0);
    expect(screen.getByText('B (baik)')).toBeTruthy();
    expect(screen.getByText('2025-S2')).toBeTruthy();
    expect(screen.getByText(/sekurang-kurangnya 5 responden/)).toBeTruthy();
  });

  it('says the results are not public on a 404', async () => {
    serve({});
    renderAt(<ResultsPage />, { route: '/survei/:region/:unit/hasil', path: '/survei/kalianda/DISDUKCAPIL/hasil' });
    expect(await screen.findByText('Hasil survei unit ini tidak dipublikasikan.')).toBeTruthy();
  });
});
