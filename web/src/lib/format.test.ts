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
  });

  it('counts days between calendar days', () => {
    expect(daysBetween('2026-03-14', '2026-04-13')).toBe(30);
    expect(daysBetween('2026-04-13', '2026-03-14')).toBe(-30);
  });
});
