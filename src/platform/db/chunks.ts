/**
 * D1 binds at most 100 parameters per statement: multi-row inserts are cut into chunks that fit.
 * https://developers.cloudflare.com/d1/platform/limits/
 */
export const maxBoundParameters = 100;

export function chunkRows<T extends object>(rows: T[], reserved = 0): T[][] {
  const first = rows[0];
  if (!first) return [];
  const perRow = Object.keys(first).length;
  const size = Math.max(1, Math.floor((maxBoundParameters - reserved) / perRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
