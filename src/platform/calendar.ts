/**
 * The tenant's calendar: year, day and quarter on the tenant's wall clock. Indonesia keeps fixed
 * UTC offsets (WIB +7, WITA +8, WIT +9) and no daylight saving time, so a fixed table is exact.
 * "Today" for a tenant is never the server's UTC date: at 00:30 WIB it is still yesterday in UTC.
 */
import type { TenantEntry } from './tenancy/directory';

type Clock = Pick<TenantEntry, 'timeZone'>;

/** Fixed UTC offsets in hours. */
const offsetHours: Record<TenantEntry['timeZone'], number> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };

const wallClock = (tenant: Clock, instant: string | Date) =>
  new Date(new Date(instant).getTime() + offsetHours[tenant.timeZone] * 3_600_000);

/** The calendar year of `instant` on the tenant's wall clock. */
export const yearIn = (tenant: Clock, instant: string | Date = new Date()): number => wallClock(tenant, instant).getUTCFullYear();

/** The date (`YYYY-MM-DD`) of `instant` on the tenant's wall clock. */
export const todayIn = (tenant: Clock, instant: string | Date = new Date()): string =>
  wallClock(tenant, instant).toISOString().slice(0, 10);

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The quarter containing an ISO date, as a period (`2026-Q2`), and its neighbours (`shift`). */
export function quarterOf(isoDate: string, shift = 0): string {
  const year = Number(isoDate.slice(0, 4));
  const q = Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + shift;
  const y = year + Math.floor(q / 4);
  return `${y}-Q${(((q % 4) + 4) % 4) + 1}`;
}

/** The instant (ISO, UTC) of `hour`:00 on the tenant's wall clock on `isoDate`. */
export const instantOn = (tenant: Clock, isoDate: string, hour = 0): string =>
  new Date(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) + (hour - offsetHours[tenant.timeZone]) * 3_600_000).toISOString();

/** Calendar days from `from` to `to`, both counted (`2026-01-30`…`2026-02-02` is 4). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

/** The first day of the month after `yyyyMm` (`2026-12` → `2027-01-01`). */
export function nextMonthStart(yyyyMm: string): string {
  const [y, m] = yyyyMm.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
