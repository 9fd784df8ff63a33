/**
 * The JP rule engine, by hand-worked examples: the figures below were worked out on paper from
 * the rules in docs/jp.md, never by running the engine, so a change to the engine that changes an
 * answer fails here. Hundredths of JP throughout.
 */
import { describe, expect, it } from 'vitest';
import { type Activity, computeJp, defaultJpRules, type Earned, type JpRule } from '../../../src/modules/jp';

const none: Earned = { byMonth: {}, byYear: {} };
const run = (rule: JpRule, a: Activity, earned = none) => computeJp(rule, a, earned);

describe('the rule figure and the claim', () => {
  it('seminar: 4 JP a day over the days of the period; a lower claim counts as claimed, a higher one is cut to the rule', () => {
    const twoDays = { startDate: '2025-03-10', endDate: '2025-03-11' };
    expect(run(defaultJpRules.seminar, twoDays)).toMatchObject({
      jpCenti: 800,
      parts: [{ month: '2025-03', date: '2025-03-11', jpCenti: 800 }],
    });
    expect(run(defaultJpRules.seminar, { ...twoDays, claimCenti: 750 }).jpCenti).toBe(750);
    const cut = run(defaultJpRules.seminar, { ...twoDays, claimCenti: 1000 });
    expect(cut.jpCenti).toBe(800);
    expect(cut.reasons.join(' ')).toMatch(/diklaim 10 JP, diakui menurut aturan/);
    // Days attended, when given, count instead of the calendar.
    expect(run(defaultJpRules.workshop, { ...twoDays, days: 1 }).jpCenti).toBe(500);
  });

  it('e-learning: one JP per 45 minutes, at most 3 JP a day of the period', () => {
    // 10 hours = 600 minutes = 13.33 JP; two days × 3 = 6 JP.
    const out = run(defaultJpRules.e_learning, { startDate: '2025-03-30', endDate: '2025-03-31', minutes: 600 });
    expect(out.jpCenti).toBe(600);
    expect(out.reasons.join(' ')).toMatch(/Batas 3 JP per hari × 2 hari = 6 JP/);
    // 100 minutes on one day: 2.22 JP, under the cap.
    expect(run(defaultJpRules.e_learning, { startDate: '2025-03-30', endDate: '2025-03-30', minutes: 100 }).jpCenti).toBe(222);
  });

  it('tugas belajar: 20 JP a semester, semesters from the months spanned, rounded up', () => {
    expect(run(defaultJpRules.tugas_belajar, { startDate: '2025-02-01', endDate: '2025-07-31' }).jpCenti).toBe(2000);
    expect(run(defaultJpRules.tugas_belajar, { startDate: '2025-02-01', endDate: '2025-08-01' }).jpCenti).toBe(4000);
  });

  it('a session rule without sessions takes the claim; a claim rule takes the claim', () => {
    expect(run(defaultJpRules.coaching, { startDate: '2025-03-03', endDate: '2025-03-03', claimCenti: 300 }).jpCenti).toBe(300);
    expect(run(defaultJpRules.rotasi_jabatan, { startDate: '2025-01-01', endDate: '2025-03-31', claimCenti: 1500 }).jpCenti).toBe(1000);
  });
});

describe('the day cap counts what the day already earned', () => {
  it('e-learning 180 minutes on 2025-03-31, 2 JP of e-learning already that day: 1 JP', () => {
    // 180 / 45 = 4 JP; the day's cap 3 less 2 earned leaves 1.
    const out = run(
      defaultJpRules.e_learning,
      { startDate: '2025-03-31', endDate: '2025-03-31', minutes: 180 },
      { byDay: { '2025-03-31': 200, '2025-03-30': 300 }, byMonth: { '2025-03': 500 }, byYear: { '2025': 500 } },
    );
    expect(out).toMatchObject({ jpCenti: 100, parts: [{ month: '2025-03', date: '2025-03-31', jpCenti: 100 }] });
    expect(out.reasons.join(' ')).toMatch(
      /Batas 3 JP per hari × 1 hari = 3 JP, dikurangi 2 JP yang sudah diperoleh pada hari yang sama: 1 JP\./,
    );
  });

  it('across a month boundary: 2025-03-31 … 04-01, March 31 full, April 1 with 1 JP already: 2 JP, booked on April 1', () => {
    // 600 / 45 = 13.33 JP; rooms: 31 March 3 − 3 = 0, 1 April 3 − 1 = 2; total 2.
    const out = run(
      defaultJpRules.e_learning,
      { startDate: '2025-03-31', endDate: '2025-04-01', minutes: 600 },
      { byDay: { '2025-03-31': 300, '2025-04-01': 100 }, byMonth: {}, byYear: {} },
    );
    expect(out).toMatchObject({ jpCenti: 200, parts: [{ month: '2025-04', date: '2025-04-01', jpCenti: 200 }] });
    // Days around the period do not count: a full 30 March and 2 April change nothing.
    const around = run(
      defaultJpRules.e_learning,
      { startDate: '2025-03-31', endDate: '2025-04-01', minutes: 600 },
      { byDay: { '2025-03-30': 300, '2025-04-02': 300 }, byMonth: {}, byYear: {} },
    );
    expect(around.jpCenti).toBe(600);
  });

  it('one day attended of three: the day with the most room counts', () => {
    // 180 minutes = 4 JP; 1 day × 3 = 3; rooms 0 (30 March), 1 (31 March), 3 (1 April): the best is 3.
    const a = { startDate: '2025-03-30', endDate: '2025-04-01', days: 1, minutes: 180 };
    const earned = { byDay: { '2025-03-30': 300, '2025-03-31': 200 }, byMonth: {}, byYear: {} };
    expect(run(defaultJpRules.e_learning, a, earned).jpCenti).toBe(300);
    // Two days attended: 3 + 1 = 4 JP of room, and the rule's 4 JP fit.
    expect(run(defaultJpRules.e_learning, { ...a, days: 2 }, earned).jpCenti).toBe(400);
  });
});

describe('caps per month and year across a boundary', () => {
  it('coaching 2026-01-30 … 02-02, 4 sessions, 1 session (2 JP) already earned in January', () => {
    // 4 × 2 = 8 JP, spread by days: January 30–31 (2 days) 4 JP, February 1–2 (2 days) 4 JP.
    // January's cap 4 less 2 earned leaves 2; February keeps 4. Total 6.
    const out = run(
      defaultJpRules.coaching,
      { startDate: '2026-01-30', endDate: '2026-02-02', sessions: 4 },
      { byMonth: { '2026-01': 200 }, byYear: { '2026': 200 } },
    );
    expect(out.parts).toEqual([
      { month: '2026-01', date: '2026-01-31', jpCenti: 200 },
      { month: '2026-02', date: '2026-02-02', jpCenti: 400 },
    ]);
    expect(out.jpCenti).toBe(600);
    expect(out.reasons.join(' ')).toMatch(/Batas 4 JP per bulan: 2026-01 sudah 2 JP, diakui 2 JP dari 4 JP/);
    expect(out.capped).toEqual({ months: ['2026-01', '2026-02'], years: [] });
  });

  it('coaching by dated sessions: three in January and one in February earn 4 + 2 JP', () => {
    const sessionsOn = ['2026-01-28', '2026-01-29', '2026-01-31', '2026-02-03'].map((date) => ({ date, minutes: 60 }));
    const out = run(defaultJpRules.coaching, { startDate: '2026-01-28', endDate: '2026-02-10', sessionsOn });
    // 8 JP by sessions: January 3/4 = 6, February 2; January capped at 4.
    expect(out.parts).toEqual([
      { month: '2026-01', date: '2026-01-31', jpCenti: 400 },
      { month: '2026-02', date: '2026-02-03', jpCenti: 200 },
    ]);
  });

  it('self-study 2025-12-30 … 2026-01-02, 15 hours, capped at 10 JP a year with 4 JP already in 2025', () => {
    // 900 minutes / 45 = 20 JP, 10 JP each year by days; 2025 has room for 6, 2026 for 10.
    const out = run(
      defaultJpRules.belajar_mandiri,
      { startDate: '2025-12-30', endDate: '2026-01-02', minutes: 900 },
      { byMonth: { '2025-11': 400 }, byYear: { '2025': 400 } },
    );
    expect(out.parts).toEqual([
      { month: '2025-12', date: '2025-12-31', jpCenti: 600 },
      { month: '2026-01', date: '2026-01-02', jpCenti: 1000 },
    ]);
    expect(out.capped.years).toEqual(['2025', '2026']);
  });

  it('a month already at its cap earns nothing there, and a part of 0 is no part', () => {
    const out = run(
      defaultJpRules.komunitas_belajar,
      { startDate: '2026-03-02', endDate: '2026-03-02', sessions: 1 },
      { byMonth: { '2026-03': 400 }, byYear: { '2026': 400 } },
    );
    expect(out).toMatchObject({ jpCenti: 0, parts: [], capped: { months: ['2026-03'] } });
  });

  it('uneven shares round down but the last month, so nothing is lost: 3 days over two months', () => {
    // detasering 2 JP a day, 2026-04-30 … 05-02: 6 JP; April 1/3 = 2 JP, May the rest 4 JP.
    const out = run(defaultJpRules.detasering, { startDate: '2026-04-30', endDate: '2026-05-02' });
    expect(out.parts.map((p) => p.jpCenti)).toEqual([200, 400]);
  });
});
