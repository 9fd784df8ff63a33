/**
 * A tenant's providers (penyelenggara): universities, LAN/BPSDM, private trainers, its own units.
 * Programs of the tenant name one of them. Never lists or refers to another tenant's providers.
 */
import { and, asc, eq } from 'drizzle-orm';
import { providers } from '../../../db/schema';
import { auditEntry } from '../../../platform/audit/audit';
import type { Call, TenantContext } from '../../../platform/context';
import { withConstraints } from '../../../platform/db/constraints';
import { DomainError, notFound } from '../../../platform/errors';
import { after, page } from '../../../platform/http/pagination';
import { newId, nowIso } from '../../../platform/ids';
import { applyVersioned, atVersion, bumpVersion } from '../../../platform/versioned';
import type { NewProvider } from '../schemas';

type Row = typeof providers.$inferSelect;

const publicProvider = ({ tenantId: _t, ...p }: Row) => p;
const taken = () => new DomainError('conflict', 'Another provider of this tenant already has this name.');

export async function listProviders({
  ctx,
  input: q,
}: Call<TenantContext, { limit: number; cursor?: [string, string]; kind?: Row['kind'] }>) {
  const rows = await ctx.db
    .select()
    .from(providers)
    .where(and(q.kind ? eq(providers.kind, q.kind) : undefined, after([providers.name, providers.id], q.cursor)))
    .orderBy(asc(providers.name), asc(providers.id))
    .limit(q.limit + 1);
  return page(rows.map(publicProvider), q.limit, (p) => [p.name, p.id]);
}

export async function getProvider({ ctx, input: id }: Call<TenantContext, string>) {
  const [row] = await ctx.db.select().from(providers).where(eq(providers.id, id)).limit(1);
  if (!row) throw notFound('provider');
  return publicProvider(row);
}

export async function createProvider({ ctx, input }: Call<TenantContext, NewProvider>) {
  const now = nowIso();
  const row: Row = {
    tenantId: ctx.tenant.id,
    id: newId('prv'),
    name: input.name,
    kind: input.kind,
    contact: input.contact ?? null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const { tenantId: _t, ...unstamped } = row;
  await withConstraints(
    () => ctx.db.batch([ctx.db.insert(providers).values(unstamped), auditEntry(ctx, 'provider.create', 'provider', row.id)]),
    { unique: taken },
  );
  return publicProvider(row);
}

export async function updateProvider({
  ctx,
  input: { id, expectedVersion, changes },
}: Call<TenantContext, { id: string; expectedVersion: number; changes: Partial<NewProvider> }>) {
  const w = { table: providers, entity: 'provider', id, expectedVersion };
  const write = ctx.db
    .update(providers)
    .set({ ...changes, ...bumpVersion(providers) })
    .where(atVersion(w))
    .returning();
  const row = await withConstraints(() => applyVersioned<Row>(ctx, w, write, 'provider.update'), { unique: taken });
  return publicProvider(row);
}
