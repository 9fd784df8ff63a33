/**
 * Onboarding: a manifest creates or updates a tenant — directory entry, units (nested) and
 * positions — and applying the same manifest again changes nothing. Tenant rows are written in the
 * tenant's own database first and the directory entry last, so a tenant appears only once its
 * data is in place, and a failed run is simply applied again.
 */
import { asc, eq } from 'drizzle-orm';
import { tenants } from '../../db/schema';
import { auditEntry, nationalAuditEntry } from '../../platform/audit/audit';
import { asTenant, type Call, type NationalContext } from '../../platform/context';
import { markChanged } from '../../platform/data-versions';
import { DomainError, type FieldError } from '../../platform/errors';
import { after, page } from '../../platform/http/pagination';
import { newId, nowIso } from '../../platform/ids';
import { rememberTenant, type TenantEntry } from '../../platform/tenancy/directory';
import type { Statement } from '../../platform/tenancy/scoped-db';
import { planCompetencies } from './competency-plan';
import type { Manifest, ManifestUnit } from './manifest';
import { planOrganisation } from './organisation-plan';

async function manifestHash(manifest: Manifest): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(manifest)));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

function checkManifest(manifest: Manifest, bindings: string[]): void {
  const errors: FieldError[] = [];
  if (!bindings.includes(manifest.database)) {
    errors.push({ path: 'body.database', message: `no D1 binding ${manifest.database} is configured` });
  }
  const unitCodes = new Set<string>();
  const walk = (list: ManifestUnit[], path: string) =>
    list.forEach((u, i) => {
      if (unitCodes.has(u.code)) errors.push({ path: `${path}.${i}.code`, message: `unit code ${u.code} appears twice` });
      unitCodes.add(u.code);
      walk(u.children ?? [], `${path}.${i}.children`);
    });
  walk(manifest.units, 'body.units');
  const positionCodes = new Set<string>();
  manifest.positions.forEach((p, i) => {
    if (positionCodes.has(p.code)) errors.push({ path: `body.positions.${i}.code`, message: `position code ${p.code} appears twice` });
    positionCodes.add(p.code);
    if (p.unit && !unitCodes.has(p.unit)) errors.push({ path: `body.positions.${i}.unit`, message: `no unit ${p.unit} in this manifest` });
  });
  if (errors.length > 0) throw new DomainError('validation_failed', 'The manifest is not consistent.', errors);
}

/**
 * What applying the manifest involves: the directory entry it would write and the tenant's plans
 * (units, positions, competencies, standards). Reads only; `onboard` writes it, `previewOnboarding`
 * tells it. A manifest already applied as it is has no plans.
 */
async function planOnboarding(national: NationalContext, manifest: Manifest) {
  checkManifest(manifest, national.national.bindings());
  const control = national.national.control;
  const hash = await manifestHash(manifest);
  // Read fresh from the directory, never from the isolate's cache: the write compares against it.
  const [existing] = await control.select().from(tenants).where(eq(tenants.slug, manifest.slug)).limit(1);
  if (existing && existing.database !== manifest.database) {
    throw new DomainError(
      'conflict',
      `Tenant ${manifest.slug} lives in ${existing.database}; moving it to another database is not done by onboarding.`,
    );
  }
  const now = nowIso();
  const tenant: TenantEntry = {
    id: existing?.id ?? newId('ten'),
    slug: manifest.slug,
    name: manifest.name,
    kind: manifest.kind,
    regionCode: manifest.regionCode,
    timeZone: manifest.timeZone,
    jpTarget: manifest.jpTarget,
    database: manifest.database,
    manifestHash: hash,
    version: (existing?.version ?? 0) + 1,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  const ctx = asTenant(national, tenant);
  if (existing && existing.manifestHash === hash) return { unchanged: true as const, existing };
  const organisation = await planOrganisation(ctx, manifest, now);
  const dictionary = await planCompetencies(ctx, manifest, organisation.positionIds, now);
  return { unchanged: false as const, existing, tenant, ctx, organisation, dictionary };
}

/** The directory entry's fields a manifest sets (besides its slug and database). */
const directoryFields = ['name', 'kind', 'regionCode', 'timeZone', 'jpTarget'] as const;
const nothing = () => ({ created: 0, updated: 0, unchanged: 0 });

/** What onboarding the manifest would change, computed as onboarding does, without writing anything. */
export async function previewOnboarding({ ctx: national, input: manifest }: Call<NationalContext, Manifest>) {
  const plan = await planOnboarding(national, manifest);
  const preview = { slug: manifest.slug, exists: plan.existing !== undefined, changed: !plan.unchanged };
  if (plan.unchanged) {
    return { ...preview, directoryChanges: [], units: nothing(), positions: nothing(), competencies: nothing(), standards: nothing() };
  }
  const { existing, organisation, dictionary } = plan;
  return {
    ...preview,
    directoryChanges: existing ? directoryFields.filter((field) => existing[field] !== manifest[field]) : [],
    units: organisation.units,
    positions: organisation.positions,
    competencies: dictionary.competencies,
    standards: dictionary.standards,
  };
}

export async function onboard({ ctx: national, input: manifest }: Call<NationalContext, Manifest>) {
  const planned = await planOnboarding(national, manifest);
  if (planned.unchanged) {
    return {
      created: false,
      body: {
        tenant: planned.existing,
        changed: false,
        units: nothing(),
        positions: nothing(),
        competencies: nothing(),
        standards: nothing(),
      },
    };
  }
  const { existing, tenant, ctx, organisation: plan, dictionary } = planned;
  const control = national.national.control;
  const db = ctx.db;
  const directory: Statement = existing
    ? control.update(tenants).set(tenant).where(eq(tenants.id, tenant.id))
    : control.insert(tenants).values(tenant);
  const audit = auditEntry(ctx, existing ? 'tenant.update' : 'tenant.create', 'tenant', tenant.id);
  const changedNeeds = markChanged(ctx, 'needs');
  // The national trail (GET /national/audit) records the directory change beside the directory itself.
  const nationalAudit = nationalAuditEntry(control, national, existing ? 'tenant.update' : 'tenant.create', 'tenant', tenant.id);
  if (tenant.database === 'DB') {
    await db.write([...plan.statements, ...dictionary.statements, audit, changedNeeds, directory, nationalAudit]);
  } else {
    await db.write([...plan.statements, ...dictionary.statements, audit, changedNeeds]);
    await control.batch([directory, nationalAudit]);
  }
  rememberTenant(tenant);
  return {
    created: !existing,
    body: {
      tenant,
      changed: true,
      units: plan.units,
      positions: plan.positions,
      competencies: dictionary.competencies,
      standards: dictionary.standards,
    },
  };
}

export async function listTenants({
  ctx,
  input: { limit, cursor },
}: Call<NationalContext, { limit: number; cursor?: [string] | undefined }>) {
  if (ctx.actor.tenant) return { items: [ctx.actor.tenant], nextCursor: null };
  const rows = await ctx.national.control
    .select()
    .from(tenants)
    .where(after([tenants.slug], cursor))
    .orderBy(asc(tenants.slug))
    .limit(limit + 1);
  return page(rows, limit, (t) => [t.slug]);
}
