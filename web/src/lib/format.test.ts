import { describe, expect, it } from 'vitest';
import { daysBetween, formatDay, formatInstant, formatInstantDay, formatJp, formatRupiah, todayIn, yearIn } from './format';

describe('formatting the Indonesian way', () => {
  it('writes rupiah with dots between thousands and no decimals', () => {
    expect(formatRupiah(1_500_000)).toBe('Rp 1.500.000');
    expect(formatRupiah(28_000_000)).toBe('Rp 28.000.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(999.6)).toBe('Rp 1.000');
  });

  it('writes JP with a decimal comma', () => {
    expect(formatJp(12.5)).toBe('12,5');
    expect(formatJp(20)).toBe('20');
    expect(formatJp(0.25)).toBe('0,25');
    expect(formatJp(1234.5)).toBe('1.234,5');
  });

  it("writes rupiah and JP exactly as Intl's id-ID does, over many values (seed 20261130)", () => {
    let seed = 20261130;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const jp = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
    const whole = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
    const values = [0, 0.1, 0.5, 0.99, 1, 9.95, 999.995, 1000, 12_345.67, 1_000_000.04];
    for (let i = 0; i < 2000; i++) values.push(Math.round(next() * 10 ** (1 + (i % 9))) / 10 ** (i % 4));
    for (const v of values) {
      expect(formatJp(v), String(v)).toBe(jp.format(v));
      expect(formatRupiah(v), String(v)).toBe(`Rp ${whole.format(v)}`);
    }
  });

  it("writes every month's days as Intl does in both languages", () => {
    for (let month = 1; month <= 12; month++) {
      const day = `2026-${String(month).padStart(2, '0')}-${String(month + 9)}`;
      const date = new Date(Date.UTC(2026, month - 1, month + 9));
      for (const [language, locale] of [
        ['id', 'id-ID'],
        ['en', 'en-GB'],
      ] as const) {
        const intl = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
        expect(formatDay(day, language)).toBe(intl.format(date));
      }
    }
    expect(formatDay('2026-13-01', 'id')).toBe('2026-13-01');
  });

  it('writes calendar days in the chosen language without shifting them', () => {
    expect(formatDay('2026-03-14', 'id')).toBe('14 Maret 2026');
    expect(formatDay('2026-03-14', 'en')).toBe('14 March 2026');
    expect(formatDay('2026-01-01', 'id')).toBe('1 Januari 2026');
  });

  it('puts an instant on the tenant clock, not the browser clock', () => {
    // 23:30 UTC on 31 December is already 1 January in every Indonesian time zone.
    const instant = '2026-12-31T23:30:00.000Z';
    expect(formatInstant(instant, 'Asia/Jakarta', 'id')).toMatch(/^1 Januari 2027.*06[.:]30$/);
    expect(formatInstant(instant, 'Asia/Jayapura', 'id')).toMatch(/^1 Januari 2027.*08[.:]30$/);
    expect(formatInstantDay(instant, 'Asia/Jakarta', 'id')).toBe('1 Januari 2027');
    expect(todayIn('Asia/Jakarta', new Date(instant))).toBe('2027-01-01');
    expect(yearIn('Asia/Makassar', new Date(instant))).toBe(2027);
    expect(todayIn('Asia/Jakarta', new Date('2026-06-30T16:59:00Z'))).toBe('2026-06-30');
    expect(todayIn('Asia/Jayapura', new Date('2026-06-30T14:59:00Z'))).toBe('2026-06-30');
    expect(todayIn('Asia/Jayapura', new Date('2026-06-30T15:00:00Z'))).toBe('2026-07-01');
    // Any other zone through Intl, daylight saving included.
    expect(todayIn('America/New_York', new Date('2026-07-01T03:30:00Z'))).toBe('2026-06-30');
    expect(todayIn('Europe/Amsterdam', new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });

  it('counts days between calendar days', () => {
    expect(daysBetween('2026-03-14', '2026-04-13')).toBe(30);
    expect(daysBetween('2026-04-13', '2026-03-14')).toBe(-30);
  });
});
