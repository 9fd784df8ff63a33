/**
 * The small secrets of signing in: random tokens and codes, their SHA-256 digests (all that is
 * stored of them), and comparison in constant time.
 */
const encoder = new TextEncoder();

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

export const randomBytes = (length: number): Uint8Array => crypto.getRandomValues(new Uint8Array(length));

/** A random token of `bytes` bytes, base64url. */
export const randomToken = (bytes = 32): string => base64url(randomBytes(bytes));

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return base64url(new Uint8Array(digest));
}

/** Equal strings, compared without an early exit. */
export function sameText(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/** Crockford's base32, without I, L, O, U: easy to read aloud and to type from paper. */
const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time code for paper: `groups` groups of four characters, 20 bits each (12 characters: 60 bits). */
export function printableCode(groups = 3): string {
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) {
    let part = '';
    for (const b of randomBytes(4)) part += codeAlphabet[b & 31];
    parts.push(part);
  }
  return parts.join('-');
}

/** A code as typed: case, spaces and dashes ignored, the letters people confuse read as digits. */
export const normalizeCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '').replaceAll('O', '0').replace(/[IL]/g, '1');
