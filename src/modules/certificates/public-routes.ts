/**
 * Public verification, without a token (verify.ts says what it reveals): the JSON answer in the
 * API, mounted before `authenticate()`, and the page at `/verifikasi/{code}` that a certificate's
 * QR code opens (served by the Worker before the console's fallback: wrangler.toml
 * `run_worker_first`). Both are rate-limited per client address like the sign-in routes.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { DomainError } from '../../platform/errors';
import { json, problem, publicRoute, publicRouter } from '../../platform/http/openapi';
import { rateLimit } from '../../platform/http/rate-limit';
import { verificationParams, verificationSchema } from './schemas';
import { unknownCertificatePage, verificationPage, verifyCertificate } from './verify';

export const verificationRoutes = publicRouter().openapi(
  publicRoute({
    method: 'get',
    path: '/verifikasi/{code}',
    tags: ['Certificates'],
    summary: 'Verify a certificate by the code on it: valid or revoked, with the minimum to check the paper (no full NIP)',
    middleware: [rateLimit('verify')],
    request: { params: verificationParams },
    responses: { 200: json(verificationSchema, 'The certificate'), 404: problem('No certificate has this code') },
  }),
  async (c) => {
    c.header('cache-control', 'no-store');
    return c.json(await verifyCertificate(c.env, c.get('meter'), c.req.valid('param').code), 200);
  },
);

const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** `GET /verifikasi/{code}`: the page a phone shows after scanning the QR code. */
export const verificationPageRoute = [
  rateLimit('verify-page'),
  async (c: Context<AppEnv>) => {
    try {
      const found = await verifyCertificate(c.env, c.get('meter'), c.req.param('code') ?? '');
      return c.body(verificationPage(found), 200, pageHeaders);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'not_found') return c.body(unknownCertificatePage(), 404, pageHeaders);
      throw err;
    }
  },
] as const;
