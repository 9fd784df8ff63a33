/** The signed-in person's own account: password, sign out everywhere, second factor (a Bangkom token). */
import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { DomainError } from '../../platform/errors';
import { callerRouter, json, jsonBody, problem, route } from '../../platform/http/openapi';
import { clientAddress } from '../../platform/http/rate-limit';
import { clearRefreshCookie } from './cookie';
import { changePasswordSchema, recoveryCodesSchema, totpConfirmSchema, totpSetupSchema, totpVerifySchema } from './schemas';
import { changePassword, confirmTwoFactor, ownAccount, signOutEverywhere, startTwoFactor, verifySecondFactor } from './self';

const everyone = ['national_admin', 'tenant_admin', 'employee'] as const;
const own = (c: Context<AppEnv>) => ownAccount(c.get('ctx'), { meter: c.get('meter'), address: clientAddress(c), now: new Date() });

export const ownAccountRoutes = callerRouter()
  .openapi(
    route({
      method: 'post',
      path: '/auth/password',
      tags: ['Signing in'],
      roles: everyone,
      summary: 'Change my password (the current one is needed); my other sessions end',
      request: { body: jsonBody(changePasswordSchema) },
      responses: { 204: { description: 'Changed' }, 429: problem('Too many wrong current passwords: Retry-After says when to try again') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await changePassword({ ctx: c.get('ctx'), input: { own: await own(c), ...body } });
      return c.body(null, 204);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/auth/logout-everywhere',
      tags: ['Signing in'],
      roles: everyone,
      summary: 'Sign out everywhere: every session of my account ends',
      responses: { 204: { description: 'Signed out everywhere' } },
    }),
    async (c) => {
      await signOutEverywhere({ ctx: c.get('ctx'), input: { own: await own(c) } });
      clearRefreshCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/auth/two-factor/setup',
      tags: ['Signing in'],
      roles: ['national_admin', 'tenant_admin'],
      twoFactorSetup: true,
      summary: 'Start setting up two-factor sign-in: a secret for the authenticator app',
      responses: {
        200: json(totpSetupSchema, 'The secret and its otpauth:// URI (for a QR code)'),
        409: problem('Two-factor sign-in is set up already'),
      },
    }),
    async (c) => {
      const issuer = c.env.AUTH_ISSUER ? new URL(c.env.AUTH_ISSUER).host : 'Bangkom';
      return c.json(await startTwoFactor({ ctx: c.get('ctx'), input: { own: await own(c), issuer: `Bangkom (${issuer})` } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/auth/two-factor/confirm',
      tags: ['Signing in'],
      roles: ['national_admin', 'tenant_admin'],
      twoFactorSetup: true,
      summary: 'Turn two-factor sign-in on with a code of the new secret; answers ten one-time recovery codes',
      request: { body: jsonBody(totpConfirmSchema) },
      responses: {
        200: json(recoveryCodesSchema, 'On; the recovery codes are shown only now'),
        409: problem('No set-up was started, or one is on already'),
        422: problem('The code does not match the new secret'),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('json');
      return c.json(await confirmTwoFactor({ ctx: c.get('ctx'), input: { own: await own(c), code } }), 200);
    },
  )
  .openapi(
    route({
      method: 'post',
      path: '/auth/two-factor/verify',
      tags: ['Signing in'],
      roles: ['national_admin', 'tenant_admin'],
      secondFactor: true,
      summary: 'Give the second factor a single sign-on still owes; the next refresh answers a full token',
      description:
        'Only with the token of such a sign-in (`secondFactorRequired: true`, scope `two-factor`). A wrong code counts towards the lockout.',
      request: { body: jsonBody(totpVerifySchema) },
      responses: {
        204: { description: 'Given: POST /api/v1/auth/refresh now answers a full token' },
        409: problem('This sign-in owes no second factor'),
        429: problem('Too many wrong codes: Retry-After says when to try again'),
      },
    }),
    async (c) => {
      const { totp } = c.req.valid('json');
      if (!c.get('principal').scopes.includes('two-factor')) throw new DomainError('conflict', 'This sign-in owes no second factor.');
      await verifySecondFactor({ ctx: c.get('ctx'), input: { own: await own(c), totp } });
      return c.body(null, 204);
    },
  );
