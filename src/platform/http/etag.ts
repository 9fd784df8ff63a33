/**
 * Versions as ETags: reads send `ETag: "v3"`, writes must send `If-Match: "v3"` (428 without it,
 * 412 when the resource has moved on), so two editors never overwrite each other silently.
 */
import { DomainError } from '../errors';

export const etagOf = (version: number) => `"v${version}"`;

/** Reads only the request's headers, so a handler of any router (tenant, national, caller) may call it. */
export function expectedVersion(c: { req: { header(name: string): string | undefined } }): number {
  const header = c.req.header('if-match');
  if (!header) throw new DomainError('precondition_required', 'Send If-Match with the ETag you last read.');
  const match = /^(?:W\/)?"v(\d{1,9})"$/.exec(header.trim());
  if (!match) throw new DomainError('precondition_failed', 'If-Match does not hold a current ETag of this resource.');
  return Number(match[1]);
}

export const staleWrite = () =>
  new DomainError('precondition_failed', 'The resource was changed since you read it; read it again and retry.');
