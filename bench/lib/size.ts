/**
 * The size of the local D1 databases, as D1 reports it (`meta.size_after` = pages × page size), read
 * from the files `wrangler dev` keeps under `<persist-to>/v3/d1/`, for the capacity plan in
 * ARCHITECTURE.md: bytes per employee against D1's 10 GB per database.
 *
 * The local databases are SQLite in WAL mode, and recent commits may still sit in the `-wal` file,
 * so the main file's length lags behind. The size is therefore taken from the last commit frame of
 * the WAL whose salts and checksums are valid (its header holds the database size in pages after
 * that commit), and from the main file's header when the WAL holds no commit. Read-only, between
 * steps, while nothing writes; no SQLite library needed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface DatabaseSize {
  file: string;
  bytes: number;
}

/** Every local D1 database under `persistTo` (the control/shared `DB` and the dedicated ones). */
export async function databaseSizes(persistTo: string): Promise<DatabaseSize[]> {
  const dir = join(persistTo, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite');
  return Promise.all(files.map(async (file) => ({ file, bytes: await sqliteSize(join(dir, file)) })));
}

export const totalBytes = (sizes: DatabaseSize[]) => sizes.reduce((sum, s) => sum + s.bytes, 0);

/** Pages × page size of one SQLite database, counting commits still in its WAL. */
async function sqliteSize(path: string): Promise<number> {
  const main = await readFile(path);
  const rawPageSize = main.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  // The header's page count is valid when "version-valid-for" equals the change counter.
  const headerPages = main.readUInt32BE(92) === main.readUInt32BE(24) ? main.readUInt32BE(28) : Math.ceil(main.length / pageSize);
  const walPages = await lastCommittedPages(`${path}-wal`);
  return (walPages ?? headerPages) * pageSize;
}

/** The database size in pages after the WAL's last valid commit, or undefined without one. */
async function lastCommittedPages(walPath: string): Promise<number | undefined> {
  let wal: Buffer;
  try {
    wal = await readFile(walPath);
  } catch {
    return undefined;
  }
  if (wal.length < 32) return undefined;
  const magic = wal.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return undefined;
  const bigEndian = magic === 0x377f0683;
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let [s1, s2] = walChecksum(wal, 0, 24, bigEndian, 0, 0);
  if (s1 !== wal.readUInt32BE(24) || s2 !== wal.readUInt32BE(28)) return undefined;
  let pages: number | undefined;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    [s1, s2] = walChecksum(wal, at, 8, bigEndian, s1, s2);
    [s1, s2] = walChecksum(wal, at + 24, pageSize, bigEndian, s1, s2);
    if (s1 !== wal.readUInt32BE(at + 16) || s2 !== wal.readUInt32BE(at + 20)) break;
    const committed = wal.readUInt32BE(at + 4);
    if (committed !== 0) pages = committed;
  }
  return pages;
}

/** SQLite's WAL checksum (https://www.sqlite.org/fileformat.html#checksum_algorithm). */
function walChecksum(buf: Buffer, start: number, length: number, bigEndian: boolean, s1: number, s2: number): [number, number] {
  let a = s1;
  let b = s2;
  for (let i = start; i < start + length; i += 8) {
    const x = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const y = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    a = (a + x + b) >>> 0;
    b = (b + y + a) >>> 0;
  }
  return [a, b];
}
