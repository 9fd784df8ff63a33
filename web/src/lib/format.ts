/**
 * Numbers and dates the Indonesian way, whatever the interface language: `Rp 1.500.000`, JP with a
 * decimal comma (`12,5 JP`), dates on the tenant's clock (Asia/Jakarta, Makassar or Jayapura), never
 * the browser's. English only changes month and day names.
 */
import type { Language } from '../i18n';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** Rupiah without decimals, dots between thousands: `Rp 1.500.000`. */
export function formatRupiah(amount: number): string {
  const digits = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(Math.round(Math.abs(amount)));
  return `${amount < 0 ? '−' : ''}Rp ${digits}`;
}

/** JP (learning hours) with up to two decimals and a decimal comma: `12,5`. */
export function formatJp(jp: number): string {
  return new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(jp);
}

/** A calendar day (`2026-03-14`, a date without time) as `14 Maret 2026`; no time zone applies. */
export function formatDay(day: string, language: Language): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** An instant (ISO timestamp) as the day and time on the tenant's clock: `14 Maret 2026 07.00`. */
export function formatInstant(iso: string, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
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
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(now);
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
