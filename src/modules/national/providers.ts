/**
 * The extension point of the national summaries: every figure is a provider — one SQL statement
 * over one tenant's own database that answers, per unit, additive parts of the figure:
 *
 *   unit_id     the employee's unit (units partition a tenant, so unit rows add up to the tenant)
 *   sum         total: the figure itself; mean: the sum of the values; share: how many qualify
 *   count       mean: how many values; share: how many could qualify (total: anything, unused)
 *   people      distinct people behind the figure: fewer than 5 and the figure is suppressed
 *   value_key   the cell key of what `sum` is made of (record-keys.ts): total, the keys of the
 *               counted records; share, the contribution keys (record + flag) of everyone in the
 *               base; mean, the contribution keys (record + value) of every value
 *   people_key  the cell key of the distinct people (total and mean; a share's base is the
 *               headcount, published as is: 0)
 *
 * The keys drive the noise that disclosure.ts adds to every published number: the same records
 * and contributions give the same noise in every answer and refresh, any change draws a new one.
 *
 * Each statement is raw SQL (grouped aggregates with correlated joins), run through the tenant
 * handle's `unscoped()` escape hatch by compute.ts: it scopes every table it reads with
 * `db.scope(alias)`, never with a hand-written tenant id.
 *
 * Adding a figure is one provider (a small function returning that statement) and one line in
 * `summaryProviders` below; refresh, storage, totals, disclosure control, JSON, CSV and the
 * OpenAPI description follow from it. A provider must never select a name, NIP, employee id or a
 * single person's score: only these six columns, grouped by unit.
 */
import type { SQL } from 'drizzle-orm';
import type { TenantEntry } from '../../platform/tenancy/directory';
import type { TenantDb } from '../../platform/tenancy/scoped-db';
import {
  activePairingsFigure,
  completionsFigure,
  enrollmentsFigure,
  ikmFigure,
  learningGainFigure,
  reactionFigure,
} from './activity-figures';
import { meanGapProviders, shareAssessed, shareReachingJpTarget } from './needs-figures';

interface MeasureQuery {
  tenant: TenantEntry;
  /** The tenant's handle: every table alias in the statement is scoped with `db.scope(alias)`. */
  db: TenantDb;
  /** The year of the summary, in the tenant's time zone (as `jp_entries.year`). */
  year: number;
}

interface Provider {
  /** The figure's key in responses and its CSV column: camelCase, never renamed once published. */
  name: string;
  description: string;
  measure(q: MeasureQuery): SQL;
}

export type SummaryProvider = Provider &
  (
    | { kind: 'total' }
    /** A share of the scope's active employees: its base is the headcount, which is published as `employees` anyway. */
    | { kind: 'share'; base: 'employees' }
    /** A mean of values that each lie in `range`: the noise on the mean is scaled to its width. */
    | { kind: 'mean'; range: readonly [number, number] }
  );

/** Every figure of the summaries, in the order responses and the CSV list them. */
export const summaryProviders: readonly SummaryProvider[] = [
  shareAssessed,
  ...meanGapProviders,
  shareReachingJpTarget,
  enrollmentsFigure,
  completionsFigure,
  reactionFigure,
  learningGainFigure,
  activePairingsFigure,
  ikmFigure,
];

/** Figures computed from fewer people than this are suppressed. */
export const minimumPeople = 5;
