/**
 * Route definitions: one zod schema gives validation, types and the OpenAPI document. `route()`
 * adds what every Bangkom operation shares — bearer security, the roles that may call it (checked
 * by `authorize()` and published as `x-roles`), idempotency keys (after the role check), and the
 * problem responses — so no module repeats it.
 */
import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, NationalEnv, TenantEnv } from '../../env';
import { authorize } from '../auth/middleware';
import type { Role } from '../auth/principal';
import { DomainError } from '../errors';
import { idempotency } from './idempotency';

const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

const problemResponses = {
  400: problem('The request is not valid'),
  401: problem('Missing, invalid or expired token'),
  403: problem('The token does not allow this'),
  404: problem('Not found (or in another tenant)'),
  500: problem('A fault of the server; the detail says nothing more (the server logs it with the request id)'),
} as const;

/** Any request may carry a body, and a body over 1 MB is refused before routing. */
const bodyLimitProblem = { 413: problem('The request body is over 1 MB') };
/** An operation that reads a body refuses one of another content type. */
const mediaTypeProblem = { 415: problem('The body is not of the declared content type') };
/** A POST may carry `Idempotency-Key`: a retry while the first request runs, or the key reused for another request. */
const idempotencyProblems = {
  409: 'a request with this Idempotency-Key is still running',
  422: 'the Idempotency-Key was used for another request',
} as const;

type Responses = RouteConfig['responses'];

/**
 * The problems every operation shares, those of its method and body, then its own. Where an
 * operation declares its own 409 or 422 on a POST, the idempotency meaning is added to its
 * description, so the document names every reason for the status.
 */
function withSharedProblems(method: string, hasBody: boolean, own: Responses): Responses {
  const all: Responses = {
    ...problemResponses,
    ...(method === 'get' ? {} : bodyLimitProblem),
    ...(hasBody ? mediaTypeProblem : {}),
    ...own,
  };
  if (method === 'post') {
    for (const [status, reason] of Object.entries(idempotencyProblems)) {
      const declared = own[status];
      if (!declared) all[status] = problem(`${reason[0]?.toUpperCase()}${reason.slice(1)}`);
      else if ('description' in declared) all[status] = { ...declared, description: `${declared.description}; or ${reason}` };
    }
  }
  return all;
}

/** Turns zod issues into the problem's `errors[]`, with dotted paths. */
/** At most this many field errors are listed: a 1,000-row bulk of bad rows should not answer with megabytes. */
const maxListedErrors = 200;

export function validationError(issues: readonly { path: PropertyKey[]; message: string }[], where: string): DomainError {
  const errors = issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  const listed = errors.length > maxListedErrors ? ` (the first ${maxListedErrors} are listed)` : '';
  return new DomainError(
    'validation_failed',
    `${errors.length} problem(s) in the request ${where}${listed}.`,
    errors.slice(0, maxListedErrors),
  );
}

function router<E extends AppEnv | TenantEnv | NationalEnv>() {
  return new OpenAPIHono<E>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error.issues, result.target);
      return undefined;
    },
  });
}

/** Routes under `/tenants/{tenant}/…` and `/me/…`: `c.get('ctx')` is a `TenantContext`. */
export const tenantRouter = () => router<TenantEnv>();
/** Routes under `/national/…` and the directory: `c.get('ctx')` is a `NationalContext`. */
export const nationalRouter = () => router<NationalEnv>();
/** Routes any caller reaches with their own context, tenant or national (`/me`). */
export const callerRouter = () => router<AppEnv>();

type Config = Omit<RouteConfig, 'security' | 'middleware'> & {
  roles: readonly Role[];
  /** The answer holds one-time secrets (activation codes): never kept for an Idempotency-Key replay. */
  secretAnswer?: boolean;
  /** Reachable with a token limited to setting up a second factor. */
  twoFactorSetup?: boolean;
  /** Reachable only with a token that still owes its second factor (scope `two-factor`). */
  secondFactor?: boolean;
};

export function route<const C extends Config>(config: C) {
  const { roles, responses, secretAnswer, twoFactorSetup, secondFactor, ...rest } = config;
  const authorization = authorize(roles, { setup: twoFactorSetup ?? false, secondFactor: secondFactor ?? false });
  return createRoute({
    ...rest,
    security: [{ bearer: [] as string[] }],
    middleware: secretAnswer ? [authorization] : [authorization, idempotency()],
    // An answer with one-time secrets is never kept for a replay: the document says so.
    ...(secretAnswer ? { 'x-idempotency': false } : {}),
    'x-roles': roles.slice() as Role[],
    responses: withSharedProblems(config.method, config.request?.body !== undefined, responses) as typeof problemResponses & C['responses'],
  });
}

const publicProblems = {
  400: problem('The request is not valid'),
  401: problem('Not signed in: the same answer whatever was wrong'),
  429: problem('Too many attempts from this client or for this account; Retry-After says when to try again'),
} as const;

type PublicConfig = Omit<RouteConfig, 'security' | 'middleware'> & { middleware?: MiddlewareHandler<AppEnv>[] };

/**
 * A route anyone may call without a token (signing in). It is marked `x-public` in the OpenAPI
 * document, so the security suites know to test it as public; its router is mounted before
 * `authenticate()`. The middleware given (rate limits) runs before the handler.
 */
export function publicRoute<const C extends PublicConfig>(config: C) {
  const { responses, middleware, ...rest } = config;
  const hasBody = config.request?.body !== undefined;
  return createRoute({
    ...rest,
    security: [],
    middleware: middleware ?? [],
    'x-public': true,
    'x-idempotency': false,
    'x-roles': [] as Role[],
    responses: { ...publicProblems, ...bodyLimitProblem, ...(hasBody ? mediaTypeProblem : {}), ...responses } as typeof publicProblems &
      C['responses'],
  });
}

/** Routes anyone may call (signing in): `c.get('ctx')` is not set. */
export const publicRouter = () => router<AppEnv>();

/**
 * A named (registered) schema, or null. `.nullable()` on a registered schema renders wrongly in the
 * OpenAPI 3.1 document: the component itself turns nullable wherever it is used, or the null is
 * lost. This renders `anyOf: [{ $ref }, { type: 'null' }]`, which generated clients read as `T | null`.
 */
export const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

interface DocumentOperation {
  parameters?: { name: string; in: string }[];
  responses?: Record<string, unknown>;
  'x-public'?: boolean;
  'x-idempotency'?: boolean;
}

const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: the first successful answer is kept 24 hours and replayed to the same request with the same key (docs/http.md)',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
};

const ifMatchParameter = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description: 'The ETag last read (e.g. "v3"); 428 without it, 412 when the resource changed since',
  schema: { type: 'string', example: '"v3"' },
};

/**
 * Declares in the document (in place) the request headers the platform reads itself, so a client
 * generated from it sends them: `Idempotency-Key` on every POST that keeps answers for a replay,
 * `If-Match` on every operation that answers 428 without it. The server reads them in its
 * middleware and services; the document only says so.
 */
export function withPlatformHeaders<T extends object>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, DocumentOperation>> }).paths ?? {};
  for (const operations of Object.values(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const headers = [
        ...(method === 'post' && !operation['x-public'] && operation['x-idempotency'] !== false ? [idempotencyKeyParameter] : []),
        ...(operation.responses?.['428'] ? [ifMatchParameter] : []),
      ];
      const declared = new Set((operation.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()));
      const missing = headers.filter((h) => !declared.has(h.name.toLowerCase()));
      if (missing.length > 0) operation.parameters = [...(operation.parameters ?? []), ...missing];
    }
  }
  return document;
}
