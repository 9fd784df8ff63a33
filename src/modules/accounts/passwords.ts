/**
 * Passwords: PBKDF2-HMAC-SHA512 at OWASP's 210,000 iterations, computed natively by WebCrypto.
 * Cloudflare's runtime refuses more than 100,000 iterations in one `deriveBits` call (local workerd
 * does not check, so a test holds every run under it), so the work is done as a
 * chain of runs of at most 100,000 (210,000 = 3 × 70,000): run k takes the password and, as its
 * salt, the account's salt followed by run k−1's output. Each run needs the one before it and the
 * password, so a guess costs an attacker the same 210,000 HMAC-SHA512 computations as one run of
 * 210,000 would. 16-byte random salt, 64-byte key. Why not scrypt: docs/auth.md ("Passwords").
 *
 * The stored form carries its scheme and parameters (`pbkdf2-sha512$iterations$salt$hash`), so a
 * hash made otherwise keeps verifying — including the earlier `scrypt$N$r$p$salt$hash` — and a
 * successful sign-in makes it anew with the current scheme (`needsRehash`, sign-in.ts). Tests may
 * bind fewer iterations (`AUTH_PBKDF2_ITERATIONS`); one test checks the production count.
 *
 * Policy: 12 to 128 characters, not a common password (after undoing the usual substitutions and
 * the digits people add), not the account's own name. Nobody but the person chooses it.
 */
import { scrypt } from '@noble/hashes/scrypt.js';
import type { Bindings } from '../../env';
import { DomainError } from '../../platform/errors';
import { isCommonPassword } from './common-passwords';
import { base64url, fromBase64url, randomBytes, sameText } from './secrets';

/** How new hashes are made: PBKDF2-HMAC-SHA512 with this many iterations in all. */
export interface PasswordScheme {
  iterations: number;
}

/** OWASP Password Storage Cheat Sheet: PBKDF2-HMAC-SHA512, 210,000 iterations. */
export const productionScheme: PasswordScheme = { iterations: 210_000 };
/** Cloudflare's WebCrypto refuses PBKDF2 above this many iterations in one call. */
const iterationsPerRun = 100_000;
const keyBits = 512;

export function passwordScheme(env: Pick<Bindings, 'AUTH_PBKDF2_ITERATIONS'>): PasswordScheme {
  if (!env.AUTH_PBKDF2_ITERATIONS) return productionScheme;
  const iterations = Number(env.AUTH_PBKDF2_ITERATIONS);
  if (!plausibleIterations(iterations)) throw new Error('AUTH_PBKDF2_ITERATIONS must be a whole number from 1 to 1,000,000');
  return { iterations };
}

/** Stored parameters are trusted only within bounds (a row is never a way to burn CPU). */
const plausibleIterations = (n: number) => Number.isInteger(n) && n >= 1 && n <= 1_000_000;

/** `iterations` split into as few runs as the runtime allows, as evenly as possible. */
export function runsOf(iterations: number): number[] {
  const count = Math.ceil(iterations / iterationsPerRun);
  const base = Math.floor(iterations / count);
  return Array.from({ length: count }, (_, i) => base + (i < iterations % count ? 1 : 0));
}

async function pbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFKC')), 'PBKDF2', false, ['deriveBits']);
  let output = new Uint8Array(0);
  for (const run of runsOf(iterations)) {
    const chainedSalt = new Uint8Array(salt.length + output.length);
    chainedSalt.set(salt);
    chainedSalt.set(output, salt.length);
    output = new Uint8Array(
      await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-512', salt: chainedSalt, iterations: run }, key, keyBits),
    );
  }
  return output;
}

export async function hashPassword(password: string, scheme: PasswordScheme): Promise<string> {
  const salt = randomBytes(16);
  return ['pbkdf2-sha512', scheme.iterations, base64url(salt), base64url(await pbkdf2(password, salt, scheme.iterations))].join('$');
}

/** A stored hash as this module reads it: its scheme's parameters, salt and key. */
type Stored =
  | { scheme: 'pbkdf2-sha512'; iterations: number; salt: string; hash: string }
  | { scheme: 'scrypt'; N: number; r: number; p: number; salt: string; hash: string };

const plausibleScrypt = (N: number, r: number, p: number) =>
  N >= 2 && N <= 2 ** 17 && (N & (N - 1)) === 0 && r >= 1 && r <= 16 && p >= 1 && p <= 16;

function parse(stored: string | null | undefined): Stored | undefined {
  const parts = stored?.split('$') ?? [];
  if (parts[0] === 'pbkdf2-sha512' && parts.length === 4) {
    const iterations = Number(parts[1]);
    return plausibleIterations(iterations)
      ? { scheme: 'pbkdf2-sha512', iterations, salt: parts[2] ?? '', hash: parts[3] ?? '' }
      : undefined;
  }
  if (parts[0] === 'scrypt' && parts.length === 6) {
    const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
    return plausibleScrypt(N, r, p) ? { scheme: 'scrypt', N, r, p, salt: parts[4] ?? '', hash: parts[5] ?? '' } : undefined;
  }
  return undefined;
}

async function derive(password: string, stored: Stored): Promise<Uint8Array> {
  const salt = fromBase64url(stored.salt);
  if (stored.scheme === 'pbkdf2-sha512') return pbkdf2(password, salt, stored.iterations);
  const { N, r, p } = stored;
  return scrypt(password.normalize('NFKC'), salt, { N, r, p, dkLen: 32 });
}

/** True when `stored` was made otherwise than `scheme` says: the next sign-in hashes it anew. */
export function needsRehash(stored: string | null | undefined, scheme: PasswordScheme): boolean {
  const own = parse(stored);
  return own !== undefined && (own.scheme !== 'pbkdf2-sha512' || own.iterations !== scheme.iterations);
}

/**
 * True when `password` matches `stored`. Without a stored hash (no such account, never
 * activated) the same work is done against a throw-away salt, so the answer takes as long.
 */
export async function verifyPassword(password: string, stored: string | null | undefined, scheme: PasswordScheme): Promise<boolean> {
  const own = parse(stored);
  if (own) return sameText(base64url(await derive(password, own)), own.hash);
  await pbkdf2(password, randomBytes(16), scheme.iterations);
  return false;
}

export const passwordRules = { min: 12, max: 128 } as const;

/** Refuses a password that is too short, too long, common, or the account's own name. */
export function checkPasswordPolicy(password: string, username: string): void {
  const length = [...password].length;
  const problem = (message: string) =>
    new DomainError('validation_failed', `The password is not acceptable: ${message}.`, [{ path: 'body.password', message }]);
  if (length < passwordRules.min) throw problem(`at least ${passwordRules.min} characters`);
  if (length > passwordRules.max) throw problem(`at most ${passwordRules.max} characters`);
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase().split('@')[0] ?? username)) throw problem('it must not contain the user name');
  if (isCommonPassword(password)) throw problem('it is too common or too easy to guess');
}
