import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { MentorProfiles } from './MentorProfiles';
import type { Mentor } from './queries';

const admin = { ...me, roles: ['tenant_admin' as const], employee: null };
const seed: [readonly unknown[], unknown][] = [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
];
const base = '/api/v1/tenants/kalianda';
const mentor = (version: number, capacity: number): Mentor => ({
  id: 'mnt_1',
  employeeId: 'emp_1',
  name: 'Ani Lestari',
  capacity,
  competencies: [],
  availability: 'Selasa 13.00',
  status: 'active',
  version,
  createdAt: '2026-11-30T01:00:00.000Z',
  updatedAt: '2026-11-30T01:00:00.000Z',
});
const problem = (status: number, type: string, errors?: { path: string; message: string }[]) => ({
  status,
  body: { type: `urn:bangkom:problem:${type}`, title: type, status, detail: type, ...(errors ? { errors } : {}) },
});

describe('mentor profiles', () => {
  it('a change sent at a stale version says so; reloading shows the newer profile, and the save then carries its version', async () => {
    let reads = 0;
    let patches = 0;
    const requests = serve({
      [`GET ${base}/competencies`]: { status: 200, body: { items: [], nextCursor: null } },
      [`GET ${base}/mentors`]: () => {
        reads += 1;
        return { status: 200, body: { items: [reads === 1 ? mentor(1, 3) : mentor(2, 4)], nextCursor: null } };
      },
      [`PATCH ${base}/mentors/mnt_1`]: () => {
        patches += 1;
        return patches === 1 ? problem(412, 'precondition-failed') : { status: 200, body: mentor(3, 5) };
      },
    });
    renderAt(<MentorProfiles tenant="kalianda" />, { seed });
    fireEvent.click(await screen.findByRole('button', { name: 'Ubah profil Ani Lestari' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Kapasitas'), { target: { value: '5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan profil' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Muat ulang' }));
    await waitFor(() => expect((within(screen.getByRole('dialog')).getByLabelText('Kapasitas') as HTMLInputElement).value).toBe('4'));
    fireEvent.change(within(screen.getByRole('dialog')).getByLabelText('Kapasitas'), { target: { value: '5' } });
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Simpan profil' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const sent = requests.filter((r) => r.method === 'PATCH');
    expect(sent.map((r) => r.headers.get('if-match'))).toEqual(['"v1"', '"v2"']);
    expect(sent[1]?.body).toEqual({ capacity: 5, competencies: [], status: 'active', availability: 'Selasa 13.00' });
  });

  it('a new profile needs an employee, and a refused competency is said beside the field', async () => {
    const requests = serve({
      [`GET ${base}/competencies`]: { status: 200, body: { items: [], nextCursor: null } },
      [`GET ${base}/mentors`]: { status: 200, body: { items: [mentor(1, 3)], nextCursor: null } },
      [`PATCH ${base}/mentors/mnt_1`]: problem(422, 'unprocessable', [{ path: 'body.competencies.0', message: 'retired' }]),
    });
    renderAt(<MentorProfiles tenant="kalianda" />, { seed });
    fireEvent.click(await screen.findByRole('button', { name: 'Tambah profil mentor' }, { timeout: 5000 }));
    let dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan profil' }));
    await within(dialog).findByText('Pilih pegawai yang menjadi mentor.');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tutup' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Ubah profil Ani Lestari' }));
    dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Simpan profil' }));
    // The retired competency's error stands on the competencies field (its input is described by it).
    const error = await within(dialog).findByText('Isian ini tidak valid.');
    const field = within(dialog).getByLabelText('Kompetensi yang dibimbing');
    expect(field.getAttribute('aria-describedby')).toContain(error.id);
  });
});
