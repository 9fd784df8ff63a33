/**
 * Computes one tenant's summary rows from the tenant's OWN database (the binding its directory
 * entry names, dedicated or not) and stores them in the control database, replacing that year's
 * rows in one atomic batch. One round trip to each database: every provider's statement, the
 * units and the change mark are read in a single D1 batch. Writes aggregates only.
 */
import { and, eq, max, type SQL, sql } from 'drizzle-orm';
import { auditLog, employees, tenantScope, tenantSummaries, units } from '../../db/schema';
import type { Call, NationalContext } from '../../platform/context';
import { jsonRows } from '../../platform/db/json-rows';
import { nowIso } from '../../platform/ids';
import type { TenantEntry } from '../../platform/tenancy/directory';
import type { Orm, TenantDb } from '../../platform/tenancy/scoped-db';
import { summaryProviders } from './providers';
import { keyModulus } from './record-keys';

/**
 * Additive parts of one figure in one scope: [sum, count, people, valueKey, peopleKey] (the keys
 * are cell keys, record-keys.ts, added modulo 2^32).
 */
export type Parts = [number, number, number, number, number];
export type StoredFigures = Record<string, Parts>;

/**
 * The layout of the stored figures. Part of the source mark, so that rows stored in another layout
 * (before cell keys) are due at the next refresh; until then they read as not computed.
 */
const storedLayout = 'ckm1';

/** What the tenant's data looked like: its latest audit id (every write is audited), directory version and stored layout. */
export const sourceMark = (latestAuditId: string | null, tenant: TenantEntry) =>
  `${latestAuditId ?? '-'}|v${tenant.version}|${storedLayout}`;

/** The stored figures of a summary row, or null when they are in an older layout (no cell keys). */
export function readStored(figures: string): StoredFigures | null {
  const parsed = JSON.parse(figures) as Record<string, unknown>;
  const valid = Object.values(parsed).every((x) => Array.isArray(x) && x.length === 5 && x.every((n) => typeof n === 'number'));
  return valid ? (parsed as StoredFigures) : null;
}

/** A key reduced to [0, 2^32). */
const reduceKey = (k: number) => ((k % keyModulus) + keyModulus) % keyModulus;

/** Two cells' parts as one: sums, counts and people add; so do keys, modulo 2^32. */
export const addParts = (a: Parts, b: Parts): Parts => [
  a[0] + b[0],
  a[1] + b[1],
  a[2] + b[2],
  reduceKey(a[3] + b[3]),
  reduceKey(a[4] + b[4]),
];

const latestAuditQuery = (db: TenantDb) => db.select({ mark: max(auditLog.id) }).from(auditLog);

const unitsQuery = (db: TenantDb) =>
  db
    .select({
      id: units.id,
      code: units.code,
      name: units.name,
      // Written out as ${units}."id": a column inside a one-table select would render unqualified and bind to e.id.
      employees: sql<number>`(select count(*) from ${employees} e where ${db.scope('e')} and e.unit_id = ${units}."id" and e.status = 'active')`,
    })
    .from(units);

/**
 * A provider's raw statement wrapped in a select the batch can carry: drizzle's raw `all()` cannot
 * sit in a D1 batch when it has parameters, a select from a subquery can. Same rows, same cost.
 */
const measureQuery = (raw: Orm, query: SQL) =>
  raw
    .select({
      unit_id: sql<string>`"unit_id"`,
      sum: sql<number | null>`"sum"`,
      count: sql<number | null>`"count"`,
      people: sql<number | null>`"people"`,
      valueKey: sql<number | null>`"value_key"`,
      peopleKey: sql<number | null>`"people_key"`,
    })
    .from(sql`(${query})`);

const add = (a: Parts | undefined, b: Parts): Parts => (a ? addParts(a, b) : b);

/** Reads the tenant's figures for `year` and replaces its stored rows; returns when it was computed. */
export async function computeTenantSummary({
  ctx,
  input: { tenant, year },
}: Call<NationalContext, { tenant: TenantEntry; year: number }>): Promise<string> {
  const db = ctx.national.tenant(tenant);
  // The providers' statements are grouped aggregates with correlated joins, in raw SQL; each scopes
  // every table it reads with db.scope(alias) (providers.ts).
  const raw = db.unscoped('national summary figures: raw grouped aggregates, scoped per table alias with scope()');
  const [markResult, unitRows, ...measured] = await db.batch([
    latestAuditQuery(db),
    unitsQuery(db),
    ...summaryProviders.map((p) => measureQuery(raw, p.measure({ tenant, db, year }))),
  ]);
  const mark = sourceMark(markResult[0]?.mark ?? null, tenant);

  const byUnit = new Map<string, StoredFigures>();
  const total: StoredFigures = {};
  summaryProviders.forEach((provider, i) => {
    for (const row of measured[i] ?? []) {
      const parts: Parts = [row.sum ?? 0, row.count ?? 0, row.people ?? 0, reduceKey(row.valueKey ?? 0), reduceKey(row.peopleKey ?? 0)];
      const figures = byUnit.get(row.unit_id) ?? {};
      figures[provider.name] = add(figures[provider.name], parts);
      byUnit.set(row.unit_id, figures);
      total[provider.name] = add(total[provider.name], parts);
    }
  });

  const computedAt = nowIso();
  const row = (scope: string, label: (typeof unitRows)[number] | undefined, people: number, figures: StoredFigures) => ({
    tenantId: tenant.id,
    year,
    scope,
    unitCode: label?.code ?? null,
    unitName: label?.name ?? null,
    employees: people,
    figures: JSON.stringify(figures),
    computedAt,
    sourceMark: mark,
  });
  const rows = [
    row(
      tenantScope,
      undefined,
      unitRows.reduce((n, u) => n + u.employees, 0),
      total,
    ),
    ...unitRows.filter((u) => u.employees > 0 || byUnit.has(u.id)).map((u) => row(u.id, u, u.employees, byUnit.get(u.id) ?? {})),
  ];
  const control = ctx.national.control;
  const mine = and(eq(tenantSummaries.tenantId, tenant.id), eq(tenantSummaries.year, year));
  const inserts = [];
  for (let i = 0; i < rows.length; i += 200)
    inserts.push(control.insert(tenantSummaries).select(jsonRows(tenantSummaries, rows.slice(i, i + 200))));
  await control.batch([control.delete(tenantSummaries).where(mine), ...inserts]);
  return computedAt;
}
