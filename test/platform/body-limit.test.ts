/**
 * The body limit with bodies that come without Content-Length (streamed, chunked on the wire).
 * Over the limit, the rest of the body must be read to its end before the 413 (an unread rest
 * hangs the next request on a keep-alive connection under workerd; `npm run bench:keep-alive`
 * shows that against `wrangler dev`), and a body that never ends must be cancelled, not read
 * forever. Here, in the pool, what can be observed is the stream itself: how much of it was
 * pulled, whether it was cancelled.
 */
import { describe, expect, it } from 'vitest';
import { api, expectProblem } from '../support/api';
import { createTenant } from '../support/factories';

const MB = 1024 * 1024;
const chunkBytes = 64 * 1024;

/** A body of `total` bytes (Infinity: endless) in 64 KB chunks, pulled on demand, that records what happened to it. */
function streamedBody(total: number, bytes: Uint8Array = new Uint8Array(chunkBytes).fill(0x61)) {
  const seen = { pulled: 0, cancelled: false, ended: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const left = total - seen.pulled;
      if (left <= 0) {
        seen.ended = true;
        controller.close();
        return;
      }
      const chunk = left >= bytes.byteLength ? bytes : bytes.subarray(0, left);
      seen.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe('body limit, bodies without Content-Length', () => {
  it('answers 413 for 2 MB only after reading the body to its end, and writes nothing', async () => {
    const t = await createTenant();
    const { stream, seen } = streamedBody(2 * MB);
    const res = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      rawBody: stream,
      headers: { 'content-type': 'application/json' },
    });
    expect(expectProblem(res, 413).detail).toBe(`Request bodies are limited to ${MB} bytes.`);
    expect(seen).toEqual({ pulled: 2 * MB, cancelled: false, ended: true });
    const units = await api('GET', `/api/v1/tenants/${t.slug}/units?limit=500`, { token: t.adminToken });
    expect(units.body.items).toHaveLength(3);
  });

  it('cancels a body that does not end, after a bounded read, and still answers 413', async () => {
    const { stream, seen } = streamedBody(Number.POSITIVE_INFINITY);
    const res = await api('POST', '/api/v1/tenants', { rawBody: stream, headers: { 'content-type': 'application/json' } });
    expectProblem(res, 413);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeGreaterThan(8 * MB);
    // Read ahead by the stream machinery is at most a few chunks past the bound.
    expect(seen.pulled).toBeLessThanOrEqual(8 * MB + 4 * chunkBytes);
  });

  it('passes a body under the limit to the route whole', async () => {
    const t = await createTenant();
    const json = new TextEncoder().encode(JSON.stringify({ code: 'STREAMED', name: 'Bagian Dikirim Bertahap', kind: 'bagian' }));
    // Small chunks, so the body arrives in many pieces that must be put back together in order.
    const { stream, seen } = streamedBody(json.byteLength, json);
    const pieces = new ReadableStream<Uint8Array>({
      async start(controller) {
        const reader = stream.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (let i = 0; i < value.byteLength; i += 7) controller.enqueue(value.subarray(i, i + 7));
        }
        controller.close();
      },
    });
    const res = await api('POST', `/api/v1/tenants/${t.slug}/units`, {
      token: t.adminToken,
      rawBody: pieces,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ code: 'STREAMED', name: 'Bagian Dikirim Bertahap' });
    expect(seen.ended).toBe(true);
  });
});
