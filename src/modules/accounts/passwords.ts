/**
 * Passwords: scrypt (RFC 7914) with one of OWASP's recommended parameter sets, in pure JS
 * (@noble/hashes: workerd's WebCrypto caps PBKDF2 below OWASP's iterations and has no scrypt or
 * Argon2). Production uses N = 2^14, r = 8, p = 5 — 16 MiB per hash (128·r·N bytes), well inside a
 * Worker's 128 MB — with a 16-byte random salt and a 32-byte key. The stored form carries its
 * parameters (`scrypt$N$r$p$salt$hash`), so another set applies to new hashes while old ones keep
 * verifying, and a successful sign-in makes an old one anew (`needsRehash`, sign-in.ts). Why this
 * set, measured against OWASP's others in workerd: docs/auth.md ("Passwords"). Tests may bind a
 * cheaper set (`AUTH_SCRYPT`); one test checks the production set.
 *
 * Policy: 12 to 128 characters, not a common password (after undoing the usual substitutions and
 * the digits people add), not the account's own name. Nobody but the person chooses it.
 */
import { scrypt } from '@noble/hashes/scrypt.js';
import type { Bindings } from '../../env';
import { DomainError } from '../../platform/errors';
import { isCommonPassword } from './common-passwords';
import { base64url, fromBase64url, randomBytes, sameText } from './secrets';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet: N=2^17,r=8,p=1 ≡ 2^16,8,2 ≡ 2^15,8,3 ≡ 2^14,8,5 ≡ 2^13,8,10. */
export const productionScrypt: ScryptParams = { N: 2 ** 14, r: 8, p: 5 };
const keyLength = 32;

export function scryptParams(env: Pick<Bindings, 'AUTH_SCRYPT'>): ScryptParams {
  if (!env.AUTH_SCRYPT) return productionScrypt;
  const [N, r, p] = env.AUTH_SCRYPT.split(',').map(Number);
  if (!N || !r || !p) throw new Error('AUTH_SCRYPT must be "N,r,p"');
  return { N, r, p };
}

const derive = (password: string, salt: Uint8Array, { N, r, p }: ScryptParams) =>
  scrypt(password.normalize('NFKC'), salt, { N, r, p, dkLen: keyLength });

export function hashPassword(password: string, params: ScryptParams): string {
  const salt = randomBytes(16);
  return ['scrypt', params.N, params.r, params.p, base64url(salt), base64url(derive(password, salt, params))].join('$');
}

/** Stored parameters are trusted only within these bounds (a row is never a way to burn CPU). */
const plausible = ({ N, r, p }: ScryptParams) => N >= 2 && N <= 2 ** 17 && (N & (N - 1)) === 0 && r >= 1 && r <= 16 && p >= 1 && p <= 16;

/** The parameters a stored hash was made with, if it is one of ours and plausible. */
function storedParams(stored: string | null | undefined): ScryptParams | undefined {
  const parts = stored?.split('$');
  if (parts?.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const own = { N: Number(parts[1]), r: Number(parts[2]), p: Number(parts[3]) };
  return plausible(own) ? own : undefined;
}

/** True when `stored` was made with other parameters than `params`: the next sign-in hashes it anew. */
export function needsRehash(stored: string | null | undefined, params: ScryptParams): boolean {
  const own = storedParams(stored);
  return own !== undefined && (own.N !== params.N || own.r !== params.r || own.p !== params.p);
}

/**
 * True when `password` matches `stored`. Without a stored hash (no such account, never
 * activated) the same work is done against a throw-away salt, so the answer takes as long.
 */
export function verifyPassword(password: string, stored: string | null | undefined, params: ScryptParams): boolean {
  const own = storedParams(stored);
  if (own) {
    const [, , , , salt, hash] = (stored as string).split('$');
    return sameText(base64url(derive(password, fromBase64url(salt ?? ''), own)), hash ?? '');
  }
  derive(password, randomBytes(16), params);
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
