/** Request and answer shapes of signing in and of the accounts API. */
import { z } from '@hono/zod-openapi';
import { pageQuery } from '../../platform/http/pagination';
import { slugSchema } from '../../platform/http/params';
import { passwordRules } from './passwords';

const username = z
  .string()
  .trim()
  .min(1)
  .max(254)
  .openapi({ example: '198702122010012001', description: 'NIP for employees, email for admins' });
const password = z
  .string()
  .min(1)
  .max(passwordRules.max * 4);
const totp = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .optional()
  .openapi({ description: 'The 6-digit code of the authenticator app, or a recovery code' });

export const loginSchema = z
  .object({
    tenant: slugSchema.optional().openapi({ description: 'The region; absent for a national account' }),
    username,
    password,
    totp,
  })
  .openapi('Login');

export const activateSchema = z
  .object({
    tenant: slugSchema.optional(),
    username,
    code: z.string().trim().min(1).max(40).openapi({ example: 'K7QM-2D9X-4TRB' }),
    password: password.openapi({
      description: `The person's own new password: ${passwordRules.min}–${passwordRules.max} characters, not a common one`,
    }),
    totp,
  })
  .openapi('Activate');

export const signedInSchema = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().openapi({ example: 900 }),
    twoFactorSetupRequired: z
      .boolean()
      .openapi({ description: 'The token only reaches the two-factor set-up: the region requires one of its admins' }),
    secondFactorRequired: z.boolean().openapi({
      description:
        'The token only reaches POST /api/v1/auth/two-factor/verify: a single sign-on of an account with a second factor still owes its code',
    }),
    account: z.object({
      id: z.string(),
      username: z.string(),
      roles: z.array(z.string()),
      tenant: z.string().nullable(),
      employeeId: z.string().nullable(),
    }),
  })
  .openapi('SignedIn');

export const logoutSchema = z
  .object({ everywhere: z.boolean().default(false).openapi({ description: "Every session of the cookie's account, not only this one" }) })
  .openapi('Logout');

export const changePasswordSchema = z.object({ currentPassword: password, newPassword: password }).openapi('ChangePassword');

export const accountStatusValues = ['never_activated', 'active', 'locked', 'disabled'] as const;

export const accountSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    roles: z.array(z.string()),
    employeeId: z.string().nullable(),
    /** The employee's name for an employee's account; null for an admin's. */
    name: z.string().nullable().openapi({ description: "The employee's name (null for an account without an employee)" }),
    status: z.enum(accountStatusValues),
    lockedUntil: z.string().nullable(),
    twoFactor: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Account');

export const accountListQuery = pageQuery.extend({
  status: z.enum(accountStatusValues).optional(),
  q: z.string().trim().min(1).max(100).optional().openapi({
    description:
      "digits: a user name (an employee's NIP) prefix; anything else: part of the user name or of the employee's name (case-insensitive)",
  }),
});

export const newAccountSchema = z
  .object({
    roles: z
      .array(z.enum(['tenant_admin', 'employee']))
      .min(1)
      .max(2)
      .openapi({ example: ['tenant_admin'] }),
    email: z.email().max(254).optional().openapi({ description: "The admin's user name (required with tenant_admin)" }),
    employeeId: z
      .string()
      .min(1)
      .max(60)
      .optional()
      .openapi({ description: 'The employee the account belongs to (required with employee; the user name is their NIP)' }),
  })
  .openapi('NewAccount');

export const newNationalAccountSchema = z.object({ email: z.email().max(254) }).openapi('NewNationalAccount');

export const codeRequestSchema = z
  .object({
    accountIds: z.array(z.string().min(1).max(60)).max(1000).optional(),
    employeeIds: z.array(z.string().min(1).max(60)).max(1000).optional(),
    unitId: z.string().min(1).max(60).optional().openapi({ description: 'Everyone active in this unit' }),
    expiresInDays: z.number().int().min(1).max(30).default(14),
  })
  .openapi('ActivationCodeRequest');

export const nationalCodeRequestSchema = z
  .object({ accountIds: z.array(z.string().min(1).max(60)).min(1).max(100), expiresInDays: z.number().int().min(1).max(30).default(14) })
  .openapi('NationalActivationCodeRequest');

const issuedCodeSchema = z
  .object({
    accountId: z.string(),
    username: z.string(),
    name: z.string().nullable(),
    unit: z.string().nullable(),
    code: z.string(),
    expiresAt: z.string(),
  })
  .openapi('ActivationCode');

export const issuedCodesSchema = z.object({ items: z.array(issuedCodeSchema) }).openapi('ActivationCodes');

export const codeQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });

export const totpSetupSchema = z.object({ secret: z.string(), otpauthUri: z.string() }).openapi('TwoFactorSetup');
export const totpConfirmSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/),
  })
  .openapi('TwoFactorConfirm');
export const totpVerifySchema = z
  .object({
    totp: z.string().trim().min(1).max(40).openapi({ description: 'The 6-digit code of the authenticator app, or a recovery code' }),
  })
  .openapi('TwoFactorVerify');
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) }).openapi('RecoveryCodes');

export const signInSettingsInput = z
  .object({
    requireAdminTotp: z.boolean(),
    sso: z
      .object({
        issuer: z.url().max(300),
        clientId: z.string().min(1).max(200),
        claim: z.string().min(1).max(60).openapi({ example: 'nip' }),
        match: z.enum(['nip', 'email']),
      })
      .nullable(),
  })
  .openapi('SignInSettingsInput');

export const signInSettingsSchema = signInSettingsInput
  .extend({ version: z.number().int().openapi({ description: 'Sent as the ETag; 0 while the defaults apply' }) })
  .openapi('SignInSettings');

export const accountIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(60)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
