/**
 * Numbers and dates the Indonesian way, whatever the interface language: `Rp 1.500.000`, JP with a
 * decimal comma (`12,5 JP`), dates on the tenant's clock (Asia/Jakarta, Makassar or Jayapura), never
 * the browser's. English only changes month and day names.
 */
import type { Language } from '../i18n';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * Intl formatters are costly to make (a slow phone spends a millisecond or more on each, and a
 * screen formats hundreds of values), so each one is made once per locale and options.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function once<F>(made: Map<string, F>, key: string, make: () => F): F {
  const known = made.get(key);
  if (known) return known;
  const format = make();
  made.set(key, format);
  return format;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return once(numberFormats, `${locale} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return once(dateFormats, `${locale} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/**
 * Whole numbers with dots between thousands (`1.500.000`), written out rather than through Intl:
 * the first Intl formatter of a page load loads the locale's data, a tenth of a second on a slow
 * phone, on the way to the first screen. The tests hold these to Intl's own output.
 */
const grouped = (whole: number) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** Rupiah without decimals, dots between thousands: `Rp 1.500.000`. */
export function formatRupiah(amount: number): string {
  return `${amount < 0 ? '−' : ''}Rp ${grouped(Math.round(Math.abs(amount)))}`;
}

/**
 * A non-negative number in hundredths, rounded half away from zero on its shortest decimal form
 * (598.675 is 59868), as Intl rounds; not on its binary value (598.67499…).
 */
function hundredthsOf(value: number): number {
  const [whole = '0', fraction = ''] = String(value).split('.');
  if (/e/i.test(whole)) return Math.round(value * 100);
  const digits = `${fraction}000`;
  return Number(whole) * 100 + Number(digits.slice(0, 2)) + (Number(digits[2]) >= 5 ? 1 : 0);
}

/** JP (learning hours) with up to two decimals and a decimal comma: `12,5`. */
export function formatJp(jp: number): string {
  const hundredths = hundredthsOf(Math.abs(jp));
  const fraction = hundredths % 100;
  const decimals = fraction === 0 ? '' : `,${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
  return `${jp < 0 && hundredths > 0 ? '-' : ''}${grouped(Math.floor(hundredths / 100))}${decimals}`;
}

const months: Record<Language, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A calendar day (`2026-03-14`, a date without time) as `14 Maret 2026`; no time zone applies. */
export function formatDay(day: string, language: Language): string {
  const [y, m, d] = day.split('-').map(Number);
  const month = m ? months[language][m - 1] : undefined;
  if (!y || !month || !d) return day;
  return `${d} ${month} ${y}`;
}

/** An instant (ISO timestamp) as the day and time on the tenant's clock: `14 Maret 2026 07.00`. */
export function formatInstant(iso: string, timeZone: string, language: Language): string {
  return dateFormat(locales[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

/** The day of an instant on the tenant's clock: `14 Maret 2026`. */
export function formatInstantDay(iso: string, timeZone: string, language: Language): string {
  return formatDay(todayIn(timeZone, new Date(iso)), language);
}

/**
 * Indonesia's three zones (WIB, WITA, WIT) keep one offset from UTC all year, without daylight
 * saving: their day is arithmetic, which spares a page load Intl's costly first use (time-zone data
 * loaded before the first reads can leave).
 */
const fixedOffsetHours: Readonly<Record<string, number>> = {
  'Asia/Jakarta': 7,
  'Asia/Pontianak': 7,
  'Asia/Makassar': 8,
  'Asia/Jayapura': 9,
};

/** Today's date (`yyyy-mm-dd`) on the tenant's clock. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const offset = fixedOffsetHours[timeZone];
  if (offset !== undefined) return new Date(now.getTime() + offset * 3_600_000).toISOString().slice(0, 10);
  const parts = dateFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The year on the tenant's clock. */
export function yearIn(timeZone: string, now: Date = new Date()): number {
  return Number(todayIn(timeZone, now).slice(0, 4));
}

/** Days from `from` to `to` (both `yyyy-mm-dd`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
