/** Opaque random ids with a short prefix naming the entity (`unt_…`), never sequential. */
const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let out = '';
  for (const b of bytes) out += alphabet[b & 31];
  return `${prefix}_${out}`;
}

export const nowIso = () => new Date().toISOString();
