/**
 * The notifications' part of the scheduled run: in every tenant, the reminders due at the run's
 * instant are written (reminders.ts), the waiting events become inbox entries and delivery rows,
 * then the e-mail that is due goes out. Each tenant on its own: one that fails is logged and the others go on (its rows stay due for the next run).
 */
import { asc } from 'drizzle-orm';
import { tenants } from '../../db/schema';
import { asTenant, type Call, type NationalContext } from '../../platform/context';
import { processEvents } from './inbox';
import { sendDue } from './mail';
import { remind } from './reminders';

export async function runNotifications({ ctx, input: { now } }: Call<NationalContext, { now: Date }>) {
  const at = now.toISOString();
  const list = await ctx.national.control.select().from(tenants).orderBy(asc(tenants.slug));
  const result = { reminded: 0, processed: 0, sent: 0, failed: 0 };
  for (const tenant of list) {
    try {
      const tctx = asTenant(ctx, tenant);
      result.reminded += await remind(tctx, at);
      result.processed += await processEvents(tctx, { now: at });
      const mail = await sendDue(tctx, at);
      result.sent += mail.sent;
      result.failed += mail.failed;
    } catch (err) {
      console.error(`notifications of ${tenant.slug} failed`, err);
    }
  }
  return result;
}
