/** Calls the Worker the way a client does: through its fetch handler, with real D1 behind it. */
import { exports } from 'cloudflare:workers';
import { parseServerTiming } from '../../src/platform/http/server-timing';

export interface ApiOptions {
  token?: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  cost: ReturnType<typeof parseServerTiming>;
}

export async function api<T = any>(method: string, path: string, options: ApiOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await exports.default.fetch(new Request(`https://bangkom.test${path}`, { method, headers, body }));
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: parsed as T, text, cost: parseServerTiming(res.headers.get('server-timing')) };
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
