/**
 * The local keys. Two kinds, both made on first use and never committed (`.local/` is gitignored,
 * files mode 0600):
 * - the dev signing key of `npm run token` (`.local/dev-signing-key.json`), an "external" issuer
 *   for integrations: the local Worker learns its public half through `.dev.vars` (`JWT_JWKS`);
 * - Bangkom's own signing key for sign-in (`.local/auth-signing-keys.json`), given to the local
 *   Worker as the secret `AUTH_SIGNING_KEYS` through `.dev.vars`, which `wrangler dev` reads.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { newSigningJwk } from '../../src/platform/auth/keys';
import { claimsSchema, type Role } from '../../src/platform/auth/principal';

export const repoRoot = new URL('../../', import.meta.url);
const keyFile = new URL('.local/dev-signing-key.json', repoRoot);
const authKeysFile = new URL('.local/auth-signing-keys.json', repoRoot);
const devVarsFile = new URL('.dev.vars', repoRoot);

async function readIfExists(file: URL): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function writePrivate(file: URL, value: unknown): Promise<void> {
  await mkdir(new URL('.local/', repoRoot), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  // The mode given to writeFile is filtered by the umask; the key must be owner-only regardless.
  await chmod(file, 0o600);
}

async function ensurePrivateJwk(): Promise<JWK> {
  const existing = await readIfExists(keyFile);
  if (existing) return JSON.parse(existing) as JWK;
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: `dev-${Date.now().toString(36)}`, alg: 'ES256' };
  await writePrivate(keyFile, jwk);
  return jwk;
}

/** Bangkom's own signing keys (a list: the first signs; rotate by putting a new key first). */
export async function ensureAuthKeys(): Promise<JWK[]> {
  const existing = await readIfExists(authKeysFile);
  if (existing) return JSON.parse(existing) as JWK[];
  const keys = [await newSigningJwk(`bangkom-${Date.now().toString(36)}`)];
  await writePrivate(authKeysFile, keys);
  return keys;
}

/** Sets our two keys in `.dev.vars` and leaves any other line the developer added alone. */
async function writeDevVars(values: Record<string, string>): Promise<void> {
  const before = (await readIfExists(devVarsFile)) ?? '';
  const kept = before.split('\n').filter((line) => line.trim() && !Object.keys(values).some((k) => line.startsWith(`${k}=`)));
  const after = `${[...kept, ...Object.entries(values).map(([k, v]) => `${k}=${v}`)].join('\n')}\n`;
  if (after !== before) await writeFile(devVarsFile, after, { mode: 0o600 });
}

/** Creates the key pair if missing (an existing key is kept) and points `.dev.vars` at it. */
export async function ensureDevKeys(): Promise<JWK> {
  const jwk = await ensurePrivateJwk();
  const { d: _private, ...publicJwk } = jwk;
  await writeDevVars({
    JWT_JWKS: JSON.stringify({ keys: [{ ...publicJwk, use: 'sig' }] }),
    AUTH_SIGNING_KEYS: JSON.stringify(await ensureAuthKeys()),
    SERVER_TIMING: 'on',
  });
  return jwk;
}

async function loadSigningKey(): Promise<{ key: CryptoKey; kid: string }> {
  const jwk = await ensureDevKeys();
  if (!jwk.kid) throw new Error(`${keyFile.pathname} has no "kid"; delete it and a new key is made`);
  return { key: (await importJWK(jwk, 'ES256')) as CryptoKey, kid: jwk.kid };
}

/** iss and aud as the local Worker checks them: wrangler.toml's [vars], the single source. */
async function issuerAndAudience(): Promise<{ issuer: string; audience: string }> {
  const toml = await readFile(new URL('wrangler.toml', repoRoot), 'utf8');
  const value = (name: string) => {
    const found = new RegExp(`^\\s*${name}\\s*=\\s*"([^"]*)"`, 'm').exec(toml)?.[1];
    if (!found) throw new Error(`wrangler.toml has no ${name} = "…" line in [vars]`);
    return found;
  };
  return { issuer: value('JWT_ISSUER'), audience: value('JWT_AUDIENCE') };
}

const ttlUnits = { s: 1, m: 60, h: 3600, d: 86400 } as const;

function ttlSeconds(ttl: string): number {
  const match = /^(\d+)([smhd])$/.exec(ttl);
  if (!match?.[1] || !match[2]) throw new Error(`--ttl must look like 30m, 1h or 7d, not "${ttl}"`);
  const seconds = Number(match[1]) * ttlUnits[match[2] as keyof typeof ttlUnits];
  if (seconds < 1) throw new Error('--ttl must be at least 1s');
  return seconds;
}

export interface TokenRequest {
  role: Role;
  tenant?: string | undefined;
  employeeId?: string | undefined;
  scope?: string | undefined;
  ttl?: string | undefined;
}

export async function mintToken({ role, tenant, employeeId, scope, ttl = '8h' }: TokenRequest): Promise<string> {
  const claims = {
    sub: `dev-${role}${tenant ? `-${tenant}` : ''}${employeeId ? `-${employeeId}` : ''}`,
    roles: [role],
    ...(tenant ? { tenant } : {}),
    ...(employeeId ? { employee_id: employeeId } : {}),
    ...(scope ? { scope } : {}),
  };
  // The Worker's own claim rules, so a token minted here is one the server accepts.
  const checked = claimsSchema.safeParse(claims);
  if (!checked.success) throw new Error(checked.error.issues.map((i) => i.message).join('; '));
  const lifetime = ttlSeconds(ttl);
  const [{ key, kid }, { issuer, audience }] = await Promise.all([loadSigningKey(), issuerAndAudience()]);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .sign(key);
}
