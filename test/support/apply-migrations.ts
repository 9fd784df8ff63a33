import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

// Storage is isolated per test file: every file starts with freshly migrated databases.
if (env.TEST_MIGRATIONS.length === 0) throw new Error('No D1 migrations were found in migrations/');
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await applyD1Migrations(env.DB_DEDICATED, env.TEST_MIGRATIONS);
