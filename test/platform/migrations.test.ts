import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('migrations', () => {
  it('were found and applied to every database', async () => {
    expect(env.TEST_MIGRATIONS.length).toBeGreaterThan(0);
    for (const db of [env.DB, env.DB_DEDICATED]) {
      const { results } = await db.prepare("select name from sqlite_master where type = 'table'").all<{ name: string }>();
      const tables = results.map((r) => r.name);
      for (const table of ['tenants', 'units', 'positions', 'audit_log', 'idempotency_keys']) expect(tables).toContain(table);
    }
  });

  it('keep foreign keys on: a row cannot point into another tenant', async () => {
    const now = new Date().toISOString();
    await env.DB.prepare('insert into units (tenant_id, id, code, name, kind, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)')
      .bind('ten_a', 'unt_parent', 'P', 'Induk', 'dinas', now, now)
      .run();
    const child = env.DB.prepare(
      'insert into units (tenant_id, id, code, name, kind, parent_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    )
      .bind('ten_b', 'unt_child', 'C', 'Anak', 'bidang', 'unt_parent', now, now)
      .run();
    await expect(child).rejects.toThrow(/FOREIGN KEY/);
  });

  it('make a failing batch leave nothing behind', async () => {
    const now = new Date().toISOString();
    const insert = (id: string, code: string) =>
      env.DB.prepare('insert into units (tenant_id, id, code, name, kind, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)').bind(
        'ten_atomic',
        id,
        code,
        'Unit',
        'dinas',
        now,
        now,
      );
    await expect(env.DB.batch([insert('unt_1', 'A'), insert('unt_2', 'B'), insert('unt_3', 'A')])).rejects.toThrow(/UNIQUE/);
    const left = await env.DB.prepare("select count(*) as n from units where tenant_id = 'ten_atomic'").first<{ n: number }>();
    expect(left?.n).toBe(0);
  });
});
