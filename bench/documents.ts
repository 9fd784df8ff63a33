/**
 * The cost of the documents the Worker makes itself (docs/xlsx.md, docs/certificates.md): CPU time
 * to write and read an xlsx of 1,000 and 10,000 rows and to render a certificate PDF, measured in
 * Node (the same V8 as workerd), the minimum and median of several runs after a warm-up, and the minified and
 * gzipped size each adds to the Worker bundle (esbuild). `npx tsx bench/documents.ts`.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { readXlsx, writeXlsx } from '../src/platform/xlsx';
import { certificatePdfForBench } from './lib/certificate-sample';

/** `min / median` ms of `runs` runs after a warm-up: on a shared machine the minimum is the better estimate of CPU time. */
async function timed(runs: number, work: () => unknown): Promise<string> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return `${(times[0] as number).toFixed(1)} / ${(times[Math.floor(runs / 2)] as number).toFixed(1)} ms`;
}

const rows = (n: number) => [
  ['nip', 'nama pelatihan', 'metode', 'penyelenggara', 'mulai', 'selesai', 'jp', 'nomor sertifikat'],
  ...Array.from({ length: n }, (_, i) => [
    `1985033020031210${String(i % 100).padStart(2, '0')}`,
    `Pelatihan Teknis Pelayanan Publik Angkatan ${i % 40}`,
    'pelatihan_teknis',
    'BPSDM Provinsi Lampung',
    { date: '2024-02-05' },
    { date: '2024-02-16' },
    24 + (i % 7) / 2,
    `800/${i}/BPSDM/2024`,
  ]),
];

async function bundleBytes(entry: string): Promise<{ minified: number; gzip: number }> {
  const out = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    platform: 'browser',
  });
  const code = out.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzip: gzipSync(code).length };
}

for (const n of [1_000, 10_000]) {
  const data = rows(n);
  const bytes = writeXlsx([{ name: 'Riwayat', rows: data }]);
  const write = await timed(21, () => writeXlsx([{ name: 'Riwayat', rows: data }]));
  const read = await timed(21, () => readXlsx(bytes));
  console.log(`xlsx ${n} rows × 8 columns: ${(bytes.length / 1024).toFixed(0)} KB file, write ${write}, read ${read} (min / median)`);
}
console.log(`certificate PDF: ${await timed(31, certificatePdfForBench)} (min / median)`);
const kb = (b: { minified: number; gzip: number }) =>
  `${(b.minified / 1024).toFixed(1)} KB minified, ${(b.gzip / 1024).toFixed(1)} KB gzip`;
console.log(`bundle, xlsx (src/platform/xlsx + fflate's zip and unzip): ${kb(await bundleBytes("export * from './src/platform/xlsx';"))}`);
console.log(
  `bundle, pdf-lib + qrcode-generator: ${kb(await bundleBytes("export * from 'pdf-lib'; export { default } from 'qrcode-generator';"))}`,
);
