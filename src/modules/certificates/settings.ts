/**
 * The tenant's certificate settings: the numbering pattern (pattern.ts), the issuing unit's code,
 * the place of issue and the default signing official. No row until the admin first saves them:
 * the defaults apply at version 0 (`{seq}/{code}/{unit}/{year}`, unit `BKPSDM`, the place is the
 * region's name, no default official). A save applies only at the version read (If-Match), and
 * its audit row lands only when it did.
 */
import { eq } from 'drizzle-orm';
import { certificateSettings } from '../../db/schema';
import { auditIfChanged } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';
import { staleWrite } from '../../platform/http/etag';
import { nowIso } from '../../platform/ids';
import { defaultNumberPattern } from './pattern';
import type { SettingsInput } from './schemas';

type Row = typeof certificateSettings.$inferSelect;

const defaultIssuerUnit = 'BKPSDM';

const shape = (row: Row | undefined) =>
  row
    ? {
        numberPattern: row.numberPattern,
        issuerUnit: row.issuerUnit,
        issuedPlace: row.issuedPlace,
        official:
          row.officialName && row.officialNip && row.officialTitle
            ? { name: row.officialName, nip: row.officialNip, title: row.officialTitle }
            : null,
        version: row.version,
        updatedAt: row.updatedAt,
      }
    : {
        numberPattern: defaultNumberPattern,
        issuerUnit: defaultIssuerUnit,
        issuedPlace: null,
        official: null,
        version: 0,
        updatedAt: null,
      };

export type CertificateSettings = ReturnType<typeof shape>;

export async function certificateSettingsOf({ ctx }: Call<TenantContext>): Promise<CertificateSettings> {
  const [row] = await ctx.db.select().from(certificateSettings).limit(1);
  return shape(row);
}

export async function putCertificateSettings({ ctx, input }: Call<TenantContext, { expectedVersion: number; changes: SettingsInput }>) {
  const { expectedVersion, changes } = input;
  const now = nowIso();
  const s = certificateSettings;
  const values = {
    numberPattern: changes.numberPattern,
    issuerUnit: changes.issuerUnit,
    issuedPlace: changes.issuedPlace,
    officialName: changes.official?.name ?? null,
    officialNip: changes.official?.nip ?? null,
    officialTitle: changes.official?.title ?? null,
    version: expectedVersion + 1,
    updatedAt: now,
  };
  const write =
    expectedVersion === 0
      ? ctx.db.insert(s).values(values).onConflictDoNothing().returning()
      : ctx.db.update(s).set(values).where(eq(s.version, expectedVersion)).returning();
  const [rows] = await ctx.db.batch([
    write,
    auditIfChanged(ctx, 'certificate_settings.update', 'certificate_settings', ctx.tenant.id, now),
  ]);
  const [row] = rows as Row[];
  if (!row) throw staleWrite();
  return shape(row);
}
