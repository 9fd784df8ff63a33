import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callerKeys } from '../../lib/api/caller';
import { me, namedPairing, tenant } from '../../test/fixtures';
import { renderAt, serve } from '../../test/render';
import { MatchReview } from './MatchReview';
import type { MatchResult } from './queries';

const admin = { ...me, roles: ['tenant_admin' as const], employee: null };
const seed: [readonly unknown[], unknown][] = [
  [callerKeys.me, admin],
  [callerKeys.tenant('kalianda'), tenant],
];
const url = '/api/v1/tenants/kalianda/pairings/publish';
const names: Record<string, string> = { e1: 'Ani', e2: 'Budi', e3: 'Citra', m1: 'Mentor Satu', m2: 'Mentor Dua' };
const name = (id: string) => names[id] ?? id;
const result: MatchResult = {
  kind: 'mentoring',
  totalScore: 2.1,
  proposals: [
    { menteeId: 'e1', mentorId: 'm1', score: 0.8, parts: { fit: 1, capacity: 0.5, unit: 0.5 }, pairingId: null },
    { menteeId: 'e2', mentorId: 'm2', score: 0.7, parts: { fit: 0.75, capacity: 1, unit: 0 }, pairingId: null },
    { menteeId: 'e3', mentorId: 'm1', score: 0.6, parts: { fit: 0.5, capacity: 0.5, unit: 1 }, pairingId: null },
  ],
  unmatched: [],
  published: false,
};
const pairing = (mentorId: string, menteeId: string) =>
  namedPairing({ id: mentorId, name: name(mentorId) }, { id: menteeId, name: name(menteeId) });

describe('the matching review', () => {
  it("shows each score's parts, and publishes the pairs kept in one call after one is removed", async () => {
    const requests = serve({
      [`POST ${url}`]: (r) => {
        const { pairs } = r.body as { pairs: { mentorId: string; menteeId: string }[] };
        return { status: 201, body: { items: pairs.map((p) => pairing(p.mentorId, p.menteeId)) } };
      },
    });
    renderAt(<MatchReview tenant="kalianda" result={result} menteeName={name} mentorName={name} />, { seed });
    expect(await screen.findAllByTestId('proposal')).toHaveLength(3);
    expect(screen.getAllByRole('progressbar', { name: 'Kecocokan' })).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Hapus pasangan Budi' }));
    expect(screen.getAllByTestId('proposal')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Terbitkan 2 pasangan' }));
    await screen.findByText('2 pasangan diusulkan kepada mentornya.');
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toBe(url);
    expect(posts[0]?.body).toEqual({
      pairs: [
        { mentorId: 'm1', menteeId: 'e1' },
        { mentorId: 'm1', menteeId: 'e3' },
      ],
    });
    expect(posts[0]?.headers.get('idempotency-key')).toBeTruthy();
    await waitFor(() => expect((screen.getByRole('button', { name: 'Terbitkan 2 pasangan' }) as HTMLButtonElement).disabled).toBe(true));
  });

  it('a pair that lost its place: the problem is shown, and a retry after removing it sends the rest with the same key', async () => {
    let calls = 0;
    const requests = serve({
      [`POST ${url}`]: (r) => {
        calls += 1;
        if (calls === 1)
          return {
            status: 409,
            body: {
              type: 'urn:bangkom:problem:conflict',
              title: 'Conflict',
              status: 409,
              detail: 'Pair 1 (Mentor Dua → Budi): the mentor has no free slot left.',
            },
          };
        const { pairs } = r.body as { pairs: { mentorId: string; menteeId: string }[] };
        return { status: 201, body: { items: pairs.map((p) => pairing(p.mentorId, p.menteeId)) } };
      },
    });
    renderAt(<MatchReview tenant="kalianda" result={result} menteeName={name} mentorName={name} />, { seed });
    fireEvent.click(await screen.findByRole('button', { name: 'Terbitkan 3 pasangan' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Mentor Dua → Budi');
    fireEvent.click(screen.getByRole('button', { name: 'Hapus pasangan Budi' }));
    fireEvent.click(screen.getByRole('button', { name: 'Terbitkan 2 pasangan' }));
    await screen.findByText('2 pasangan diusulkan kepada mentornya.');
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((p) => (p.body as { pairs: unknown[] }).pairs.length)).toEqual([3, 2]);
    expect(posts[1]?.headers.get('idempotency-key')).toBe(posts[0]?.headers.get('idempotency-key'));
  });
});
