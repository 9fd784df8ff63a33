/**
 * The person's e-mail preferences per kind: every kind listed (`segera` until set), a change of some
 * kinds leaves the others, bad input is a problem+json, and a preference is the caller's own.
 */
import { describe, expect, it } from 'vitest';
import { notificationKinds } from '../../../src/db/schema/notifications';
import { api, expectProblem } from '../../support/api';
import { createTenant } from '../../support/factories';
import { person } from './helpers';

const path = '/api/v1/me/notification-preferences';

describe('notification preferences', () => {
  it('lists every kind, changes the kinds named and keeps the others, and are the caller’s own', async () => {
    const t = await createTenant();
    const me = await person(t);
    const colleague = await person(t);
    const initial = await api('GET', path, { token: me.token });
    expect(initial.status, initial.text).toBe(200);
    expect(initial.body.items.map((i) => i.kind)).toEqual([...notificationKinds]);
    expect(initial.body.items.every((i) => i.email === 'segera' && i.updatedAt === null)).toBe(true);

    const put = await api('PUT', path, {
      token: me.token,
      body: {
        items: [
          { kind: 'jp.shortfall', email: 'tidak' },
          { kind: 'evaluation.due', email: 'harian' },
        ],
      },
    });
    expect(put.status, put.text).toBe(200);
    const modes = Object.fromEntries(put.body.items.map((i) => [i.kind, i.email]));
    expect(modes).toMatchObject({ 'jp.shortfall': 'tidak', 'evaluation.due': 'harian', 'learning_report.approved': 'segera' });
    const again = await api('PUT', path, { token: me.token, body: { items: [{ kind: 'jp.shortfall', email: 'segera' }] } });
    expect(Object.fromEntries(again.body.items.map((i) => [i.kind, i.email]))).toMatchObject({
      'jp.shortfall': 'segera',
      'evaluation.due': 'harian',
    });
    const theirs = await api('GET', path, { token: colleague.token });
    expect(theirs.body.items.every((i) => i.email === 'segera')).toBe(true);
  });

  it('refuses an unknown kind or mode, a kind named twice and an empty change', async () => {
    const t = await createTenant();
    const me = await person(t);
    for (const items of [
      [{ kind: 'nonsense', email: 'segera' }],
      [{ kind: 'jp.shortfall', email: 'kadang' }],
      [
        { kind: 'jp.shortfall', email: 'tidak' },
        { kind: 'jp.shortfall', email: 'harian' },
      ],
      [],
    ]) {
      const problem = expectProblem(await api('PUT', path, { token: me.token, body: { items } }), 400);
      expect(problem.errors?.length).toBeGreaterThan(0);
    }
    expect((await api('GET', path, { token: me.token })).body.items.every((i) => i.email === 'segera')).toBe(true);
    expectProblem(await api('GET', path, { token: t.adminToken }), 403);
  });
});
