/** One employee's imported training, oldest first, for the person's history (the caller checks access). */
import { asc, eq } from 'drizzle-orm';
import { trainingHistory } from '../../db/schema';
import type { Call, TenantContext } from '../../platform/context';

export async function trainingHistoryOfEmployee({ ctx, input: employeeId }: Call<TenantContext, string>) {
  const t = trainingHistory;
  const rows = await ctx.db
    .select({
      id: t.id,
      title: t.title,
      method: t.method,
      organiser: t.organiser,
      startDate: t.startDate,
      endDate: t.endDate,
      jpCenti: t.jpCenti,
      certificateNumber: t.certificateNumber,
      certificateDate: t.certificateDate,
      rowKey: t.rowKey,
    })
    .from(t)
    .where(eq(t.employeeId, employeeId))
    .orderBy(asc(t.startDate), asc(t.id));
  return rows.map(({ jpCenti, rowKey, ...r }) => ({ ...r, jp: jpCenti / 100, jpReference: `training:${rowKey}` }));
}
