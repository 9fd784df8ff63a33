/**
 * The export's files, written with little memory whatever the tenant's size. A table is read in
 * pages of `pageRows` rows (keyset on its primary key, so each page is one index range), each page
 * written as JSON lines into a streaming deflate; only the compressed file is held until it is
 * stored in R2, next to the archive-to-be, with its row count, SHA-256, CRC-32 and size. The
 * archive is then assembled from those stored files without inflating them again: each goes into
 * the zip as an entry whose deflate data is already known (fflate's `ZipInputFile` contract), and
 * the zip streams out to R2 as a multipart upload in parts of `partBytes`.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Deflate, strToU8, Zip, ZipDeflate, type ZipInputFile } from 'fflate';
import { after } from '../../platform/http/pagination';
import type { TenantDb } from '../../platform/tenancy/scoped-db';
import type { ExportTable } from './tables';

const pageRows = 1_000;
/** Every part but the last has this size (R2 asks at least 5 MiB of each; equal sizes satisfy every S3-like rule). */
const partBytes = 5 * 1024 * 1024;

const crcTable = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 (the zip format's), continued from `crc` over `bytes`. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

export interface TableFile {
  table: string;
  /** The R2 key of the file's deflate data. */
  key: string;
  rows: number;
  /** The JSON lines file's size, SHA-256 (hex) and CRC-32, as it is inside the archive. */
  bytes: number;
  sha256: string;
  crc: number;
}

/** Reads every row of `t` of the handle's tenant, page by page, into a deflated JSON lines file stored at `key`. */
export async function writeTableFile(
  db: TenantDb,
  bucket: R2Bucket,
  t: ExportTable,
  key: string,
  onPage: (rows: number) => Promise<void>,
  rowsPerPage = pageRows,
): Promise<TableFile> {
  const hash = sha256.create();
  const compressed: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => compressed.push(chunk));
  const encoder = new TextEncoder();
  let rows = 0;
  let bytes = 0;
  let crc = 0;
  let last: (string | number)[] | undefined;
  for (;;) {
    const page: Record<string, unknown>[] = await db
      .select(t.columns)
      .from(t.table)
      .where(after(t.key, last))
      .orderBy(...t.key)
      .limit(rowsPerPage);
    if (page.length > 0) {
      const data = encoder.encode(`${page.map((row) => JSON.stringify(row)).join('\n')}\n`);
      hash.update(data);
      crc = crc32(data, crc);
      bytes += data.length;
      rows += page.length;
      deflate.push(data);
      await onPage(rows);
    }
    const end = page[page.length - 1];
    if (page.length < rowsPerPage || t.key.length === 0 || !end) break;
    last = t.key.map((c) => end[c.name] as string | number);
  }
  deflate.push(new Uint8Array(0), true);
  await bucket.put(key, new Blob(compressed));
  return { table: t.name, key, rows, bytes, sha256: bytesToHex(hash.digest()), crc };
}

/** `manifest.json` first, then each table's file as `tables/<name>.jsonl`, into one zip at `key`; its size in bytes. */
export async function writeArchive(bucket: R2Bucket, key: string, manifest: string, files: readonly TableFile[]): Promise<number> {
  const upload = await bucket.createMultipartUpload(key, { httpMetadata: { contentType: 'application/zip' } });
  const parts: R2UploadedPart[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let total = 0;
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else {
      pending.push(chunk);
      pendingBytes += chunk.length;
      total += chunk.length;
    }
  });
  const send = async (last: boolean) => {
    if (failure) throw failure;
    while (pendingBytes >= partBytes || (last && pendingBytes > 0)) {
      const joined = new Uint8Array(pendingBytes);
      let at = 0;
      for (const c of pending) {
        joined.set(c, at);
        at += c.length;
      }
      const size = Math.min(partBytes, joined.length);
      parts.push(await upload.uploadPart(parts.length + 1, joined.subarray(0, size)));
      pending = size < joined.length ? [joined.subarray(size)] : [];
      pendingBytes = joined.length - size;
    }
  };
  try {
    const head = new ZipDeflate('manifest.json', { level: 6 });
    zip.add(head);
    head.push(strToU8(manifest), true);
    for (const file of files) {
      const entry: ZipInputFile = { filename: `tables/${file.table}.jsonl`, size: file.bytes, crc: file.crc, compression: 8 };
      zip.add(entry);
      const object = await bucket.get(file.key);
      if (!object) throw new Error(`export file ${file.key} is missing`);
      const reader = object.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        entry.ondata?.(null, value, false);
        await send(false);
      }
      entry.ondata?.(null, new Uint8Array(0), true);
      await send(false);
    }
    zip.end();
    await send(true);
    await upload.complete(parts);
    return total;
  } catch (err) {
    await upload.abort().catch(() => undefined);
    throw err;
  }
}
