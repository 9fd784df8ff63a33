/**
 * Change counters and computed-report snapshots. `data_versions` holds one counter per tenant and
 * topic, raised in the same batch as every write that can change what the topic's reports show;
 * a snapshot is served only while it carries the current counter, so it is never stale, only
 * sometimes recomputed.
 */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const dataTopics = ['needs'] as const;

export const dataVersions = sqliteTable(
  'data_versions',
  {
    tenantId: text('tenant_id').notNull(),
    topic: text('topic', { enum: dataTopics }).notNull(),
    version: integer('version').notNull(),
    changedAt: text('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.topic] })],
);

export const reportSnapshots = sqliteTable(
  'report_snapshots',
  {
    tenantId: text('tenant_id').notNull(),
    topic: text('topic', { enum: dataTopics }).notNull(),
    /** The report's parameters, normalised: one snapshot per distinct question. */
    queryKey: text('query_key').notNull(),
    version: integer('version').notNull(),
    computedAt: text('computed_at').notNull(),
    body: text('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.topic, t.queryKey] })],
);
