/** Opaque random ids with a short prefix naming the entity (`unt_…`), never sequential integers. */

/** The characters of an id's random part (Crockford's base 32, lower case): 5 random bits each. */
export const idAlphabet = '0123456789abcdefghjkmnpqrstvwxyz';

function random(length: number): string {
  let out = '';
  for (const b of crypto.getRandomValues(new Uint8Array(length))) out += idAlphabet[b & 31];
  return out;
}

export const newId = (prefix: string) => `${prefix}_${random(16)}`;

let lastMs = 0;
let sequence = 0;
/**
 * Ids that sort by creation time (millisecond, then order within this isolate), for logs read
 * newest first: two entries in the same millisecond still keep their order.
 */
export function newSortableId(prefix: string): string {
  const ms = Date.now();
  sequence = ms === lastMs ? sequence + 1 : 0;
  lastMs = ms;
  return `${prefix}_${ms.toString(32).padStart(9, '0')}${sequence.toString(32).padStart(3, '0')}${random(8)}`;
}

export const nowIso = () => new Date().toISOString();
