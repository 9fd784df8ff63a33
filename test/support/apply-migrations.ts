/**
 * Storage is isolated per test file: every file runs in its own Miniflare instance, whose D1
 * databases start empty, so every file migrates them here before its tests.
 *
 * This builds exactly what `applyD1Migrations` from `cloudflare:test` builds (the same schema and
 * seed rows, the same `d1_migrations` table and rows), but cheaply: one D1 batch (one request,
 * one transaction) per database, both databases at once, instead of two queries and one batch per
 * migration, one database after the other. The queries come from `readD1Migrations` (see
 * vitest.config.ts), which splits the files correctly, triggers (`BEGIN … END;`) included.
 *
 * It also leaves `cloudflare:test` alone: importing it loads the whole Worker (src/index.ts), which
 * files that call the Worker load anyway and the others do not need.
 */
import { env } from 'cloudflare:workers';

/** The table and the insert `applyD1Migrations` uses (its default table name, as wrangler's). */
const migrationsTable = `CREATE TABLE IF NOT EXISTS d1_migrations (
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
	);`;
const recordMigration = 'INSERT INTO d1_migrations (name) VALUES (?);';

async function migrate(db: D1Database): Promise<void> {
  const record = db.prepare(recordMigration);
  const statements = [db.prepare(migrationsTable)];
  for (const migration of env.TEST_MIGRATIONS) {
    for (const query of migration.queries) statements.push(db.prepare(query));
    statements.push(record.bind(migration.name));
  }
  await db.batch(statements);
}

if (env.TEST_MIGRATIONS.length === 0) throw new Error('No D1 migrations were found in migrations/');
await Promise.all([migrate(env.DB), migrate(env.DB_DEDICATED)]);
