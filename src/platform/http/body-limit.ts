/**
 * The request body limit (1 MB → 413), and a clean end for a body that breaks it.
 *
 * A body with a `Content-Length` over the limit is refused before a byte is read: the runtime knows
 * where such a request ends and discards the rest itself. A body without one (chunked) is counted
 * as it arrives. Once it passes the limit, its bytes are no longer kept, but the stream is still
 * read to its end — up to `drainBytes` in all — and only then is the 413 sent. Answering while
 * the body is still unread leaves the rest of it on the connection: workerd neither discards it
 * nor closes the connection, so the next request on that keep-alive connection hangs
 * (cloudflare/workerd#1741; cancelling the stream does not help, and a `Connection: close` set by
 * a Worker is dropped by the runtime). A body that goes on past `drainBytes` is cancelled: it is
 * not an honest mistake, and its connection is not worth keeping.
 *
 * Never lets a body over the limit reach a handler, never buffers more than the limit.
 *
 * `bodyLimits` applies one limit to every request and a larger one to the few requests a table
 * names: a path, a method, the content types accepted there, and any further condition (a file
 * committed as a job). A request on such a path that is not exactly that keeps the default limit.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import { DomainError } from '../errors';

export interface BodyLimitOptions {
  maxBytes: number;
  /** The most read of an over-limit body before it is cancelled instead of drained. */
  drainBytes: number;
}

function bodyLimit({ maxBytes, drainBytes }: BodyLimitOptions): MiddlewareHandler<AppEnv> {
  const tooLarge = () => new DomainError('payload_too_large', `Request bodies are limited to ${maxBytes} bytes.`);
  return async function bodyLimit(c, next) {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.raw.headers.get('content-length');
    if (declared !== null && !c.req.raw.headers.has('transfer-encoding')) {
      if (Number.parseInt(declared, 10) > maxBytes) throw tooLarge();
      return next();
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await drain(reader, size, drainBytes);
        throw tooLarge();
      }
      chunks.push(value);
    }
    c.req.raw = new Request(c.req.raw, { body: concat(chunks, size) });
    return next();
  };
}

/** Reads and drops the rest of a body, `read` bytes of it already read; cancels it past `bound`. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, read: number, bound: number): Promise<void> {
  let total = read;
  while (total <= bound) {
    const { done, value } = await reader.read();
    if (done) return;
    total += value.byteLength;
  }
  await reader.cancel('request body over the limit');
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

/** A request that may carry a larger body than the default. */
export interface LargerBody {
  /** What it is, for the reader of the table. */
  what: string;
  method: string;
  path: RegExp;
  /** Content types accepted (the media type, without parameters). */
  types: readonly string[];
  maxBytes: number;
  drainBytes: number;
  /** A further condition on the request (a query parameter, say). */
  when?: (c: Context<AppEnv>) => boolean;
}

const mediaType = (c: Context<AppEnv>) => (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** The default limit for every request, and each `larger` entry's own for the requests it names. */
export function bodyLimits(fallback: BodyLimitOptions, larger: readonly LargerBody[]): MiddlewareHandler<AppEnv> {
  const limits = larger.map((entry) => ({ entry, limit: bodyLimit(entry) }));
  const standard = bodyLimit(fallback);
  return (c, next) => {
    const found = limits.find(
      ({ entry }) =>
        c.req.method === entry.method && entry.path.test(c.req.path) && entry.types.includes(mediaType(c)) && (entry.when?.(c) ?? true),
    );
    return (found?.limit ?? standard)(c, next);
  };
}
