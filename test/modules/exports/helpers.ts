/** Reading a tenant export the way its recipient does: the archive unzipped, the manifest and each table's rows. */

import { env } from 'cloudflare:workers';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';
import { api } from '../../support/api';
import type { TestTenant } from '../../support/factories';
import { followJob } from '../../support/jobs';

interface Manifest {
  tenant: { id: string; slug: string; name: string };
  createdAt: string;
  schemaVersion: string | null;
  tables: { name: string; file: string; rows: number; bytes: number; sha256: string; leftOut?: Record<string, string> }[];
  leftOutTables: Record<string, string>;
}

export interface Unzipped {
  manifest: Manifest;
  /** Each table's rows, parsed. */
  rows: Record<string, Record<string, unknown>[]>;
  /** Every file's text, for searching. */
  text: string;
}

export function unzipExport(bytes: Uint8Array): Unzipped {
  const files = unzipSync(bytes);
  const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as Manifest;
  const rows: Unzipped['rows'] = {};
  let text = strFromU8(files['manifest.json'] as Uint8Array);
  for (const t of manifest.tables) {
    const file = files[t.file];
    expect(file, t.file).toBeDefined();
    expect(bytesToHex(sha256(file as Uint8Array)), `${t.file} sha256`).toBe(t.sha256);
    expect((file as Uint8Array).length).toBe(t.bytes);
    const content = strFromU8(file as Uint8Array);
    text += content;
    rows[t.name] =
      content === ''
        ? []
        : content
            .trimEnd()
            .split('\n')
            .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  expect(Object.keys(files).sort()).toEqual(['manifest.json', ...manifest.tables.map((t) => t.file)].sort());
  return { manifest, rows, text };
}

export const startExport = (t: TestTenant, token = t.adminToken) => api('POST', `/api/v1/tenants/${t.slug}/exports`, { token });

export interface ExportResult {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  schemaVersion: string | null;
  download: string;
}

/** Starts an export, follows it to its end and downloads the archive. */
export async function exportTenant(t: TestTenant) {
  const job = await followJob<ExportResult>(await startExport(t), t.adminToken);
  expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
  const result = job.result as ExportResult;
  const download = await api('GET', result.download, { token: t.adminToken });
  expect(download.status).toBe(200);
  return { job, result, download, archive: unzipExport(download.bytes) };
}

/** The rows of `table` of tenant `tenantId` in database `binding`, counted directly. */
export async function countRows(binding: 'DB' | 'DB_DEDICATED', table: string, tenantId: string): Promise<number> {
  const row = await env[binding].prepare(`select count(*) as n from "${table}" where tenant_id = ?`).bind(tenantId).first<{ n: number }>();
  return row?.n ?? 0;
}

/** Every table of the database with a `tenant_id` column, read from SQLite's own CREATE statements (not from the drizzle schema). */
export async function tenantTablesInDatabase(binding: 'DB' | 'DB_DEDICATED'): Promise<string[]> {
  const { results } = await env[binding]
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like '\\_cf\\_%' escape '\\' order by name")
    .all<{ name: string; sql: string }>();
  return results.filter((r) => /[`"\s(]tenant_id[`"\s]/.test(r.sql)).map((r) => r.name);
}
