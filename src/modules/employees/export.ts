/**
 * CSV export of the ASN registry with the list's filters. Its first eight columns are the import's,
 * so an exported file imported again changes nothing; status, gender and birth date follow for
 * reading. Read in keyset pages so a large tenant never needs one huge result from D1.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { employees, positions, units } from '../../db/schema';
import type { Call, TenantContext } from '../../platform/context';
import { writeCsv } from '../../platform/csv';
import { after } from '../../platform/http/pagination';
import { importColumns } from './csv';
import type { EmployeeFilters } from './schemas';
import { filterConditions } from './service';

const exportColumns = [...importColumns, 'status', 'gender', 'birth_date'] as const;
const pageSize = 1000;

export async function exportEmployees({ ctx, input: filters }: Call<TenantContext, EmployeeFilters>): Promise<string> {
  const supervisor = alias(employees, 'supervisor');
  const lines: (string | null)[][] = [];
  let cursor: [string, string] | undefined;
  for (;;) {
    // Joined columns are aliased: two result columns with one name would collide (metered-d1.ts).
    const rows = await ctx.db
      .select({
        id: employees.id,
        nip: employees.nip,
        name: employees.name,
        unitCode: sql<string>`${units.code}`.as('unit_code'),
        positionCode: sql<string>`${positions.code}`.as('position_code'),
        grade: employees.grade,
        employmentType: employees.employmentType,
        supervisorNip: sql<string | null>`${supervisor.nip}`.as('supervisor_nip'),
        email: employees.email,
        siasnId: employees.siasnId,
        status: employees.status,
        gender: employees.gender,
        birthDate: employees.birthDate,
      })
      .from(employees)
      .innerJoin(units, and(eq(units.tenantId, employees.tenantId), eq(units.id, employees.unitId)))
      .innerJoin(positions, and(eq(positions.tenantId, employees.tenantId), eq(positions.id, employees.positionId)))
      .leftJoin(supervisor, and(eq(supervisor.tenantId, employees.tenantId), eq(supervisor.id, employees.supervisorId)))
      .where(and(...filterConditions(ctx, filters), after([employees.name, employees.id], cursor)))
      .orderBy(asc(employees.name), asc(employees.id))
      .limit(pageSize);
    for (const e of rows) {
      lines.push([
        e.nip,
        e.name,
        e.unitCode,
        e.positionCode,
        e.grade,
        e.employmentType,
        e.supervisorNip,
        e.email,
        e.siasnId,
        e.status,
        e.gender,
        e.birthDate,
      ]);
    }
    const last = rows[rows.length - 1];
    if (rows.length < pageSize || !last) break;
    cursor = [last.name, last.id];
  }
  return writeCsv(exportColumns, lines);
}
