/**
 * 404 and 405 as problems. Hono answers an unmatched method with 404; here a path that exists
 * under another method gets 405 with `Allow`, computed from the app's own route table.
 */
import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../env';
import { DomainError } from '../errors';
import { problemResponse } from './problems';

export function routeMatcher(app: Hono<AppEnv>) {
  let compiled: { method: string; pattern: RegExp }[] | undefined;
  return (path: string): string[] => {
    compiled ??= app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({
        method: r.method,
        pattern: new RegExp(`^${r.path.replace(/\/:[^/]+/g, '/[^/]+').replace(/\*/g, '.*')}/?$`),
      }));
    return [...new Set(compiled.filter((r) => r.pattern.test(path)).map((r) => r.method))];
  };
}

export function notFoundHandler(allowedMethods: (path: string) => string[]) {
  return (c: Context<AppEnv>) => {
    const allowed = allowedMethods(c.req.path);
    if (allowed.length > 0) {
      return problemResponse(
        c,
        new DomainError('method_not_allowed', `${c.req.method} is not allowed here; use ${allowed.join(', ')}.`, undefined, {
          allow: allowed.join(', '),
        }),
      );
    }
    return problemResponse(c, new DomainError('not_found', `Nothing lives at ${c.req.path}.`));
  };
}
