/** A day on the tenant's wall clock as an instant the API takes: noon with the zone's fixed offset (WIB +07, WITA +08, WIT +09; no daylight saving). */
const offsets: Record<string, string> = { 'Asia/Jakarta': '+07:00', 'Asia/Makassar': '+08:00', 'Asia/Jayapura': '+09:00' };

export const noonOn = (day: string, timeZone: string): string => `${day}T12:00:00${offsets[timeZone] ?? '+07:00'}`;

/** The last `count` years up to `current`, newest first. */
export const recentYears = (current: number, count = 5): number[] => Array.from({ length: count }, (_, i) => current - i);
