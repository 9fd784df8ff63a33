/**
 * Signing in, without a token: password sign-in, activation with a one-time code, refresh and sign
 * out with the refresh cookie. Mounted before `authenticate()`; each route is rate-limited per
 * client address, and failures count towards the lockout (throttle.ts).
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { json, jsonBody, publicRoute, publicRouter } from '../../platform/http/openapi';
import { rateLimit } from '../../platform/http/rate-limit';
import { authCall } from './call';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './cookie';
import { refresh, signOut } from './refresh';
import { activateSchema, loginSchema, logoutSchema, signedInSchema } from './schemas';
import { activate, signIn } from './sign-in';
import type { SignedIn } from './tokens';

const cookieNote = 'The refresh token is set as the `bangkom_refresh` cookie (HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth).';

function answer(c: Context<AppEnv>, result: SignedIn) {
  const { refreshToken, ...body } = result;
  setRefreshCookie(c, refreshToken);
  c.header('cache-control', 'no-store');
  return body;
}

export const signInRoutes = publicRouter()
  .openapi(
    publicRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['Signing in'],
      summary: 'Sign in with user name (NIP or email) and password',
      description: `Answers an access token (15 minutes) in the body. ${cookieNote} Any wrong detail is the same 401.`,
      middleware: [rateLimit('login')],
      request: { body: jsonBody(loginSchema) },
      responses: { 200: json(signedInSchema, 'Signed in') },
    }),
    async (c) => c.json(answer(c, await signIn(authCall(c), c.req.valid('json'))), 200),
  )
  .openapi(
    publicRoute({
      method: 'post',
      path: '/auth/activate',
      tags: ['Signing in'],
      summary: 'Activate an account (or reset its password) with a one-time code, choosing the password',
      description: `The code comes from the region's admin. Signs in like /auth/login. ${cookieNote}`,
      middleware: [rateLimit('activate')],
      request: { body: jsonBody(activateSchema) },
      responses: { 200: json(signedInSchema, 'Activated and signed in') },
    }),
    async (c) => c.json(answer(c, await activate(authCall(c), c.req.valid('json'))), 200),
  )
  .openapi(
    publicRoute({
      method: 'post',
      path: '/auth/refresh',
      tags: ['Signing in'],
      summary: 'A new access token for the refresh cookie, which is replaced (rotation)',
      description: 'A refresh token works once; presenting a used one again ends the whole sign-in.',
      middleware: [rateLimit('refresh', 'SESSION_RATE_LIMIT')],
      responses: { 200: json(signedInSchema, 'A new access token') },
    }),
    async (c) => {
      try {
        return c.json(answer(c, await refresh(authCall(c), readRefreshCookie(c))), 200);
      } catch (err) {
        clearRefreshCookie(c);
        throw err;
      }
    },
  )
  .openapi(
    publicRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['Signing in'],
      summary: "Sign out: ends the refresh cookie's sign-in (or, with everywhere, every session of its account) and clears the cookie",
      middleware: [rateLimit('logout', 'SESSION_RATE_LIMIT')],
      request: { body: { required: false, content: { 'application/json': { schema: logoutSchema } } } },
      responses: { 204: { description: 'Signed out (also when there was nothing to end)' } },
    }),
    async (c) => {
      const { everywhere } = c.req.valid('json') ?? {};
      await signOut(authCall(c), readRefreshCookie(c), everywhere ?? false);
      clearRefreshCookie(c);
      return c.body(null, 204);
    },
  );
