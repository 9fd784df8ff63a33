import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LanguageProvider, translate } from '../i18n';
import { ApiProblem, unwrap } from '../lib/api/problem';
import { ProblemAlert } from './ProblemAlert';
import { fieldErrors } from './problem-text';

const problem = (status: number, type: string, extra: object = {}) =>
  new ApiProblem(status, {
    type: `urn:bangkom:problem:${type}`,
    title: 'x',
    status,
    detail: 'The detail.',
    instance: '/x',
    requestId: 'r1',
    ...extra,
  });

const show = (error: unknown, onReload?: () => void) =>
  render(
    <MantineProvider>
      <LanguageProvider initial="id">
        <ProblemAlert error={error} {...(onReload ? { onReload } : {})} />
      </LanguageProvider>
    </MantineProvider>,
  );

describe('problems in the user language', () => {
  it('says a 412 in Indonesian and offers to reload', () => {
    const reload = vi.fn();
    show(problem(412, 'precondition-failed'), reload);
    expect(screen.getByRole('alert').textContent).toContain('Data ini baru saja diubah orang lain');
    fireEvent.click(screen.getByRole('button', { name: 'Muat ulang' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('keeps the server detail as a secondary line and has no reload for other problems', () => {
    show(problem(404, 'not-found'));
    expect(screen.getByRole('alert').textContent).toContain('Data tidak ditemukan.');
    expect(screen.getByRole('alert').textContent).toContain('Keterangan server: The detail.');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('maps field errors to the fields by name', () => {
    const error = problem(400, 'validation-failed', {
      errors: [
        { path: 'json.level', message: 'Too big' },
        { path: 'json.date', message: 'Invalid' },
      ],
    });
    expect(error.fields).toEqual({ level: 'Too big', date: 'Invalid' });
    expect(fieldErrors(error, (key) => translate('en', key))).toEqual({
      level: 'This field is not valid.',
      date: 'This field is not valid.',
    });
  });

  it('turns a failed connection into a network problem', async () => {
    const failing = Promise.reject(new TypeError('Failed to fetch'));
    await expect(unwrap(failing)).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
