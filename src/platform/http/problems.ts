/**
 * One error hierarchy and one way out: every failure leaves as RFC 9457 problem+json with the
 * request id. Services throw `DomainError`s; the table below maps each code to its status once.
 * Never a stack trace in a response.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../../env';
import { DomainError, type ProblemCode, problemCodes } from '../errors';

function problemBody(c: Context<AppEnv>, error: DomainError) {
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

const statusCodes = new Map<number, ProblemCode>(Object.entries(problemCodes).map(([code, { status }]) => [status, code as ProblemCode]));

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
