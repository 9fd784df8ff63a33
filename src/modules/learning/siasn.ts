/**
 * The SIASN export (BKN's Sistem Informasi ASN, riwayat kursus/diklat): approved reports not yet
 * marked as sent, in SIASN's field names, as JSON or CSV, and marking them sent once the region
 * has uploaded them by hand. The sync (siasn-sync.ts) sends the same records itself.
 *
 * - `jenisDiklatId` comes from the method by the table below; a method without a SIASN jenis
 *   diklat is not guessed: its records go to `unmapped`, with the reason.
 * - `jumlahJam` is the JP credited at approval, rounded to the nearest whole JP, halves up
 *   (7.5 → 8, 7.49 → 7); a record that rounds to 0 goes to `unmapped` (SIASN wants hours).
 * - Dates are `dd-mm-yyyy`; `tahunKursus` is the year the training ended.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { auditLog, employees, learningReports } from '../../db/schema';
import { auditRow } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';
import { writeCsv } from '../../platform/csv';
import { nowIso } from '../../platform/ids';
import type { ProgramMethod } from '../jp';

/**
 * SIASN's jenis diklat per method, for riwayat kursus. PROVISIONAL: checked against no live
 * reference; compare with the SIASN reference list of the deployment (docs/learning.md) before
 * the first upload. Methods not listed have no jenis diklat and are reported, not exported.
 */
const siasnJenisDiklat: Partial<Record<ProgramMethod, string>> = {
  pelatihan_kepemimpinan: '1',
  pelatihan_fungsional: '2',
  pelatihan_teknis: '3',
  workshop: '4',
  seminar: '5',
  kursus: '6',
  penataran: '7',
  bimbingan_teknis: '9',
  sosialisasi: '10',
};

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
/** Hundredths of JP to whole hours, halves up. */
const jumlahJam = (centi: number) => Math.floor((centi + 50) / 100);

/** Ids bound as one JSON list: D1 binds at most 100 parameters a statement. */
const among = (list: readonly string[]) => sql`${learningReports.id} in (select value from json_each(${JSON.stringify(list)}))`;

/** The records to send, all of them or only those among `ids` (the sync's chunks). */
export async function siasnRiwayat({ ctx, input }: Call<TenantContext, { ids?: readonly string[] } | undefined>) {
  const rows = await ctx.db
    .select({
      id: learningReports.id,
      nip: sql<string>`${employees.nip}`.as('employee_nip'),
      nama: sql<string>`${employees.name}`.as('employee_name'),
      pnsOrangId: employees.siasnId,
      namaKursus: learningReports.title,
      method: learningReports.method,
      jpCenti: learningReports.jpCenti,
      startDate: learningReports.startDate,
      endDate: learningReports.endDate,
      organiser: learningReports.organiser,
      certificateNumber: learningReports.certificateNumber,
    })
    .from(learningReports)
    .innerJoin(employees, and(eq(employees.tenantId, learningReports.tenantId), eq(employees.id, learningReports.employeeId)))
    .where(and(eq(learningReports.status, 'disetujui'), isNull(learningReports.siasnSentAt), input?.ids ? among(input.ids) : undefined))
    .orderBy(asc(learningReports.id));
  const items = [];
  const unmapped = [];
  for (const r of rows) {
    const jenis = siasnJenisDiklat[r.method];
    const hours = jumlahJam(r.jpCenti ?? 0);
    if (!jenis || hours === 0) {
      const reason = !jenis ? `metode ${r.method} tidak punya jenis diklat SIASN` : 'JP yang diakui dibulatkan menjadi 0 jam';
      unmapped.push({ id: r.id, nip: r.nip, namaKursus: r.namaKursus, method: r.method, reason });
      continue;
    }
    items.push({
      id: r.id,
      nip: r.nip,
      nama: r.nama,
      pnsOrangId: r.pnsOrangId,
      namaKursus: r.namaKursus,
      jenisDiklatId: jenis,
      jumlahJam: hours,
      tanggalKursus: ddmmyyyy(r.startDate),
      tanggalSelesaiKursus: ddmmyyyy(r.endDate),
      tahunKursus: Number(r.endDate.slice(0, 4)),
      institusiPenyelenggara: r.organiser,
      nomorSertipikat: r.certificateNumber,
    });
  }
  return { items, unmapped };
}

const csvColumns = [
  'id',
  'nip',
  'nama',
  'pnsOrangId',
  'namaKursus',
  'jenisDiklatId',
  'jumlahJam',
  'tanggalKursus',
  'tanggalSelesaiKursus',
  'tahunKursus',
  'institusiPenyelenggara',
  'nomorSertipikat',
] as const;

export async function siasnRiwayatCsv(call: Call<TenantContext>) {
  const { items } = await siasnRiwayat(call);
  return writeCsv(
    csvColumns,
    items.map((i) => csvColumns.map((c) => i[c])),
  );
}

/** Marks approved, unsent reports among `ids` as sent; the rest are skipped. One batch with an audit row each. */
export async function markSent({ ctx, input }: Call<TenantContext, { ids: string[] }>) {
  const ids = [...new Set(input.ids)];
  const open = and(among(ids), eq(learningReports.status, 'disetujui'), isNull(learningReports.siasnSentAt));
  const due = (await ctx.db.select({ id: learningReports.id }).from(learningReports).where(open)).map((r) => r.id);
  if (due.length > 0) {
    const now = nowIso();
    await ctx.db.batch([
      ctx.db
        .update(learningReports)
        .set({ siasnSentAt: now, siasnAttemptAt: null, updatedAt: now })
        .where(and(open, among(due))),
      ctx.db.guard(sql`changes() = ${due.length}`, 'conflict', 'Some of these reports were marked meanwhile; read the export again.'),
      ctx.db.insertRows(
        auditLog,
        due.map((id) => auditRow(ctx, 'learning_report.siasn_sent', 'learning_report', id, now)),
      ),
    ]);
  }
  return { marked: due, skipped: ids.filter((id) => !due.includes(id)) };
}
