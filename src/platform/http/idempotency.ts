/**
 * `Idempotency-Key` on creates: the first POST with a key runs and, when it succeeds, its response
 * is kept for 24 hours (a refused request changed nothing and keeps nothing: its key is free
 * again); a retry with the same key and the same request gets that response again
 * (`Idempotent-Replayed: true`) and creates nothing; the same key with another request is 422;
 * a retry while the first is still running is 409.
 *
 * A key is scoped to tenant + principal + method + route: it lives in the database of the
 * request's tenant under the tenant's id (`national` for national routes), the caller's subject
 * and `<METHOD> <route pattern>`. It runs as route middleware after the
 * route's role and scope checks, so a replay is answered only to a caller who may make the
 * original request.
 */
import { and, eq, lt } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import type { MiddlewareHandler } from 'hono';
import { idempotencyKeys } from '../../db/schema';
import type { AppEnv } from '../../env';
import { DomainError } from '../errors';
import { nowIso } from '../ids';

export const idempotencyWindowMs = 24 * 60 * 60 * 1000;
const keyPattern = /^[\x21-\x7e]{1,255}$/;
const replayedHeaders = ['content-type', 'etag', 'location'];

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function idempotency(): MiddlewareHandler<AppEnv> {
  return async function idempotency(c, next) {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || key === undefined) return next();
    if (!keyPattern.test(key)) {
      throw new DomainError('validation_failed', 'Idempotency-Key must be 1–255 visible ASCII characters.', [
        { path: 'header.Idempotency-Key', message: 'invalid' },
      ]);
    }
    const ctx = c.get('ctx');
    // Keys are a platform table keyed by (scope, caller, key), not a tenant table.
    const orm = ctx.kind === 'tenant' ? ctx.db.unscoped('idempotency keys are keyed by scope, not tenant_id') : ctx.national.control;
    const scope = ctx.kind === 'tenant' ? ctx.tenant.id : 'national';
    const caller = ctx.actor.subject;
    const route = `${c.req.method} ${c.req.routePath}`;
    const url = new URL(c.req.url);
    const fingerprint = await sha256(`${c.req.method} ${url.pathname}${url.search}\n${await c.req.text()}`);
    const where = and(
      eq(idempotencyKeys.scope, scope),
      eq(idempotencyKeys.caller, caller),
      eq(idempotencyKeys.route, route),
      eq(idempotencyKeys.key, key),
    );

    const claimed = await orm
      .insert(idempotencyKeys)
      .values({ scope, caller, route, key, fingerprint, createdAt: nowIso() })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });

    if (claimed.length === 0) {
      const [first] = await orm.select().from(idempotencyKeys).where(where).limit(1);
      if (!first) throw new DomainError('idempotency_in_progress', 'Retry in a moment.');
      if (first.fingerprint !== fingerprint) {
        throw new DomainError('idempotency_mismatch', 'This Idempotency-Key was used for a different request.');
      }
      if (first.status === null) throw new DomainError('idempotency_in_progress', 'The first request has not finished; retry in a moment.');
      const headers = new Headers(JSON.parse(first.headers ?? '{}') as Record<string, string>);
      headers.set('idempotent-replayed', 'true');
      return c.body(first.body ?? '', first.status as 200, Object.fromEntries(headers));
    }

    try {
      await next();
    } finally {
      const res = c.res;
      if (res.status >= 400 || c.error) {
        await orm.delete(idempotencyKeys).where(where);
      } else {
        const headers = Object.fromEntries(replayedHeaders.flatMap((h) => (res.headers.has(h) ? [[h, res.headers.get(h) ?? '']] : [])));
        await orm
          .update(idempotencyKeys)
          .set({ status: res.status, headers: JSON.stringify(headers), body: await res.clone().text() })
          .where(where);
      }
    }
  };
}

/** Forgets keys older than the window; run by the scheduled handler for every database. */
export async function expireIdempotencyKeys(db: D1Database, now = Date.now()): Promise<void> {
  const cutoff = new Date(now - idempotencyWindowMs).toISOString();
  await drizzle(db).delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff));
}
