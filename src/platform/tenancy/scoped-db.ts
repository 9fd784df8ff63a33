/**
 * The tenant-scoped database handle, the only way a service reaches tenant data. It is built by
 * the tenancy middleware from the verified token and the directory, points at the tenant's own
 * D1 binding, and stamps or filters `tenant_id` on everything it helps build. The composite keys
 * `(tenant_id, id)` in the schema are the second guard: a row can never point into another tenant.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { drizzle } from 'drizzle-orm/d1';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

type TenantTable = SQLiteTable & { tenantId: SQLiteColumn };

export type Orm = ReturnType<typeof drizzle>;
export type Statement = BatchItem<'sqlite'>;

export class TenantDb {
  readonly orm: Orm;

  constructor(
    readonly tenantId: string,
    readonly d1: D1Database,
  ) {
    this.orm = drizzle(d1);
  }

  /** `tenant_id = ?` for `table`, and-ed with any further conditions. */
  owned(table: TenantTable, ...conditions: (SQL | undefined)[]): SQL {
    return and(eq(table.tenantId, this.tenantId), ...conditions) as SQL;
  }

  /** Runs writes that belong together atomically (D1 has no interactive transactions). */
  async batch(statements: Statement[]): Promise<void> {
    if (statements.length === 0) return;
    const [first, ...rest] = statements as [Statement, ...Statement[]];
    await this.orm.batch([first, ...rest]);
  }
}
