/**
 * One error hierarchy and one way out: every failure leaves as RFC 9457 problem+json with the
 * request id. Services throw `DomainError`s; the table below maps each code to its status once.
 * Never a stack trace in a response.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../../env';

export const problemCodes = {
  bad_request: { status: 400, title: 'Bad request' },
  validation_failed: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  idempotency_in_progress: { status: 409, title: 'A request with this Idempotency-Key is still running' },
  precondition_failed: { status: 412, title: 'The resource has changed' },
  payload_too_large: { status: 413, title: 'Request body too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  idempotency_mismatch: { status: 422, title: 'Idempotency-Key reused with a different request' },
  unprocessable: { status: 422, title: 'The request cannot be applied' },
  precondition_required: { status: 428, title: 'If-Match required' },
  internal: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type ProblemCode = keyof typeof problemCodes;

export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export const notFound = (entity: string) => new DomainError('not_found', `No such ${entity}.`);

export function problemBody(c: Context<AppEnv>, error: DomainError) {
  const { status, title } = problemCodes[error.code];
  return {
    type: `urn:bangkom:problem:${error.code.replaceAll('_', '-')}`,
    title,
    status,
    detail: error.detail,
    instance: new URL(c.req.url).pathname,
    requestId: c.get('requestId') ?? '',
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

export function problemResponse(c: Context<AppEnv>, error: DomainError): Response {
  const body = problemBody(c, error);
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', ...error.headers };
  if (error.code === 'unauthenticated') headers['www-authenticate'] = 'Bearer';
  // Through the context, so headers set earlier in the chain (x-request-id) are kept.
  return c.body(JSON.stringify(body), body.status, headers);
}

const statusCodes = new Map<number, ProblemCode>(
  Object.entries(problemCodes).map(([code, { status }]) => [status, code as ProblemCode]),
);

/** Translates anything thrown into a DomainError; unknown errors become a bare 500. */
export function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof HTTPException) {
    const code = err.status === 400 ? 'bad_request' : (statusCodes.get(err.status) ?? 'internal');
    const detail = err.status >= 500 ? 'The server could not complete the request.' : err.message || problemCodes[code].title;
    return new DomainError(code, detail);
  }
  return new DomainError('internal', 'The server could not complete the request.');
}
