/** A share (0–1) as Indonesian-formatted percent in both languages (`72,5%`); null as a dash. */
const percent = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });

export function formatShare(share: number | null): string {
  return share === null ? '–' : percent.format(share);
}

/** part / whole, or null without a whole (never a share of nobody). */
export const shareOf = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
