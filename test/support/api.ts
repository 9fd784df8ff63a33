/**
 * Calls the Worker the way the runtime does: its own `fetch` handler, in workerd, with real D1
 * behind it. (Not through `exports.default.fetch`: that loopback slows down with every call made
 * through it, quadratically, which made long suites crawl.)
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import worker from '../../src/index';
import { parseServerTiming } from '../../src/platform/http/server-timing';
import type { components, paths } from '../../types/openapi';
import { checkContract } from './contract';

export interface ApiOptions {
  token?: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  /**
   * The parsed JSON body, or the text when the response is not JSON. Typed by `api()` from the
   * OpenAPI document as the union of the operation's 2xx bodies; an error body is read through
   * `expectProblem()`.
   */
  body: T;
  text: string;
  /** The body as sent, byte for byte (`text` drops a leading BOM, as decoders do). */
  bytes: Uint8Array;
  cost: ReturnType<typeof parseServerTiming>;
}

/** A query string to append to a path: typed paths keep their operation (`${path}${query}`). */
export type Query = `?${string}` | '';

/** The RFC 9457 body every error has (components.schemas.Problem). */
export type Problem = components['schemas']['Problem'];

/**
 * The body type of a call, from the generated types of the OpenAPI document (types/openapi.d.ts,
 * `npm run api:types`). The path is matched segment by segment against the documented paths (a
 * `{param}` takes any one segment, the query string is ignored), so
 * `` `/api/v1/tenants/${slug}/employees/${id}` `` is `GET /api/v1/tenants/{tenant}/employees/{id}`
 * and never `…/employees/{id}/jp`; where a literal segment and a parameter both fit
 * (`/employees/export.csv`, `/employees/{id}`), the path with fewer parameters wins. A path the
 * document does not have (a plain `string`, static assets, deliberately bogus paths) answers
 * `unknown`, to be narrowed by the test that reads it.
 */
export type ResponseBody<M extends string, P extends string> = string extends P
  ? unknown
  : [Operations<M, P>] extends [never]
    ? unknown
    : SuccessBody<Operations<M, P>>;

/**
 * The documented operations a call may be: with a union of methods or of paths (`cond ? 'POST' :
 * 'PATCH'`), each pair that is an operation of the document.
 */
type Operations<M extends string, P extends string> = M extends string
  ? P extends string
    ? DocumentedPath<M, P> extends infer D extends DocPath
      ? Operation<D, M>
      : never
    : never
  : never;

type DocPath = keyof paths & string;
type Segments<S extends string> = S extends `${infer Head}/${infer Tail}` ? [Head, ...Segments<Tail>] : [S];
type WithoutQuery<S extends string> = S extends `${infer Path}?${string}` ? Path : S;
/** The `{param}` segments of a documented path. */
type ParameterSegments<L> = L extends [infer Head, ...infer Tail]
  ? Head extends `{${string}}`
    ? [Head, ...ParameterSegments<Tail>]
    : ParameterSegments<Tail>
  : [];
/** Whether documented path A has fewer parameters than B. */
type Fewer<A extends DocPath, B extends DocPath> =
  ParameterSegments<Segments<B>> extends [...ParameterSegments<Segments<A>>, unknown, ...unknown[]] ? true : false;

/** The operation of a documented path and method (never when the path lacks the method). */
type Operation<D extends DocPath, M extends string> = Exclude<paths[D][Lowercase<M> & keyof paths[D]], undefined>;

/** Whether the request path's segments fit a documented path's. */
type Fits<Path extends string[], Doc extends string[]> = Path extends [infer P extends string, ...infer PathRest extends string[]]
  ? Doc extends [infer D extends string, ...infer DocRest extends string[]]
    ? D extends `{${string}}`
      ? Fits<PathRest, DocRest>
      : P extends D
        ? Fits<PathRest, DocRest>
        : false
    : false
  : Doc extends []
    ? true
    : false;

type Candidates<M extends string, P extends string> = {
  [D in DocPath]: [Operation<D, M>] extends [never] ? never : Fits<Segments<WithoutQuery<P>>, Segments<D>> extends true ? D : never;
}[DocPath];

/** Of the fitting documented paths, those with the fewest parameters. */
type MostSpecific<C extends DocPath, All extends DocPath = C> = C extends DocPath
  ? true extends (All extends DocPath ? Fewer<All, C> : never)
    ? never
    : C
  : never;

type DocumentedPath<M extends string, P extends string> = MostSpecific<Candidates<M, P>>;

/** The union of an operation's 2xx bodies: JSON as its schema, anything else (CSV, no content) as text. */
type SuccessBody<O> = O extends { responses: infer R }
  ? { [S in keyof R]: `${S & (string | number)}` extends `2${string}` ? ContentOf<R[S]> : never }[keyof R]
  : unknown;
type ContentOf<R> = R extends { content: infer C } ? C[keyof C] : string;

export async function api<M extends string, P extends string>(
  method: M,
  path: P,
  options: ApiOptions = {},
): Promise<ApiResponse<ResponseBody<M, P>>> {
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
    body: parsed as ResponseBody<M, P>,
    text,
    bytes,
    cost: parseServerTiming(res.headers.get('server-timing')),
  });
}

/** Asserts the RFC 9457 shape every error must have, and answers the problem. */
export function expectProblem(res: ApiResponse, status: number): Problem {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  const ct = res.headers.get('content-type') ?? '';
  if (!ct.startsWith('application/problem+json')) throw new Error(`expected problem+json, got ${ct}`);
  const b = res.body as Record<string, unknown>;
  for (const field of ['type', 'title', 'status', 'detail', 'requestId']) {
    if (b[field] === undefined || b[field] === '') throw new Error(`problem lacks ${field}: ${res.text}`);
  }
  if (b.status !== status) throw new Error(`problem.status ${String(b.status)} != ${status}`);
  if (/\bat \S+:\d+:\d+/.test(res.text)) throw new Error('problem leaks a stack trace');
  return res.body as Problem;
}
