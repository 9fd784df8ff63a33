/**
 * Problem details (RFC 9457) as the API sends them, turned into an error the screens can show:
 * the code (the last part of `type`), the status, the server's detail and the field errors keyed
 * by field name (`json.level` or `body.level` → `level`).
 */
import type { components } from './schema';

type ProblemBody = components['schemas']['Problem'];

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly requestId: string | undefined;
  readonly fields: Record<string, string>;

  constructor(status: number, body: Partial<ProblemBody> | undefined) {
    super(body?.detail ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = body?.type?.split(':').pop() ?? (status === 0 ? 'network' : 'unknown');
    this.detail = body?.detail ?? '';
    this.requestId = body?.requestId;
    this.fields = {};
    for (const error of body?.errors ?? []) {
      const field = error.path.replace(/^(json|body|query|param|header)\./, '');
      this.fields[field] ??= error.message;
    }
  }
}

function isProblem(value: unknown): value is Partial<ProblemBody> {
  return typeof value === 'object' && value !== null && 'status' in value;
}

/** The data of an openapi-fetch answer, or the problem it carries, thrown. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiProblem(0, undefined);
  }
  if (result.error !== undefined || !result.response.ok) {
    throw new ApiProblem(result.response.status, isProblem(result.error) ? result.error : undefined);
  }
  return result.data as T;
}
