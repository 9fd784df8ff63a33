/**
 * One employee's imported training, oldest first, for the person's history (the caller checks
 * access): a query, so the caller may await it or run it in its own batch.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { trainingHistory } from '../../db/schema';
import type { Call, TenantContext } from '../../platform/context';

export function trainingHistoryOfEmployee({ ctx, input: employeeId }: Call<TenantContext, string>) {
  const t = trainingHistory;
  return ctx.db
    .select({
      id: t.id,
      title: t.title,
      method: t.method,
      organiser: t.organiser,
      startDate: t.startDate,
      endDate: t.endDate,
      jp: sql<number>`${t.jpCenti} / 100.0`.as('training_jp'),
      certificateNumber: t.certificateNumber,
      certificateDate: t.certificateDate,
      jpReference: sql<string>`'training:' || ${t.rowKey}`.as('training_jp_reference'),
    })
    .from(t)
    .where(eq(t.employeeId, employeeId))
    .orderBy(asc(t.startDate), asc(t.id));
}
