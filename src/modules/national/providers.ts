/**
 * The extension point of the national summaries: every figure is a provider — one SQL statement
 * over one tenant's own database that answers, per unit, additive parts of the figure:
 *
 *   unit_id  the employee's unit (units partition a tenant, so unit rows add up to the tenant)
 *   sum      total: the figure itself; mean: the sum of the values; share: how many qualify
 *   count    mean: how many values; share: how many could qualify (total: anything, unused)
 *   people   distinct people behind the figure: fewer than 5 and the figure is suppressed
 *
 * Each statement is raw SQL (grouped aggregates with correlated joins), run through the tenant
 * handle's `unscoped()` escape hatch by compute.ts: it scopes every table it reads with
 * `db.scope(alias)`, never with a hand-written tenant id.
 *
 * Adding a figure is one provider (a small function returning that statement) and one line in
 * `summaryProviders` below; refresh, storage, totals, suppression, JSON, CSV and the OpenAPI
 * description follow from it. A provider must never select a name, NIP, employee id or a single
 * person's score: only these four columns, grouped by unit.
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

export type FigureKind = 'total' | 'mean' | 'share';

interface MeasureQuery {
  tenant: TenantEntry;
  /** The tenant's handle: every table alias in the statement is scoped with `db.scope(alias)`. */
  db: TenantDb;
  /** The year of the summary, in the tenant's time zone (as `jp_entries.year`). */
  year: number;
}

export interface SummaryProvider {
  /** The figure's key in responses and its CSV column: camelCase, never renamed once published. */
  name: string;
  kind: FigureKind;
  description: string;
  measure(q: MeasureQuery): SQL;
}

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
