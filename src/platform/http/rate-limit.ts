/**
 * Rate limits per client address, with Cloudflare's Rate Limiting binding (`AUTH_RATE_LIMIT`,
 * wrangler.toml `[[ratelimits]]`): each limited route counts each address on its own. Counts are
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

export function rateLimit(name: string): MiddlewareHandler<AppEnv> {
  return async function rateLimit(c, next) {
    const limiter = c.env.AUTH_RATE_LIMIT;
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
