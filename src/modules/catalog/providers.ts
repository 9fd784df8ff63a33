/**
 * A tenant's providers (penyelenggara): universities, LAN/BPSDM, private trainers, its own units.
 * Programs of the tenant name one of them. Never lists or refers to another tenant's providers.
 */
import { asc, eq } from 'drizzle-orm';
import { providers } from '../../db/schema';
import { auditEntry } from '../../platform/audit/audit';
import type { ServiceContext } from '../../platform/context';
import { withConstraints } from '../../platform/db/constraints';
import { after, page } from '../../platform/http/pagination';
import { DomainError, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { applyVersioned, atVersion, bumpVersion } from '../../platform/versioned';
import type { NewProvider } from './schemas';

type Row = typeof providers.$inferSelect;

export const publicProvider = ({ tenantId: _t, ...p }: Row) => p;
const taken = () => new DomainError('conflict', 'Another provider of this tenant already has this name.');

export async function listProviders(ctx: ServiceContext, q: { limit: number; cursor?: [string, string]; kind?: Row['kind'] }) {
  const rows = await ctx.db.orm
    .select()
    .from(providers)
    .where(ctx.db.owned(providers, q.kind ? eq(providers.kind, q.kind) : undefined, after([providers.name, providers.id], q.cursor)))
    .orderBy(asc(providers.name), asc(providers.id))
    .limit(q.limit + 1);
  return page(rows.map(publicProvider), q.limit, (p) => [p.name, p.id]);
}

export async function getProvider(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.orm.select().from(providers).where(ctx.db.owned(providers, eq(providers.id, id))).limit(1);
  if (!row) throw notFound('provider');
  return publicProvider(row);
}

export async function createProvider(ctx: ServiceContext, input: NewProvider) {
  const now = nowIso();
  const row: Row = { tenantId: ctx.tenant.id, id: newId('prv'), name: input.name, kind: input.kind, contact: input.contact ?? null, version: 1, createdAt: now, updatedAt: now };
  await withConstraints(() => ctx.db.batch([ctx.db.orm.insert(providers).values(row), auditEntry(ctx, 'provider.create', 'provider', row.id)]), { unique: taken });
  return publicProvider(row);
}

export async function updateProvider(ctx: ServiceContext, id: string, expectedVersion: number, changes: Partial<NewProvider>) {
  const w = { table: providers, entity: 'provider', id, expectedVersion };
  const write = ctx.db.update(providers).set({ ...changes, ...bumpVersion(providers) }).where(atVersion(w)).returning();
  const row = await withConstraints(() => applyVersioned<Row>(ctx, w, write, 'provider.update'), { unique: taken });
  return publicProvider(row);
}
