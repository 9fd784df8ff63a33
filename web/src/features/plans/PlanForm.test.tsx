import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAt } from '../../test/render';
import type { Offering } from '../catalog/queries';
import type { Unit } from '../employees/queries';
import { PlanForm } from './PlanForm';
import type { NewPlan } from './queries';

const offering = (id: string, programTitle: string, startDate: string, status: Offering['status'] = 'open'): Offering => ({
  id,
  programId: `prg_${id}`,
  programTitle,
  startDate,
  endDate: startDate,
  capacity: 20,
  enrolled: 0,
  seatsTaken: 0,
  waitlisted: 0,
  location: 'Kalianda',
  online: false,
  status,
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
});
// Read from 1 January 2027: two of that year, one cancelled, one of the next year.
const offerings = [
  offering('off_a', 'Pelayanan Prima', '2027-02-08'),
  offering('off_b', 'Manajemen Arsip', '2027-03-15', 'planned'),
  offering('off_c', 'Batal', '2027-04-01', 'cancelled'),
  offering('off_d', 'Tahun Depan', '2028-01-10'),
];
const unit = (id: string, code: string, name: string): Unit => ({ id, code, name, parentId: null }) as Unit;
const units = [unit('unt_a', 'A', 'Dinas Kesehatan'), unit('unt_b', 'B', 'Dinas Pendidikan')];

function renderForm() {
  const submitted = vi.fn<(body: NewPlan) => void>();
  const years = vi.fn<(year: number) => void>();
  renderAt(
    <PlanForm year={2027} units={units} offeringsFrom={offerings} pending={false} error={null} onYear={years} onSubmit={submitted} />,
  );
  return { submitted, years };
}

describe('the plan form’s options', () => {
  it('uses every offering of the year by default and sends no option it was not given', async () => {
    const { submitted } = renderForm();
    const boxes = await screen.findAllByTestId('plan-offering');
    // Only the year's planned and open offerings are offered, each ticked.
    expect(boxes.map((b) => b.closest('.mantine-Checkbox-root')?.textContent)).toEqual([
      'Pelayanan Prima · 8 Februari 2027 · Kalianda',
      'Manajemen Arsip · 15 Maret 2027 · Kalianda',
    ]);
    expect((screen.getByLabelText('Semua pelaksanaan (2)') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByLabelText('Anggaran'), { target: { value: '5000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hitung rencana' }));
    await waitFor(() => expect(submitted).toHaveBeenCalled());
    expect(submitted.mock.calls[0]?.[0]).toEqual({ year: 2027, budget: 5_000_000, options: { perPersonCap: 2, jpTargetBonus: 1 } });
  });

  it('sends the chosen subset of offerings and the unit weights, and refuses none ticked and a unit weighted twice', async () => {
    const { submitted } = renderForm();
    fireEvent.change(await screen.findByLabelText('Anggaran'), { target: { value: '5000000' } });
    // None ticked is refused beside the list.
    fireEvent.click(screen.getByLabelText('Semua pelaksanaan (2)'));
    fireEvent.click(screen.getByRole('button', { name: 'Hitung rencana' }));
    await screen.findByText('Centang paling sedikit satu pelaksanaan.');
    expect(submitted).not.toHaveBeenCalled();
    fireEvent.click(screen.getByLabelText(/^Manajemen Arsip/));
    expect((screen.getByLabelText('Semua pelaksanaan (2)') as HTMLInputElement).indeterminate).toBe(true);

    // Two weights on the same unit are refused; a unit left unchosen too.
    fireEvent.click(screen.getByRole('button', { name: 'Tambah bobot unit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Tambah bobot unit' }));
    const pick = async (n: number, name: string) => {
      const box = screen.getByLabelText(`Unit bobot ${n}`, { selector: 'input' });
      fireEvent.focus(box);
      fireEvent.click(box);
      // The dropdown is still in its opening transition: its options are there, not yet shown.
      const list = await waitFor(() => document.getElementById(box.getAttribute('aria-controls') ?? '') as HTMLElement);
      fireEvent.click(await within(list).findByRole('option', { name, hidden: true }));
    };
    await pick(1, 'Dinas Kesehatan');
    fireEvent.click(screen.getByRole('button', { name: 'Hitung rencana' }));
    await screen.findByText('Pilih unit.');
    await pick(2, 'Dinas Kesehatan');
    fireEvent.click(screen.getByRole('button', { name: 'Hitung rencana' }));
    await screen.findAllByText('Unit ini sudah diberi bobot.');
    expect(submitted).not.toHaveBeenCalled();
    await pick(2, 'Dinas Pendidikan');
    fireEvent.change(screen.getByLabelText('Bobot unit 2'), { target: { value: '0,5' } });

    fireEvent.click(screen.getByRole('button', { name: 'Hitung rencana' }));
    await waitFor(() => expect(submitted).toHaveBeenCalled());
    expect(submitted.mock.calls[0]?.[0]).toEqual({
      year: 2027,
      budget: 5_000_000,
      options: { perPersonCap: 2, jpTargetBonus: 1, offerings: ['off_b'], weights: { units: { unt_a: 2, unt_b: 0.5 } } },
    });
    // A weight removed is not sent.
    fireEvent.click(within(screen.getAllByTestId('unit-weight')[0] as HTMLElement).getByRole('button', { name: 'Hapus bobot unit 1' }));
    expect(screen.getAllByTestId('unit-weight')).toHaveLength(1);
  });
});
