/**
 * The refresh token's cookie: `HttpOnly` (no script reads it), `Secure`, `SameSite=Strict` (never
 * sent by another site's request), and only to `/api/v1/auth` — the routes that use it.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../env';
import { refreshTokenDays } from './sessions';

const refreshCookie = 'bangkom_refresh';
const options = { path: '/api/v1/auth', httpOnly: true, secure: true, sameSite: 'Strict' } as const;

export const setRefreshCookie = (c: Context<AppEnv>, token: string) =>
  setCookie(c, refreshCookie, token, { ...options, maxAge: refreshTokenDays * 24 * 3600 });

export const clearRefreshCookie = (c: Context<AppEnv>) => deleteCookie(c, refreshCookie, options);

export const readRefreshCookie = (c: Context<AppEnv>): string | undefined => getCookie(c, refreshCookie);
