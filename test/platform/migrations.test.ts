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

  it('retire the programs that were archived by hand, dated by their last change', async () => {
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.includes('_retire'));
    const update = migration?.queries.find((q) => q.includes("'archived'"));
    if (!update) throw new Error('the retire migration lost its update of archived programs');
    const insert = env.DB.prepare(
      `insert into programs (tenant_id, id, code, title, description, method, jp_centi, cost_per_participant, has_tests, status, version, created_at, updated_at)
       values ('ten_old', ?, ?, 'Program Lama', 'Uraian', 'kursus', 600, 0, 0, ?, 3, '2025-01-01T00:00:00.000Z', ?)`,
    );
    await env.DB.batch([
      insert.bind('prg_archived', 'LAMA', 'archived', '2025-06-30T08:00:00.000Z'),
      insert.bind('prg_active', 'AKTIF', 'active', '2025-07-01T08:00:00.000Z'),
    ]);
    await env.DB.prepare(update).run();
    const { results } = await env.DB.prepare("select id, status, retired_at from programs where tenant_id = 'ten_old' order by id").all();
    expect(results).toEqual([
      { id: 'prg_active', status: 'active', retired_at: null },
      { id: 'prg_archived', status: 'retired', retired_at: '2025-06-30T08:00:00.000Z' },
    ]);
  });
});
