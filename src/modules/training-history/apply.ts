/**
 * Writing planned rows: each row its record, its audit row and its JP credit (reference
 * `training:<rowKey>`, source `other`, on the training's last day), in one batch per chunk. The
 * record is inserted only if its key is new and the credit is unique per reference, so a chunk
 * written twice (a step run again, the file imported again) records and credits nothing twice.
 */
import { sql } from 'drizzle-orm';
import { auditLog, trainingHistory } from '../../db/schema';
import { auditRow } from '../../platform/audit/audit';
import type { TenantContext } from '../../platform/context';
import { newSortableId, nowIso } from '../../platform/ids';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { creditJp } from '../jp';
import type { Write } from './plan';

/** Rows per batch: four statements each. */
export const chunkSize = 100;

export function writeStatements(ctx: TenantContext, writes: Write[]): Statement[] {
  const now = nowIso();
  return writes.flatMap((w) => {
    const id = newSortableId('trh');
    const inserted = sql`exists (select 1 from ${trainingHistory} where ${ctx.db.owned(trainingHistory, sql`${trainingHistory.id} = ${id}`)})`;
    return [
      ctx.db
        .insert(trainingHistory)
        .values({
          id,
          employeeId: w.employeeId,
          rowKey: w.rowKey,
          title: w.title,
          method: w.method,
          organiser: w.organiser,
          startDate: w.startDate,
          endDate: w.endDate,
          jpCenti: w.jpCenti,
          certificateNumber: w.certificateNumber,
          certificateDate: w.certificateDate,
          importedBy: ctx.actor.subject,
          createdAt: now,
        })
        .onConflictDoNothing(),
      ctx.db.insertIf(auditLog, auditRow(ctx, 'training_history.import', 'training_history', id, now), inserted),
      ...creditJp(ctx, {
        employeeId: w.employeeId,
        jp: w.jpCenti / 100,
        source: 'other',
        reference: `training:${w.rowKey}`,
        occurredAt: `${w.endDate}T12:00:00+07:00`,
        note: `Riwayat pelatihan (impor): ${w.title}`.slice(0, 1000),
      }),
    ];
  });
}
