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

/** Rupiah without decimals, dots between thousands: `Rp 1.500.000`. */
export function formatRupiah(amount: number): string {
  const digits = numberFormat('id-ID', { maximumFractionDigits: 0 }).format(Math.round(Math.abs(amount)));
  return `${amount < 0 ? '−' : ''}Rp ${digits}`;
}

/** JP (learning hours) with up to two decimals and a decimal comma: `12,5`. */
export function formatJp(jp: number): string {
  return numberFormat('id-ID', { maximumFractionDigits: 2 }).format(jp);
}

/** A calendar day (`2026-03-14`, a date without time) as `14 Maret 2026`; no time zone applies. */
export function formatDay(day: string, language: Language): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return dateFormat(locales[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
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

/** Today's date (`yyyy-mm-dd`) on the tenant's clock. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
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
