/**
 * The JP rule engine: what an activity earns by its method's rule, as a pure function of the rule,
 * the activity and what the person already earned by the same method in the periods it touches.
 * Self-reported training (modules/learning) and mentoring and coaching completion (modules/mentoring)
 * both go through it (`ruleCredit` in by-rules.ts adds the reads and the ledger writes). It never
 * reads the clock or the database; everything is in hundredths of JP, so every figure is exact.
 *
 * 1. The rule's quantity times its rate: days (default: the calendar days of the period), sessions,
 *    lesson hours of 45 minutes (`hour`: minutes × rate / 45, rounded down to the hundredth),
 *    semesters (default: the months spanned / 6, rounded up), or the claim itself (`claim`).
 * 2. A claim below that counts as claimed; above it, the rule's figure counts.
 * 3. `capPerActivity`, then `capPerDay` on each day of the period, less what the person already
 *    earned by the method that day (an earlier credit counts on the day it was booked: the
 *    activity's last day in its month); with `days` attended fewer than the period's, the days
 *    with the most room count.
 * 4. With a month or year cap, the JP is spread over the months the activity touches — by its dated
 *    sessions when it has them, else by its calendar days — and each month keeps at most the month's
 *    cap less what the person already earned that month by the method; then each year at most the
 *    year's cap less what was already earned that year (cut from its latest month back). Without
 *    one, the JP is one part in the month of the activity's end.
 */
import { addDays, daysBetween, nextMonthStart } from '../../platform/calendar';

export const jpBases = ['day', 'session', 'hour', 'semester', 'claim'] as const;
type JpBasis = (typeof jpBases)[number];

export interface JpRule {
  basis: JpBasis;
  /** JP per day, session or semester; per lesson hour of 45 minutes for `hour`; unused for `claim`. */
  jpPerUnit: number | null;
  capPerDay: number | null;
  capPerMonth: number | null;
  capPerYear: number | null;
  capPerActivity: number | null;
}

export interface Activity {
  /** The period on the tenant's calendar, `YYYY-MM-DD`. */
  startDate: string;
  endDate: string;
  days?: number | null;
  sessions?: number | null;
  minutes?: number | null;
  semesters?: number | null;
  claimCenti?: number | null;
  /** Dated sessions (a pairing's confirmed ones): each counts in its own month. */
  sessionsOn?: { date: string; minutes: number }[];
}

/** What the person already earned by the same method, in hundredths: by day (`YYYY-MM-DD`, for day caps), month (`YYYY-MM`) and year. */
export interface Earned {
  byDay?: Record<string, number>;
  byMonth: Record<string, number>;
  byYear: Record<string, number>;
}

interface JpPart {
  month: string;
  /** The last day of the activity in that month (the last session's, for dated sessions). */
  date: string;
  jpCenti: number;
}

export interface JpOutcome {
  jpCenti: number;
  parts: JpPart[];
  /** Why, in the words shown to the employee and the admin. */
  reasons: string[];
  /** The periods whose caps the parts were measured against: their totals must not move before the credit lands. */
  capped: { months: string[]; years: string[] };
}

const centi = (jp: number) => Math.round(jp * 100);
const jp = (c: number) => `${(c / 100).toLocaleString('id-ID', { maximumFractionDigits: 2 })} JP`;
const unitWord: Record<JpBasis, string> = {
  day: 'hari',
  session: 'sesi',
  hour: 'jam pelajaran (45 menit)',
  semester: 'semester',
  claim: '',
};

function monthsSpanned(start: string, end: string): number {
  const [sy, sm] = start.split('-').map(Number) as [number, number];
  const [ey, em] = end.split('-').map(Number) as [number, number];
  return (ey - sy) * 12 + (em - sm) + 1;
}

/** The rule's own figure before any cap, with the words that explain it; null when the activity lacks the rule's quantity. */
function ruleFigure(rule: JpRule, a: Activity): { centi: number; why: string } | null {
  const rate = centi(rule.jpPerUnit ?? 0);
  const sessionMinutes = a.sessionsOn?.reduce((s, x) => s + x.minutes, 0);
  switch (rule.basis) {
    case 'day': {
      const days = a.days ?? daysBetween(a.startDate, a.endDate);
      return { centi: days * rate, why: `${jp(rate)} per hari × ${days} hari = ${jp(days * rate)}` };
    }
    case 'session': {
      const sessions = a.sessions ?? a.sessionsOn?.length ?? null;
      return sessions === null ? null : { centi: sessions * rate, why: `${jp(rate)} per sesi × ${sessions} sesi = ${jp(sessions * rate)}` };
    }
    case 'hour': {
      const minutes = a.minutes ?? sessionMinutes ?? null;
      if (minutes === null) return null;
      const c = Math.floor((minutes * rate) / 45);
      return { centi: c, why: `${jp(rate)} per jam pelajaran (45 menit) × ${minutes} menit = ${jp(c)}` };
    }
    case 'semester': {
      const semesters = a.semesters ?? Math.ceil(monthsSpanned(a.startDate, a.endDate) / 6);
      return { centi: semesters * rate, why: `${jp(rate)} per semester × ${semesters} semester = ${jp(semesters * rate)}` };
    }
    case 'claim':
      return null;
  }
}

/** The months the activity touches, with its weight in each and its last day there. */
function monthWeights(rule: JpRule, a: Activity): { month: string; weight: number; date: string }[] {
  const byMonth = new Map<string, { weight: number; date: string }>();
  if (a.sessionsOn && a.sessionsOn.length > 0) {
    for (const s of a.sessionsOn) {
      const m = s.date.slice(0, 7);
      const at = byMonth.get(m) ?? { weight: 0, date: s.date };
      at.weight += rule.basis === 'hour' ? s.minutes : 1;
      if (s.date > at.date) at.date = s.date;
      byMonth.set(m, at);
    }
  } else {
    for (let from = a.startDate; from <= a.endDate; ) {
      const m = from.slice(0, 7);
      const next = nextMonthStart(m);
      const last = next <= a.endDate ? new Date(Date.parse(next) - 86_400_000).toISOString().slice(0, 10) : a.endDate;
      byMonth.set(m, { weight: daysBetween(from, last), date: last });
      from = next;
    }
  }
  return [...byMonth.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([month, v]) => ({ month, ...v }));
}

export function computeJp(rule: JpRule, a: Activity, earned: Earned): JpOutcome {
  const reasons: string[] = [];
  const figure = ruleFigure(rule, a);
  let total: number;
  if (figure === null) {
    total = a.claimCenti ?? 0;
    reasons.push(
      rule.basis === 'claim'
        ? `Diakui sesuai klaim: ${jp(total)}.`
        : `Tanpa jumlah ${unitWord[rule.basis]}: diakui sesuai klaim, ${jp(total)}.`,
    );
  } else if (a.claimCenti != null && a.claimCenti < figure.centi) {
    total = a.claimCenti;
    reasons.push(`Aturan: ${figure.why}; diklaim ${jp(a.claimCenti)}, diakui sesuai klaim.`);
  } else {
    total = figure.centi;
    const claimed = a.claimCenti != null && a.claimCenti > figure.centi ? `; diklaim ${jp(a.claimCenti)}, diakui menurut aturan` : '';
    reasons.push(`Aturan: ${figure.why}${claimed}.`);
  }
  if (rule.capPerActivity !== null && total > centi(rule.capPerActivity)) {
    total = centi(rule.capPerActivity);
    reasons.push(`Batas ${jp(total)} per kegiatan.`);
  }
  if (rule.capPerDay !== null) {
    const perDay = centi(rule.capPerDay);
    const period = daysBetween(a.startDate, a.endDate);
    const days = a.days ?? period;
    const rooms = Array.from({ length: period }, (_, i) => Math.max(0, perDay - (earned.byDay?.[addDays(a.startDate, i)] ?? 0)));
    // The days with the most room count (all of them when every day of the period was attended).
    const room = rooms
      .sort((x, y) => y - x)
      .slice(0, days)
      .reduce((sum, r) => sum + r, Math.max(0, days - period) * perDay);
    const used = days * perDay - room;
    if (total > room) {
      total = room;
      const already = used > 0 ? `, dikurangi ${jp(used)} yang sudah diperoleh pada hari yang sama: ${jp(room)}` : '';
      reasons.push(`Batas ${jp(perDay)} per hari × ${days} hari = ${jp(days * perDay)}${already}.`);
    }
  }
  const capped = { months: [] as string[], years: [] as string[] };
  if (rule.capPerMonth === null && rule.capPerYear === null) {
    const parts = total > 0 ? [{ month: a.endDate.slice(0, 7), date: a.endDate, jpCenti: total }] : [];
    return { jpCenti: total, parts, reasons, capped };
  }

  const weights = monthWeights(rule, a);
  const sum = weights.reduce((s, w) => s + w.weight, 0);
  let given = 0;
  const parts: JpPart[] = weights.map((w, i) => {
    const share = i === weights.length - 1 ? total - given : Math.floor((total * w.weight) / sum);
    given += share;
    return { month: w.month, date: w.date, jpCenti: share };
  });
  if (rule.capPerMonth !== null) {
    const cap = centi(rule.capPerMonth);
    for (const p of parts) {
      capped.months.push(p.month);
      const already = earned.byMonth[p.month] ?? 0;
      const room = Math.max(0, cap - already);
      if (p.jpCenti > room) {
        reasons.push(`Batas ${jp(cap)} per bulan: ${p.month} sudah ${jp(already)}, diakui ${jp(room)} dari ${jp(p.jpCenti)}.`);
        p.jpCenti = room;
      }
    }
  }
  if (rule.capPerYear !== null) {
    const cap = centi(rule.capPerYear);
    for (const year of [...new Set(parts.map((p) => p.month.slice(0, 4)))]) {
      capped.years.push(year);
      const already = earned.byYear[year] ?? 0;
      let over = parts.filter((p) => p.month.startsWith(year)).reduce((s, p) => s + p.jpCenti, 0) - Math.max(0, cap - already);
      if (over <= 0) continue;
      reasons.push(`Batas ${jp(cap)} per tahun: ${year} sudah ${jp(already)}, dikurangi ${jp(over)}.`);
      for (const p of [...parts].reverse().filter((x) => x.month.startsWith(year))) {
        const cut = Math.min(p.jpCenti, over);
        p.jpCenti -= cut;
        over -= cut;
      }
    }
  }
  const kept = parts.filter((p) => p.jpCenti > 0);
  return { jpCenti: kept.reduce((s, p) => s + p.jpCenti, 0), parts: kept, reasons, capped };
}
