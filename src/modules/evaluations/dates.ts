/**
 * Calendar days for evaluation windows, pure. Completion is kept as an instant at noon UTC of the
 * completion day, so its first ten characters are the day; "today" is read on the tenant's wall
 * clock (Indonesia keeps fixed offsets, no daylight saving time).
 */
import type { TenantEntry } from '../../platform/tenancy/directory';
import { offsetHours } from '../jp/ledger';

/** Days an L1 reaction or a mentoring feedback is due after completion. */
export const reactionDueDays = 14;
/** Days an L3 rating is due after it opens. */
export const behaviourDueDays = 30;

export const todayIn = (tenant: Pick<TenantEntry, 'timeZone'>, now: Date = new Date()): string =>
  new Date(now.getTime() + offsetHours[tenant.timeZone] * 3_600_000).toISOString().slice(0, 10);

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The quarter containing an ISO date, as a period (`2026-Q2`), and its neighbours. */
export function quarterOf(isoDate: string, shift = 0): string {
  const year = Number(isoDate.slice(0, 4));
  const q = Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + shift;
  const y = year + Math.floor(q / 4);
  return `${y}-Q${(((q % 4) + 4) % 4) + 1}`;
}
