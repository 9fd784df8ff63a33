import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { jp, me, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { employeeKeys } from '../employees/queries';
import { JpPage } from './JpPage';

const admin = { ...me, roles: ['tenant_admin' as const], employee: null };
const seed: [readonly unknown[], unknown][] = [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
  [employeeKeys.units, { items: [], nextCursor: null }],
];
const recap = { year: 2026, unitId: null, units: [], total: { employees: 0, reached: 0, share: null, totalJp: 0 } };

/** The element that describes a field (Mantine's error beside it). */
const describedBy = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('JP', () => {
  it('says a missing reason beside its field without sending, and the server’s refusal of the JP beside the JP field', async () => {
    const requests = serve({
      'GET /api/v1/tenants/kalianda/employees/emp_me/jp': { status: 200, body: jp },
      'GET /api/v1/tenants/kalianda/employees': { status: 200, body: { items: [], nextCursor: null } },
      'GET /api/v1/tenants/kalianda/jp/recap': { status: 200, body: recap },
      'POST /api/v1/tenants/kalianda/jp': {
        status: 400,
        body: {
          type: 'urn:bangkom:problem:validation-failed',
          title: 'Validation failed',
          status: 400,
          detail: 'The request is not valid.',
          errors: [{ path: 'json.jp', message: 'at most two decimal places' }],
        },
      },
    });
    renderAt(<JpPage />, { path: '/?pegawai=emp_me', seed });
    await screen.findByText('12,5 dari 20 JP (target PNS)');
    const amount = screen.getByLabelText('Jumlah JP');
    fireEvent.change(amount, { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Catat JP' }));
    const reason = screen.getByLabelText('Alasan');
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(reason)).toContain('Tuliskan alasan pencatatan');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(reason, { target: { value: 'Surat tugas 800/12/BKPSDM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Catat JP' }));
    await waitFor(() => expect(amount.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(amount)).toContain('Isian ini tidak valid.');
    expect(reason.getAttribute('aria-invalid')).not.toBe('true');
    const sent = requests.find((r) => r.method === 'POST')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ employeeId: 'emp_me', jp: 3, source: 'other', note: 'Surat tugas 800/12/BKPSDM' });
    expect(String(sent.occurredAt)).toMatch(/^\d{4}-\d{2}-\d{2}T12:00:00\+07:00$/);
    expect(String(sent.reference)).toMatch(/^manual:/);
  });
});
