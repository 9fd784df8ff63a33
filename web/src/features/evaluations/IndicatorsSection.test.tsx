import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAt, serve } from '../../test/render';
import { IndicatorsSection } from './IndicatorsSection';
import type { Indicator } from './queries';

const base = '/api/v1/tenants/kalianda';
const unit = { id: 'unt_1', code: 'DISDUKCAPIL', name: 'Dinas Dukcapil', parentId: null } as never;
const ktp: Indicator = {
  id: 'ind_1',
  unitId: 'unt_1',
  name: 'Waktu layanan KTP-el',
  measure: 'menit',
  direction: 'lower_is_better',
  version: 3,
  createdAt: '2026-01-05T01:00:00.000Z',
  updatedAt: '2026-01-05T01:00:00.000Z',
};
const list = (items: unknown[]) => ({ status: 200, body: { items, nextCursor: null } });
const detail = (i: Indicator) => ({
  status: 200,
  body: { ...i, series: [{ period: '2026-Q1', value: 45, note: null, updatedAt: i.updatedAt }], change: null },
});

describe('Evaluasi › Indikator', () => {
  it("records a period's value, a period that does not exist refused beside its field before anything is sent", async () => {
    const requests = serve({
      [`GET ${base}/indicators`]: list([ktp]),
      [`GET ${base}/indicators/ind_1`]: detail(ktp),
      [`PUT ${base}/indicators/ind_1/values/2026-Q3`]: {
        status: 201,
        body: { period: '2026-Q3', value: 30, note: null, updatedAt: ktp.updatedAt },
      },
    });
    renderAt(<IndicatorsSection tenant="kalianda" units={[unit]} unit="unt_1" onUnit={() => {}} />);
    const form = await screen.findByRole('form', { name: 'Catat nilai Waktu layanan KTP-el' });
    expect(await screen.findByText('2026-Q1')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Periode'), { target: { value: '2026-13' } });
    fireEvent.change(within(form).getByLabelText('Nilai (menit)'), { target: { value: '30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Catat nilai' }));
    expect(await within(form).findByText(/Tulis periode sebagai/)).toBeTruthy();
    expect(requests.filter((r) => r.method === 'PUT')).toEqual([]);
    fireEvent.change(within(form).getByLabelText('Periode'), { target: { value: '2026-Q3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Catat nilai' }));
    await waitFor(() => expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ value: 30, note: null }));
  });

  it('changes an indicator at the version read; a 412 offers a reload that brings the other change', async () => {
    let current = ktp;
    const requests = serve({
      [`GET ${base}/indicators`]: () => list([current]),
      [`GET ${base}/indicators/ind_1`]: () => detail(current),
      [`PATCH ${base}/indicators/ind_1`]: {
        status: 412,
        body: { type: 'urn:bangkom:problem:precondition-failed', title: 'stale', status: 412, detail: 'stale' },
      },
    });
    renderAt(<IndicatorsSection tenant="kalianda" units={[unit]} unit="unt_1" onUnit={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ubah Waktu layanan KTP-el' }));
    const form = await screen.findByRole('form', { name: 'Ubah indikator Waktu layanan KTP-el' });
    fireEvent.change(within(form).getByLabelText('Satuan'), { target: { value: 'jam' } });
    current = { ...ktp, name: 'Waktu layanan KTP-el (diubah)', version: 4 };
    fireEvent.click(within(form).getByRole('button', { name: 'Simpan indikator' }));
    await within(form).findByText(/diubah orang lain/);
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('if-match')).toBe('"v3"');
    expect(patch?.body).toEqual({ name: 'Waktu layanan KTP-el', measure: 'jam', direction: 'lower_is_better' });
    fireEvent.click(within(form).getByRole('button', { name: 'Muat ulang' }));
    expect(await screen.findByRole('heading', { name: 'Waktu layanan KTP-el (diubah)' })).toBeTruthy();
  });
});
