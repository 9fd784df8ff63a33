import { describe, expect, it } from 'vitest';
import { readNip } from './nip';

const today = '2026-11-30';

describe('reading a NIP digit by digit', () => {
  it('reads birth date, appointment, gender and sequence of a good PNS NIP, spaces allowed', () => {
    const r = readNip('19870212 201001 2 001', 'pns', today);
    expect(r.ok).toBe(true);
    expect(r.parts.map((p) => [p.name, p.value])).toEqual([
      ['birth', '1987-02-12'],
      ['appointment', '2010-01'],
      ['gender', 'female'],
      ['sequence', '001'],
    ]);
  });

  it('explains the part being typed as incomplete and the complete ones already', () => {
    const r = readNip('1987021220', 'pns', today);
    expect(r.ok).toBe(false);
    expect(r.parts.map((p) => p.problem)).toEqual([null, 'incomplete', 'incomplete', 'incomplete']);
    expect(r.parts[0]?.value).toBe('1987-02-12');
  });

  it('names each broken part: a date that is not real, a month 13, a gender 3, sequence 000', () => {
    expect(readNip('198702312010011001', 'pns', today).parts[0]?.problem).toBe('notDate');
    expect(readNip('198702122010131001', 'pns', today).parts[1]?.problem).toBe('notMonth');
    expect(readNip('198702122010013001', 'pns', today).parts[2]?.problem).toBe('genderDigit');
    expect(readNip('198702122010011000', 'pns', today).parts[3]?.problem).toBe('sequenceZero');
  });

  it('refuses an appointment before 18, before birth or in the future, and a birth before 1900', () => {
    expect(readNip('199502122010011001', 'pns', today).parts[1]?.problem).toBe('tooYoung');
    expect(readNip('199502121990011001', 'pns', today).parts[1]?.problem).toBe('beforeBirth');
    expect(readNip('198702122027011001', 'pns', today).parts[1]?.problem).toBe('future');
    expect(readNip('189902121930011001', 'pns', today).parts[0]?.problem).toBe('before1900');
  });

  it('checks a PPPK number for 18 digits only, and flags letters', () => {
    expect(readNip('199001012021211001', 'pppk', today)).toMatchObject({ ok: true, parts: [] });
    expect(readNip('19900101202121100', 'pppk', today).ok).toBe(false);
    expect(readNip('19870212x010011001', 'pns', today).stray).toBe(true);
  });
});
