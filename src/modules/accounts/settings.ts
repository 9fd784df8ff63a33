/** The region's sign-in settings: a second factor required of admins, and single sign-on. */
import { signInSettings } from '../../db/schema';
import { auditEntry } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';

export interface SignInSettings {
  requireAdminTotp: boolean;
  sso: { issuer: string; clientId: string; claim: string; match: 'nip' | 'email' } | null;
}

export async function readSettings({ ctx }: Call<TenantContext>): Promise<SignInSettings> {
  const [row] = await ctx.db.select().from(signInSettings).limit(1);
  const sso =
    row?.oidcIssuer && row.oidcClientId && row.oidcClaim && row.oidcMatch
      ? { issuer: row.oidcIssuer, clientId: row.oidcClientId, claim: row.oidcClaim, match: row.oidcMatch }
      : null;
  return { requireAdminTotp: row?.requireAdminTotp ?? false, sso };
}

export async function writeSettings({ ctx, input }: Call<TenantContext, SignInSettings>): Promise<SignInSettings> {
  const values = {
    requireAdminTotp: input.requireAdminTotp,
    oidcIssuer: input.sso?.issuer.replace(/\/+$/, '') ?? null,
    oidcClientId: input.sso?.clientId ?? null,
    oidcClaim: input.sso?.claim ?? null,
    oidcMatch: input.sso?.match ?? null,
    updatedAt: new Date().toISOString(),
  };
  await ctx.db.batch([
    ctx.db.insert(signInSettings).values(values).onConflictDoUpdate({ target: signInSettings.tenantId, set: values }),
    auditEntry(ctx, 'sign_in_settings.update', 'sign_in_settings', ctx.tenant.id),
  ]);
  return readSettings({ ctx, input: undefined });
}
