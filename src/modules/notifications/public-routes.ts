/**
 * The e-mails' unsubscribe link, without a token (unsubscribe.ts says what it proves and changes):
 * mounted before `authenticate()`, rate-limited per client address like the other public routes.
 * Both answers are small HTML pages, for a person who clicked the link.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { problem, publicRoute, publicRouter } from '../../platform/http/openapi';
import { rateLimit } from '../../platform/http/rate-limit';
import { confirmationPage, type PublicCall, unsubscribe } from './unsubscribe';

const publicCall = (c: Context<AppEnv>): PublicCall => ({ env: c.env, meter: c.get('meter'), requestId: c.get('requestId') });

const query = z.object({
  token: z
    .string()
    .min(1)
    .max(1000)
    .openapi({ description: 'The signed token of the link in the e-mail', param: { name: 'token', in: 'query' } }),
});

const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });

const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const tags = ['Notifications'];

export const unsubscribeRoutes = publicRouter()
  .openapi(
    publicRoute({
      method: 'get',
      path: '/berhenti-langganan',
      tags,
      summary: 'The page an e-mail’s unsubscribe link opens: what it turns off, and a button to confirm (changes nothing by itself)',
      middleware: [rateLimit('unsubscribe')],
      request: { query },
      responses: { 200: html('The confirmation page (Indonesian)'), 404: problem('The person of the link no longer exists') },
    }),
    async (c) => c.body(await confirmationPage(publicCall(c), c.req.valid('query').token), 200, pageHeaders),
  )
  .openapi(
    publicRoute({
      method: 'post',
      path: '/berhenti-langganan',
      tags,
      summary:
        'Unsubscribe: the kind of the link (or every kind, for the digest’s) is no longer e-mailed to its person. The page’s button and RFC 8058 one-click (`List-Unsubscribe=One-Click`) both post here; repeating it changes nothing more',
      middleware: [rateLimit('unsubscribe')],
      request: { query },
      responses: { 200: html('Done (Indonesian)'), 404: problem('The person of the link no longer exists') },
    }),
    async (c) => c.body(await unsubscribe(publicCall(c), c.req.valid('query').token), 200, pageHeaders),
  );
