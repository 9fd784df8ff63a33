/**
 * The caller's own view: who the token says they are and, when it names an employee, their
 * profile with unit, position and supervisor by name. Reads only the caller's own tenant, reached
 * through the token (there is no tenant in the path), and only the employee the token names.
 */
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { employees, positions, units } from '../../db/schema';
import type { Call, TenantContext } from '../../platform/context';
import { notFound } from '../../platform/errors';
import type { Profile } from './schemas';

/** The caller's profile as one statement; joined columns are aliased because two result columns may not share a name. */
export function profileQuery(ctx: TenantContext, employeeId: string) {
  const supervisor = alias(employees, 'supervisor');
  return ctx.db
    .select({
      id: employees.id,
      nip: employees.nip,
      name: employees.name,
      grade: employees.grade,
      employmentType: employees.employmentType,
      status: employees.status,
      email: employees.email,
      gender: employees.gender,
      birthDate: employees.birthDate,
      unitId: sql<string>`${units.id}`.as('unit_id'),
      unitCode: sql<string>`${units.code}`.as('unit_code'),
      unitName: sql<string>`${units.name}`.as('unit_name'),
      positionId: sql<string>`${positions.id}`.as('position_id'),
      positionCode: sql<string>`${positions.code}`.as('position_code'),
      positionName: sql<string>`${positions.name}`.as('position_name'),
      positionCategory: sql<Profile['position']['category']>`${positions.category}`.as('position_category'),
      supervisorId: sql<string | null>`${supervisor.id}`.as('supervisor_id'),
      supervisorName: sql<string | null>`${supervisor.name}`.as('supervisor_name'),
    })
    .from(employees)
    .innerJoin(units, and(eq(units.tenantId, employees.tenantId), eq(units.id, employees.unitId)))
    .innerJoin(positions, and(eq(positions.tenantId, employees.tenantId), eq(positions.id, employees.positionId)))
    .leftJoin(supervisor, and(eq(supervisor.tenantId, employees.tenantId), eq(supervisor.id, employees.supervisorId)))
    .where(eq(employees.id, employeeId))
    .limit(1);
}

/** The profile from `profileQuery`'s rows (404 when the token's employee is not in the tenant). */
export function shapeProfile(rows: Awaited<ReturnType<typeof profileQuery>>): Profile {
  const [row] = rows;
  if (!row) throw notFound('employee');
  const {
    unitId,
    unitCode,
    unitName,
    positionId,
    positionCode,
    positionName,
    positionCategory,
    supervisorId,
    supervisorName,
    ...employee
  } = row;
  return {
    ...employee,
    unit: { id: unitId, code: unitCode, name: unitName },
    position: { id: positionId, code: positionCode, name: positionName, category: positionCategory },
    supervisor: supervisorId && supervisorName ? { id: supervisorId, name: supervisorName } : null,
  };
}

export async function profileOf({ ctx, input: employeeId }: Call<TenantContext, string>): Promise<Profile> {
  return shapeProfile(await profileQuery(ctx, employeeId));
}
