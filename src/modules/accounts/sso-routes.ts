/**
 * Single sign-on's public routes (sso.ts): how a region signs in, the start that sends the browser
 * to the region's IdP, and the callback the IdP sends it back to. Mounted before `authenticate()`
 * and rate-limited like the other sign-in routes. Start and callback answer browsers, not scripts:
 * every outcome is a 302 — to the IdP, to the console's `/masuk?sso=ok`, or to
 * `/masuk?sso=gagal&alasan=<reason>` with an audit row — never a problem body or a stack trace.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../env';
import { json, orNull, publicRoute, publicRouter } from '../../platform/http/openapi';
import { rateLimit } from '../../platform/http/rate-limit';
import { authCall } from './call';
import { setRefreshCookie } from './cookie';
import { SsoFailure } from './oidc';
import type { AuthCall } from './realm';
import { auditSsoFailure, finishSso, signInMethods, ssoCookiePath, startSso } from './sso';

const stateCookie = 'bangkom_sso';
/** The state cookie goes back with the IdP's redirect (a cross-site top-level navigation), so it is Lax, not Strict. */
const stateCookieOptions = (slug: string) => ({ path: ssoCookiePath(slug), httpOnly: true, secure: true, sameSite: 'Lax' }) as const;
const validSlug = (slug: string) => /^[a-z][a-z0-9-]{1,39}$/.test(slug);

const tenantPath = z.object({
  tenant: z
    .string()
    .max(100)
    .openapi({ param: { name: 'tenant', in: 'path' }, example: 'kalianda' }),
});

const callbackQuery = z.object({
  code: z.string().max(4096).optional().openapi({ description: "The IdP's authorization code" }),
  state: z.string().max(4096).optional().openapi({ description: 'The state the start sent' }),
  error: z.string().max(4096).optional().openapi({ description: 'The IdP refused or the person cancelled' }),
  error_description: z.string().max(4096).optional(),
  iss: z.string().max(4096).optional(),
  session_state: z.string().max(4096).optional(),
});

const methodsQuery = z.object({
  tenant: z.string().max(100).optional().openapi({ description: 'The region (slug); absent for national accounts', example: 'kalianda' }),
});

const signInMethodsSchema = z
  .object({
    password: z.literal(true),
    sso: orNull(
      z
        .object({
          startUrl: z
            .string()
            .openapi({ example: '/api/v1/auth/oidc/kalianda/start', description: 'Send the browser here (a navigation)' }),
        })
        .openapi('SsoMethod'),
    ),
  })
  .openapi('SignInMethods');

const redirect = (description: string) => ({
  description,
  headers: z.object({ location: z.string().openapi({ description: 'Where the browser goes next' }) }),
});

const origin = (c: Context<AppEnv>) => new URL(c.req.url).origin;

/** Any failure: the console's sign-in page with the short reason, an audit row and a log line; nothing else. */
async function failed(c: Context<AppEnv>, call: AuthCall, slug: string, err: unknown): Promise<Response> {
  const failure = err instanceof SsoFailure ? err : new SsoFailure('konfigurasi', 'unexpected failure');
  if (!(err instanceof SsoFailure)) console.error(`request ${call.requestId}: single sign-on failed`, err);
  else console.warn(`request ${call.requestId}: single sign-on of ${slug.slice(0, 60)} refused: ${failure.message}`);
  try {
    await auditSsoFailure(call, slug, failure);
  } catch (auditErr) {
    console.error(`request ${call.requestId}: the single sign-on failure could not be audited`, auditErr);
  }
  if (validSlug(slug)) deleteCookie(c, stateCookie, stateCookieOptions(slug));
  c.header('cache-control', 'no-store');
  return c.redirect(`/masuk?sso=gagal&alasan=${failure.reason}`, 302);
}

export const ssoRoutes = publicRouter()
  .openapi(
    publicRoute({
      method: 'get',
      path: '/auth/methods',
      tags: ['Signing in'],
      summary: "How a region's people sign in: password, and single sign-on where the region has it",
      description: 'An unknown region answers as a region without single sign-on.',
      middleware: [rateLimit('methods', 'SESSION_RATE_LIMIT')],
      request: { query: methodsQuery },
      responses: { 200: json(signInMethodsSchema, 'The sign-in methods') },
    }),
    async (c) => {
      const { tenant } = c.req.valid('query');
      c.header('cache-control', 'no-store');
      return c.json(await signInMethods(authCall(c), tenant), 200);
    },
  )
  .openapi(
    publicRoute({
      method: 'get',
      path: '/auth/oidc/{tenant}/start',
      tags: ['Signing in'],
      summary: "Single sign-on: sends the browser to the region's IdP (authorization code + PKCE)",
      description:
        "A navigation, not a fetch. Sets the `bangkom_sso` state cookie (HttpOnly; Secure; SameSite=Lax; this region's single sign-on path; 10 minutes). A region without single sign-on goes to `/masuk?sso=gagal&alasan=konfigurasi`.",
      middleware: [rateLimit('sso-start')],
      request: { params: tenantPath },
      responses: { 302: redirect("To the IdP's authorization endpoint, or to `/masuk?sso=gagal&alasan=konfigurasi`") },
    }),
    async (c) => {
      const { tenant } = c.req.valid('param');
      const call = authCall(c);
      try {
        const { location, state } = await startSso(call, tenant, origin(c));
        setCookie(c, stateCookie, state, { ...stateCookieOptions(tenant), maxAge: 600 });
        c.header('cache-control', 'no-store');
        return c.redirect(location, 302);
      } catch (err) {
        return failed(c, call, tenant, err);
      }
    },
    (result, c) => (result.success ? undefined : failed(c, authCall(c), '', new SsoFailure('konfigurasi', 'bad path'))),
  )
  .openapi(
    publicRoute({
      method: 'get',
      path: '/auth/oidc/{tenant}/callback',
      tags: ['Signing in'],
      summary: "Single sign-on: the IdP's answer; signs in and goes to the console",
      description:
        "The IdP's redirect (`redirect_uri`). On success the refresh cookie is set (as by /auth/login) and the browser goes to `/masuk?sso=ok`, where the console calls POST /api/v1/auth/refresh for its access token. Any failure goes to `/masuk?sso=gagal&alasan=` with `state` (unknown, used, expired, another region's or another browser's state), `nonce` (the ID token's nonce is not this sign-in's), `pkce` (the IdP refused the code for this sign-in's PKCE verifier: a code injected from another sign-in, a tampered verifier, or a code used or expired), `token` (no code, the exchange failed or the ID token is not valid), `akun` (the claim names no active account of the region) or `konfigurasi` (the region's single sign-on is not set up, its IdP cannot be reached or refuses the client); each is audited as `auth.sso_failed`.",
      middleware: [rateLimit('sso-callback')],
      request: { params: tenantPath, query: callbackQuery },
      responses: { 302: redirect('To `/masuk?sso=ok` (signed in) or `/masuk?sso=gagal&alasan=<reason>`') },
    }),
    async (c) => {
      const { tenant } = c.req.valid('param');
      const query = c.req.valid('query');
      const call = authCall(c);
      try {
        const { refreshToken } = await finishSso(call, tenant, origin(c), {
          code: query.code,
          state: query.state,
          error: query.error,
          iss: query.iss,
          cookieState: getCookie(c, stateCookie),
        });
        setRefreshCookie(c, refreshToken);
        deleteCookie(c, stateCookie, stateCookieOptions(tenant));
        c.header('cache-control', 'no-store');
        return c.redirect('/masuk?sso=ok', 302);
      } catch (err) {
        return failed(c, call, tenant, err);
      }
    },
    (result, c) =>
      result.success ? undefined : failed(c, authCall(c), c.req.param('tenant') ?? '', new SsoFailure('state', 'unreadable answer')),
  );
