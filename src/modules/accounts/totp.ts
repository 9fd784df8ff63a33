/**
 * TOTP (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1 with WebCrypto, 30-second steps, 6 digits, a
 * step either side accepted for clock drift. Secrets are 20 random bytes, shown base32 (RFC 4648)
 * for authenticator apps. Checked against RFC 6238's test vectors (test/modules/accounts).
 */
import { randomBytes } from './secrets';

const stepSeconds = 30;
const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += base32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += base32[(value << (5 - bits)) & 31];
  return out;
}

export function fromBase32(text: string): Uint8Array {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = base32.indexOf(ch);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

export const newTotpSecret = (): string => toBase32(randomBytes(20));

/** HOTP value of `counter` (RFC 4226 §5.3), `digits` long. */
export async function hotp(
  secret: Uint8Array,
  counter: number,
  digits = 6,
  hash: 'SHA-1' | 'SHA-256' | 'SHA-512' = 'SHA-1',
): Promise<string> {
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash }, false, ['sign']);
  const message = new DataView(new ArrayBuffer(8));
  message.setUint32(0, Math.floor(counter / 2 ** 32));
  message.setUint32(4, counter >>> 0);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
  const offset = (mac[mac.length - 1] ?? 0) & 15;
  const view = new DataView(mac.buffer, offset, 4);
  return String((view.getUint32(0) & 0x7fffffff) % 10 ** digits).padStart(digits, '0');
}

export const stepAt = (when: Date): number => Math.floor(when.getTime() / 1000 / stepSeconds);

/** The step whose code `code` is (now, or one step either side), if any is later than `after`. */
export async function matchingStep(secretBase32: string, code: string, now: Date, after: number | null): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const secret = fromBase32(secretBase32);
  const current = stepAt(now);
  for (const step of [current, current - 1, current + 1]) {
    if (after !== null && step <= after) continue;
    if ((await hotp(secret, step)) === code) return step;
  }
  return undefined;
}

export const otpauthUri = (issuer: string, account: string, secret: string): string =>
  `otpauth://totp/${encodeURIComponent(`${issuer}:${account}`)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=${stepSeconds}`;
