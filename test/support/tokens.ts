/** Tokens for tests, signed with the run's key (or a stranger's, to prove it is refused). */
import { env } from 'cloudflare:workers';
import { importJWK, type JWTPayload, SignJWT } from 'jose';

export type TestRole = 'national_admin' | 'tenant_admin' | 'employee';

let signingKey: CryptoKey | undefined;
async function key(): Promise<CryptoKey> {
  signingKey ??= (await importJWK(JSON.parse(env.TEST_SIGNING_JWK), 'ES256')) as CryptoKey;
  return signingKey;
}

export interface TokenOptions {
  tenant?: string;
  employeeId?: string;
  scope?: string;
  sub?: string;
  ttlSeconds?: number;
  claims?: JWTPayload;
}

export async function signToken(
  payload: JWTPayload,
  options: { key?: CryptoKey; kid?: string; ttlSeconds?: number; header?: Record<string, unknown> } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? 'test-key', ...options.header })
    .setIssuer(env.JWT_ISSUER)
    .setAudience(env.JWT_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? 600))
    .sign(options.key ?? (await key()));
}

export async function tokenFor(role: TestRole, options: TokenOptions = {}): Promise<string> {
  return signToken(
    {
      sub: options.sub ?? `test-${role}`,
      roles: [role],
      ...(options.tenant ? { tenant: options.tenant } : {}),
      ...(role === 'employee' ? { employee_id: options.employeeId ?? 'emp_test' } : {}),
      ...(options.employeeId && role !== 'employee' ? { employee_id: options.employeeId } : {}),
      ...(options.scope ? { scope: options.scope } : {}),
      ...options.claims,
    },
    { ttlSeconds: options.ttlSeconds ?? 600 },
  );
}
