/**
 * Calls the Worker the way the runtime does: its own `fetch` handler, in workerd, with real D1
 * behind it. (Not through `exports.default.fetch`: that loopback slows down with every call made
 * through it, quadratically, which made long suites crawl.)
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../src/index';
import { parseServerTiming } from '../../src/platform/http/server-timing';
import { checkContract } from './contract';

export interface ApiOptions {
  token?: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

// biome-ignore lint/suspicious/noExplicitAny: untyped until the test client's bodies are typed from the OpenAPI document (open work)
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** The body as sent, byte for byte (`text` drops a leading BOM, as decoders do). */
  bytes: Uint8Array;
  cost: ReturnType<typeof parseServerTiming>;
}

// biome-ignore lint/suspicious/noExplicitAny: as above
export async function api<T = any>(method: string, path: string, options: ApiOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const request = new Request(`https://bangkom.test${path}`, { method, headers, body }) as Parameters<typeof worker.fetch>[0];
  const ctx = createExecutionContext();
  const res = await worker.fetch(request, env, ctx);
  await waitOnExecutionContext(ctx);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
  return checkContract(method, path, {
    status: res.status,
    headers: res.headers,
    body: parsed as T,
    text,
    bytes,
    cost: parseServerTiming(res.headers.get('server-timing')),
  });
}

/** Asserts the RFC 9457 shape every error must have. */
export function expectProblem(res: ApiResponse, status: number): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  const ct = res.headers.get('content-type') ?? '';
  if (!ct.startsWith('application/problem+json')) throw new Error(`expected problem+json, got ${ct}`);
  const b = res.body as Record<string, unknown>;
  for (const field of ['type', 'title', 'status', 'detail', 'requestId']) {
    if (b[field] === undefined || b[field] === '') throw new Error(`problem lacks ${field}: ${res.text}`);
  }
  if (b.status !== status) throw new Error(`problem.status ${String(b.status)} != ${status}`);
  if (/\bat \S+:\d+:\d+/.test(res.text)) throw new Error('problem leaks a stack trace');
}
