/**
 * Computes one tenant's summary rows from the tenant's OWN database (the binding its directory
 * entry names, dedicated or not) and stores them in the control database, replacing that year's
 * rows in one atomic batch. One round trip to each database: every provider's statement, the
 * units and the change mark are read in a single D1 batch. Writes aggregates only.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import { auditLog, employees, tenantScope, tenantSummaries, units } from '../../db/schema';
import type { Bindings } from '../../env';
import type { CostMeter } from '../../platform/db/metered-d1';
import { jsonRows } from '../../platform/db/json-rows';
import { nowIso } from '../../platform/ids';
import { tenantDatabase, type TenantEntry } from '../../platform/tenancy/directory';
import { summaryProviders } from './providers';

/** Additive parts of one figure in one scope: [sum, count, people]. */
export type Parts = [number, number, number];
export type StoredFigures = Record<string, Parts>;

interface MeasureRow {
  unit_id: string;
  sum: number | null;
  count: number | null;
  people: number | null;
}

interface UnitRow {
  id: string;
  code: string;
  name: string;
  employees: number;
}

const dialect = new SQLiteAsyncDialect();

function prepare(d1: D1Database, query: SQL): D1PreparedStatement {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return d1.prepare(text).bind(...params);
}

/** What the tenant's data looked like: its latest audit id (every write is audited) and directory version. */
export const sourceMark = (latestAuditId: string | null, tenant: TenantEntry) => `${latestAuditId ?? '-'}|v${tenant.version}`;

export const latestAuditQuery = (tenantId: string) => sql`select max(id) as mark from ${auditLog} where tenant_id = ${tenantId}`;

const unitsQuery = (tenantId: string) => sql`
  select u.id as id, u.code as code, u.name as name,
         (select count(*) from ${employees} e where e.tenant_id = ${tenantId} and e.unit_id = u.id and e.status = 'active') as employees
  from ${units} u where u.tenant_id = ${tenantId}`;

const add = (a: Parts | undefined, b: Parts): Parts => (a ? [a[0] + b[0], a[1] + b[1], a[2] + b[2]] : [...b]);

/** Reads the tenant's figures for `year` and replaces its stored rows; returns when it was computed. */
export async function computeTenantSummary(env: Bindings, meter: CostMeter, tenant: TenantEntry, year: number): Promise<string> {
  const d1 = meter.wrap(tenantDatabase(env, tenant.database));
  const statements = [latestAuditQuery(tenant.id), unitsQuery(tenant.id), ...summaryProviders.map((p) => p.measure({ tenant, year }))];
  const [markResult, unitResult, ...measured] = await d1.batch(statements.map((s) => prepare(d1, s)));
  const mark = sourceMark((markResult?.results[0] as { mark: string | null } | undefined)?.mark ?? null, tenant);

  const byUnit = new Map<string, StoredFigures>();
  const total: StoredFigures = {};
  summaryProviders.forEach((provider, i) => {
    for (const row of (measured[i]?.results ?? []) as MeasureRow[]) {
      const parts: Parts = [row.sum ?? 0, row.count ?? 0, row.people ?? 0];
      const figures = byUnit.get(row.unit_id) ?? {};
      figures[provider.name] = add(figures[provider.name], parts);
      byUnit.set(row.unit_id, figures);
      total[provider.name] = add(total[provider.name], parts);
    }
  });

  const computedAt = nowIso();
  const unitRows = (unitResult?.results ?? []) as unknown as UnitRow[];
  const row = (scope: string, label: UnitRow | undefined, people: number, figures: StoredFigures) => ({
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
    row(tenantScope, undefined, unitRows.reduce((n, u) => n + u.employees, 0), total),
    ...unitRows.filter((u) => u.employees > 0 || byUnit.has(u.id)).map((u) => row(u.id, u, u.employees, byUnit.get(u.id) ?? {})),
  ];
  const control = drizzle(meter.wrap(env.DB));
  const mine = and(eq(tenantSummaries.tenantId, tenant.id), eq(tenantSummaries.year, year));
  const inserts = [];
  for (let i = 0; i < rows.length; i += 200) inserts.push(control.insert(tenantSummaries).select(jsonRows(tenantSummaries, rows.slice(i, i + 200))));
  await control.batch([control.delete(tenantSummaries).where(mine), ...inserts]);
  return computedAt;
}
