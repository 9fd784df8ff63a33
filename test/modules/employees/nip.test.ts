import { describe, expect, it } from 'vitest';
import { checkGrade } from '../../../src/modules/employees/golongan';
import { checkNip } from '../../../src/modules/employees/nip';

const today = new Date('2026-06-15T00:00:00Z');
const problemsOf = (nip: string, type: 'pns' | 'pppk' = 'pns') => {
  const r = checkNip(nip, type, today);
  return r.ok ? [] : r.problems;
};

describe('PNS NIP', () => {
  it('accepts a valid NIP and reads birth date, appointment and gender from it', () => {
    expect(checkNip('198702122010012001', 'pns', today)).toEqual({
      ok: true,
      nip: '198702122010012001',
      facts: { birthDate: '1987-02-12', appointment: '2010-01', gender: 'female' },
    });
    const male = checkNip('196805171990031002', 'pns', today);
    expect(male.ok && male.facts?.gender).toBe('male');
  });

  it('ignores the spaces NIPs are usually written with', () => {
    const r = checkNip('19870212 201001 2 001', 'pns', today);
    expect(r.ok && r.nip).toBe('198702122010012001');
  });

  it('needs 18 digits', () => {
    expect(problemsOf('19870212201001200')).toEqual(['NIP must be 18 digits, got 17']);
    expect(problemsOf('1987021220100120011')).toEqual(['NIP must be 18 digits, got 19']);
    expect(problemsOf('')).toEqual(['NIP must be 18 digits, got 0']);
    expect(problemsOf('19870212201001200A')).toEqual(['NIP must contain digits only, found "A"']);
    expect(problemsOf('1.98702E+17')[0]).toMatch(/spreadsheet/);
  });

  it('refuses a birth date that is not a real date', () => {
    expect(problemsOf('198702312010012001')).toContain('birth date 1987-02-31 is not a real date');
    expect(problemsOf('198713012010012001')).toContain('birth date 1987-13-01 is not a real date');
    expect(problemsOf('198702002010012001')).toContain('birth date 1987-02-00 is not a real date');
    expect(problemsOf('198802292010012001')).toEqual([]);
    expect(problemsOf('198702292010012001')).toContain('birth date 1987-02-29 is not a real date');
  });

  it('refuses birth dates before 1900 or in the future', () => {
    expect(problemsOf('189901011925012001')).toContain('birth date 1899-01-01 is before 1900');
    expect(problemsOf('202701012026012001')[0]).toBe('birth date 2027-01-01 is in the future');
  });

  it('refuses an appointment month that is not real or lies in the future', () => {
    expect(problemsOf('198702122010132001')).toContain('appointment 2010-13 is not a real month');
    expect(problemsOf('198702122010002001')).toContain('appointment 2010-00 is not a real month');
    expect(problemsOf('198702122026072001')).toContain('appointment 2026-07 is in the future');
    expect(problemsOf('198702122026062001')).toEqual([]);
  });

  it('needs the appointment after the birth, at 18 or older', () => {
    expect(problemsOf('198702121985032001')).toContain('appointment 1985-03 is before birth (1987-02-12)');
    expect(problemsOf('198702122000012001')).toContain('appointment 2000-01 is at age 12; a CPNS is appointed at 18 or older');
    expect(problemsOf('198702122005012001')[0]).toMatch(/at age 17/);
    expect(problemsOf('198702122005022001')).toEqual([]);
  });

  it('needs gender 1 or 2 and a sequence from 001', () => {
    expect(problemsOf('198702122010013001')).toEqual(['gender digit must be 1 or 2, got 3']);
    expect(problemsOf('198702122010010001')).toEqual(['gender digit must be 1 or 2, got 0']);
    expect(problemsOf('198702122010012000')).toEqual(['sequence 000 is not valid (001–999)']);
    expect(problemsOf('198702122010012999')).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(problemsOf('198702312010133000')).toEqual([
      'birth date 1987-02-31 is not a real date',
      'appointment 2010-13 is not a real month',
      'gender digit must be 1 or 2, got 3',
      'sequence 000 is not valid (001–999)',
    ]);
  });
});

describe('PPPK number', () => {
  it('checks 18 digits only and reads nothing from them', () => {
    expect(checkNip('198702312021213000', 'pppk', today)).toEqual({ ok: true, nip: '198702312021213000', facts: null });
    expect(problemsOf('12345', 'pppk')).toEqual(['NIP must be 18 digits, got 5']);
    expect(problemsOf('12345678901234567x', 'pppk')).toEqual(['NIP must contain digits only, found "x"']);
  });
});

describe('golongan', () => {
  it('accepts PNS I/a … IV/e, forgiving case and spaces', () => {
    expect(checkGrade('III/a', 'pns')).toEqual({ ok: true, grade: 'III/a' });
    expect(checkGrade(' iv / E ', 'pns')).toEqual({ ok: true, grade: 'IV/e' });
    expect(checkGrade('I/d', 'pns')).toEqual({ ok: true, grade: 'I/d' });
  });

  it('refuses grades that do not exist or belong to the other employment type', () => {
    expect(checkGrade('IV/f', 'pns')).toEqual({ ok: false, problem: 'grade "IV/f" is not a PNS golongan (I/a … IV/e)' });
    expect(checkGrade('III/e', 'pns').ok).toBe(false);
    expect(checkGrade('IX', 'pns')).toEqual({ ok: false, problem: 'grade IX is a PPPK grade; a PNS golongan is I/a … IV/e' });
    expect(checkGrade('III/a', 'pppk')).toEqual({ ok: false, problem: 'grade III/a is a PNS golongan; PPPK grades are I … XVII' });
    expect(checkGrade('XVIII', 'pppk').ok).toBe(false);
    expect(checkGrade('18', 'pppk').ok).toBe(false);
  });

  it('accepts PPPK I … XVII, also written as numbers', () => {
    expect(checkGrade('XVII', 'pppk')).toEqual({ ok: true, grade: 'XVII' });
    expect(checkGrade('ix', 'pppk')).toEqual({ ok: true, grade: 'IX' });
    expect(checkGrade('9', 'pppk')).toEqual({ ok: true, grade: 'IX' });
  });
});
