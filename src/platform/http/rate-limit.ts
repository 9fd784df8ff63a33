/**
 * Rate limits per client address, with Cloudflare's Rate Limiting bindings (wrangler.toml
 * `[[ratelimits]]`): `AUTH_RATE_LIMIT` for sign-in and the other public routes,
 * `SESSION_RATE_LIMIT` for keeping a session (renewal at every page load, sign-out, the sign-in
 * methods: an office behind one address makes many), `SURVEY_RATE_LIMIT` for the citizens'
 * survey, so that a flood of survey answers and a flood of sign-ins never spend
 * each other's allowance, and each can be tuned alone. Within a binding each limited route counts
 * each address on its own (the key is the route's name and the address). Counts are
 * per Cloudflare location and approximate, which is what a limit against bursts needs; lockout
 * after failed sign-ins is exact and lives in the database (modules/accounts). Without the
 * binding nothing is limited.
 * https://developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../env';
import { DomainError } from '../errors';

/** The caller's address as Cloudflare saw it; `unknown` where nothing says (local tests). */
export const clientAddress = (c: Context<AppEnv>): string => c.req.header('cf-connecting-ip') ?? 'unknown';

/** The Rate Limiting bindings: which one a route counts against. */
export type RateLimitBinding = 'AUTH_RATE_LIMIT' | 'SESSION_RATE_LIMIT' | 'SURVEY_RATE_LIMIT';

export function rateLimit(name: string, binding: RateLimitBinding = 'AUTH_RATE_LIMIT'): MiddlewareHandler<AppEnv> {
  return async function rateLimit(c, next) {
    const limiter = c.env[binding];
    if (limiter) {
      const { success } = await limiter.limit({ key: `${name}:${clientAddress(c)}` });
      if (!success) {
        throw new DomainError('too_many_requests', 'Too many requests from this address; try again in a minute.', undefined, {
          'retry-after': '60',
        });
      }
    }
    await next();
  };
}
