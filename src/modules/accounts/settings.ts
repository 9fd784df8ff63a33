/**
 * The region's sign-in settings: a second factor required of admins, and single sign-on.
 * Versioned like the other settings: until the first save there is no row and the defaults (no
 * second factor required, no SSO) apply at version 0 (`ETag "v0"`); a save applies only at the
 * version the caller read (the first row's insert and a later row's update are both conditional),
 * and its audit row lands only when it did.
 */
import { eq } from 'drizzle-orm';
import { signInSettings } from '../../db/schema';
import { auditIfChanged } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';
import { staleWrite } from '../../platform/http/etag';
import { nowIso } from '../../platform/ids';

export interface SignInSettingsInput {
  requireAdminTotp: boolean;
  sso: { issuer: string; clientId: string; claim: string; match: 'nip' | 'email' } | null;
}

export interface SignInSettings extends SignInSettingsInput {
  version: number;
}

type Row = typeof signInSettings.$inferSelect;

function shape(row: Row | undefined): SignInSettings {
  const sso =
    row?.oidcIssuer && row.oidcClientId && row.oidcClaim && row.oidcMatch
      ? { issuer: row.oidcIssuer, clientId: row.oidcClientId, claim: row.oidcClaim, match: row.oidcMatch }
      : null;
  return { requireAdminTotp: row?.requireAdminTotp ?? false, sso, version: row?.version ?? 0 };
}

export async function readSettings({ ctx }: Call<TenantContext>): Promise<SignInSettings> {
  const [row] = await ctx.db.select().from(signInSettings).limit(1);
  return shape(row);
}

export async function writeSettings({
  ctx,
  input,
}: Call<TenantContext, { expectedVersion: number; changes: SignInSettingsInput }>): Promise<SignInSettings> {
  const { expectedVersion, changes } = input;
  const now = nowIso();
  const values = {
    requireAdminTotp: changes.requireAdminTotp,
    oidcIssuer: changes.sso?.issuer.replace(/\/+$/, '') ?? null,
    oidcClientId: changes.sso?.clientId ?? null,
    oidcClaim: changes.sso?.claim ?? null,
    oidcMatch: changes.sso?.match ?? null,
    version: expectedVersion + 1,
    updatedAt: now,
  };
  const s = signInSettings;
  const write =
    expectedVersion === 0
      ? ctx.db.insert(s).values(values).onConflictDoNothing().returning()
      : ctx.db.update(s).set(values).where(eq(s.version, expectedVersion)).returning();
  const [rows] = await ctx.db.batch([write, auditIfChanged(ctx, 'sign_in_settings.update', 'sign_in_settings', ctx.tenant.id, now)]);
  const [row] = rows as Row[];
  if (!row) throw staleWrite();
  return shape(row);
}
