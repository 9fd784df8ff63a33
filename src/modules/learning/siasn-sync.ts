/**
 * The SIASN sync, as a job (`siasn.sync`, one at a time per tenant): the records of the export
 * (siasn.ts, the same mapping) are posted to SIASN one by one, the certificate PDF is uploaded
 * onto each new riwayat, and the riwayat id SIASN returns is stored on the report together with
 * `siasnSentAt`, so the export and any later sync leave it out.
 *
 * 1. `plan`: the attempt markers of the reports the admin has checked (`recheck`) are cleared;
 *    then every exportable record is sorted: to send, or skipped with the reason (no SIASN person
 *    id — never guessed —, a method without jenis diklat or no JP, a previous attempt whose
 *    outcome is unknown).
 * 2. `send <n>`, per chunk of `chunkSize`: for each record, the attempt marker is written first
 *    (conditional: only on a report with no riwayat id, no marker, not sent), then the record is
 *    posted; SIASN's id, `siasnSentAt` and the audit row are written in one batch, which also
 *    clears the marker. If SIASN refused the record, the marker is cleared (nothing was created;
 *    the next sync tries again). If the answer was lost (or the step stopped between the post and
 *    the write), the marker stays: the record is reported failed as uncertain and is not posted
 *    again — by this job's retried step or by a later sync — until the admin has looked it up in
 *    SIASN and either marked it sent (`mark-sent`) or asked for it again (`recheck`). A record is
 *    therefore never posted twice without a person deciding it.
 * 3. The document: only a PDF evidence is uploaded (`upload-dok-rw`, reference 874); a JPEG or PNG
 *    scan is not converted and is reported `not_pdf`, a report without evidence `none`. A failed
 *    upload leaves the riwayat sent and is reported; the document's own timestamp says whether it
 *    went (`siasnDocumentAt`).
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { auditLog, learningReports } from '../../db/schema';
import { auditIfChanged, auditRow } from '../../platform/audit/audit';
import type { Call, TenantContext } from '../../platform/context';
import { DomainError } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { startTenantJob, type TenantJobKind } from '../jobs';
import { siasnRiwayat } from './siasn';
import { type SaveOutcome, SiasnClient, SiasnUnavailable, siasnConfig } from './siasn-client';
import { type SiasnKursusSave, siasnKursusSave } from './siasn-shapes';

const syncKind = 'siasn.sync';
/** Records per step: each is up to three calls to SIASN, so a step stays well within its time. */
const chunkSize = 10;

export interface SiasnSyncInput {
  /** Reports whose uncertain attempt the admin has checked in SIASN and found absent: posted again. */
  recheck: string[];
}

type DocumentOutcome = 'uploaded' | 'not_pdf' | 'none' | 'failed';

interface Named {
  id: string;
  nip: string;
  namaKursus: string;
}
interface Sent extends Named {
  riwayatId: string;
  document: DocumentOutcome;
  documentReason?: string;
}
interface NotSent extends Named {
  reason: string;
}
interface Failed extends NotSent {
  /** True when SIASN may have created the riwayat: check it there before `recheck` or `mark-sent`. */
  uncertain: boolean;
}
type Outcome = ({ status: 'sent' } & Sent) | ({ status: 'skipped' } & NotSent) | ({ status: 'failed' } & Failed);

interface SiasnSyncResult {
  counts: { sent: number; skipped: number; failed: number };
  sent: Sent[];
  skipped: NotSent[];
  failed: Failed[];
}

const withoutStatus = <T extends { status: string }>({ status: _, ...rest }: T): Omit<T, 'status'> => rest;

const among = (ids: readonly string[]) => sql`${learningReports.id} in (select value from json_each(${JSON.stringify(ids)}))`;

const uncertainReason = (why: string) =>
  `hasil pengiriman sebelumnya tidak diketahui (${why}); periksa di SIASN, lalu tandai terkirim (mark-sent) atau kirim ulang (recheck)`;

async function plan(ctx: TenantContext, recheck: readonly string[]) {
  if (recheck.length > 0) {
    const open = and(among(recheck), isNotNull(learningReports.siasnAttemptAt), isNull(learningReports.siasnRiwayatId));
    const due = (await ctx.db.select({ id: learningReports.id }).from(learningReports).where(open)).map((r) => r.id);
    if (due.length > 0) {
      const now = nowIso();
      await ctx.db.write([
        ctx.db
          .update(learningReports)
          .set({ siasnAttemptAt: null, updatedAt: now })
          .where(and(open, among(due))),
        ctx.db.insertRows(
          auditLog,
          due.map((id) => auditRow(ctx, 'learning_report.siasn_recheck', 'learning_report', id, now)),
        ),
      ]);
    }
  }
  const { items, unmapped } = await siasnRiwayat({ ctx, input: undefined });
  const attempted = new Set(
    (
      await ctx.db
        .select({ id: learningReports.id })
        .from(learningReports)
        .where(and(eq(learningReports.status, 'disetujui'), isNull(learningReports.siasnSentAt), isNotNull(learningReports.siasnAttemptAt)))
    ).map((r) => r.id),
  );
  const toSend: string[] = [];
  const skipped: NotSent[] = unmapped.map((u) => ({ id: u.id, nip: u.nip, namaKursus: u.namaKursus, reason: u.reason }));
  const failed: Failed[] = [];
  for (const item of items) {
    const named = { id: item.id, nip: item.nip, namaKursus: item.namaKursus };
    if (attempted.has(item.id)) failed.push({ ...named, reason: uncertainReason('percobaan sebelumnya'), uncertain: true });
    else if (!item.pnsOrangId) skipped.push({ ...named, reason: 'pnsOrangId (id SIASN pegawai) belum diketahui' });
    else toSend.push(item.id);
  }
  return { toSend, skipped, failed };
}

async function sendChunk(ctx: TenantContext, ids: readonly string[], client: SiasnClient, instansiId: string): Promise<Outcome[]> {
  const { items } = await siasnRiwayat({ ctx, input: { ids } });
  const byId = new Map(items.map((i) => [i.id, i]));
  const states = new Map(
    (
      await ctx.db
        .select({
          id: learningReports.id,
          riwayatId: learningReports.siasnRiwayatId,
          attemptAt: learningReports.siasnAttemptAt,
          documentAt: learningReports.siasnDocumentAt,
          sentAt: learningReports.siasnSentAt,
          evidenceKey: learningReports.evidenceKey,
          evidenceType: learningReports.evidenceType,
          title: learningReports.title,
        })
        .from(learningReports)
        .where(among(ids))
    ).map((r) => [r.id, r]),
  );
  const outcomes: Outcome[] = [];
  for (const id of ids) {
    const state = states.get(id);
    const item = byId.get(id);
    const named = { id, nip: item?.nip ?? '', namaKursus: item?.namaKursus ?? state?.title ?? '' };
    if (!state) {
      outcomes.push({ status: 'skipped', ...named, reason: 'laporan tidak ditemukan' });
      continue;
    }
    // Sent by an earlier run of this very step (it stopped after the write): only the document may be left.
    if (state.riwayatId) {
      outcomes.push({ status: 'sent', ...named, riwayatId: state.riwayatId, ...(await documentOf(ctx, client, state, state.riwayatId)) });
      continue;
    }
    if (!item || state.sentAt) {
      outcomes.push({ status: 'skipped', ...named, reason: 'sudah ditandai terkirim atau tidak lagi disetujui' });
      continue;
    }
    if (state.attemptAt) {
      outcomes.push({ status: 'failed', ...named, reason: uncertainReason('langkah terhenti setelah mengirim'), uncertain: true });
      continue;
    }
    const body = siasnKursusSave.safeParse({
      instansiId,
      institusiPenyelenggara: item.institusiPenyelenggara,
      jenisDiklatId: item.jenisDiklatId,
      jenisKursus: '',
      jenisKursusSertipikat: '',
      jumlahJam: item.jumlahJam,
      lokasiId: '',
      namaKursus: item.namaKursus,
      nomorSertipikat: item.nomorSertipikat ?? '',
      pnsOrangId: item.pnsOrangId ?? '',
      tahunKursus: item.tahunKursus,
      tanggalKursus: item.tanggalKursus,
      tanggalSelesaiKursus: item.tanggalSelesaiKursus,
    } satisfies SiasnKursusSave);
    if (!body.success) {
      const fields = body.error.issues.map((i) => i.path.join('.')).join(', ');
      outcomes.push({ status: 'failed', ...named, reason: `tidak dikirim: isian tidak sesuai format SIASN (${fields})`, uncertain: false });
      continue;
    }
    let outcome: SaveOutcome;
    try {
      await client.tokens();
      await markAttempt(ctx, id);
      outcome = await client.saveKursus(body.data);
    } catch (err) {
      if (err instanceof SiasnUnavailable) {
        outcomes.push({ status: 'failed', ...named, reason: err.message, uncertain: false });
        continue;
      }
      if (err instanceof DomainError && err.code === 'conflict') {
        outcomes.push({ status: 'skipped', ...named, reason: 'laporan berubah selama pengiriman' });
        continue;
      }
      throw err;
    }
    if (outcome.kind === 'uncertain') {
      outcomes.push({ status: 'failed', ...named, reason: uncertainReason(outcome.reason), uncertain: true });
      continue;
    }
    if (outcome.kind === 'refused') {
      await ctx.db
        .update(learningReports)
        .set({ siasnAttemptAt: null })
        .where(and(eq(learningReports.id, id), isNull(learningReports.siasnRiwayatId)));
      outcomes.push({ status: 'failed', ...named, reason: outcome.reason, uncertain: false });
      continue;
    }
    await recordSent(ctx, id, outcome.riwayatId);
    outcomes.push({ status: 'sent', ...named, riwayatId: outcome.riwayatId, ...(await documentOf(ctx, client, state, outcome.riwayatId)) });
  }
  return outcomes;
}

/** The marker before the post: only on a report with no riwayat id, no marker, not sent (else 409, the report changed). */
async function markAttempt(ctx: TenantContext, id: string) {
  const now = nowIso();
  await ctx.db.batch([
    ctx.db
      .update(learningReports)
      .set({ siasnAttemptAt: now })
      .where(
        and(
          eq(learningReports.id, id),
          eq(learningReports.status, 'disetujui'),
          isNull(learningReports.siasnRiwayatId),
          isNull(learningReports.siasnAttemptAt),
          isNull(learningReports.siasnSentAt),
        ),
      ),
    ctx.db.guard(sql`changes() = 1`, 'conflict', 'The report changed while it was being sent.'),
  ]);
}

/** SIASN's id and `siasnSentAt` in one write with its audit row (only if it landed); the marker goes with it. */
async function recordSent(ctx: TenantContext, id: string, riwayatId: string) {
  const now = nowIso();
  await ctx.db.write([
    ctx.db
      .update(learningReports)
      .set({ siasnRiwayatId: riwayatId, siasnSentAt: now, siasnAttemptAt: null, updatedAt: now })
      .where(and(eq(learningReports.id, id), isNull(learningReports.siasnRiwayatId))),
    auditIfChanged(ctx, 'learning_report.siasn_synced', 'learning_report', id, now),
  ]);
}

interface EvidenceState {
  id: string;
  documentAt: string | null;
  evidenceKey: string | null;
  evidenceType: string | null;
}

async function documentOf(
  ctx: TenantContext,
  client: SiasnClient,
  state: EvidenceState,
  riwayatId: string,
): Promise<{ document: DocumentOutcome; documentReason?: string }> {
  if (state.documentAt) return { document: 'uploaded' };
  if (!state.evidenceKey || !state.evidenceType) return { document: 'none' };
  if (state.evidenceType !== 'application/pdf') {
    return { document: 'not_pdf', documentReason: 'bukti berupa gambar, bukan PDF: unggah sertifikat PDF langsung di SIASN' };
  }
  const object = await ctx.env.FILES.get(state.evidenceKey);
  if (!object) return { document: 'failed', documentReason: 'berkas bukti tidak ditemukan' };
  let uploaded: Awaited<ReturnType<SiasnClient['uploadRiwayat']>>;
  try {
    uploaded = await client.uploadRiwayat(riwayatId, await object.arrayBuffer(), `sertifikat-${state.id}.pdf`);
  } catch (err) {
    if (!(err instanceof SiasnUnavailable)) throw err;
    uploaded = { ok: false, reason: err.message };
  }
  if (!uploaded.ok) return { document: 'failed', documentReason: uploaded.reason };
  await ctx.db
    .update(learningReports)
    .set({ siasnDocumentAt: nowIso() })
    .where(and(eq(learningReports.id, state.id), isNull(learningReports.siasnDocumentAt)));
  return { document: 'uploaded' };
}

export const siasnSyncJob: TenantJobKind<SiasnSyncInput> = {
  kind: syncKind,
  scope: 'tenant',
  async run({ input }, steps) {
    const planned = await steps.do('plan', async ({ ctx, progress }) => {
      const p = await plan(ctx, input.recheck);
      await progress({ done: 0, total: p.toSend.length });
      return p;
    });
    const outcomes: Outcome[] = [];
    for (let n = 0; n * chunkSize < planned.toSend.length; n++) {
      const chunk = planned.toSend.slice(n * chunkSize, (n + 1) * chunkSize);
      outcomes.push(
        ...(await steps.do(`send ${n + 1}`, async ({ ctx, progress }) => {
          const config = siasnConfig(ctx.env, ctx.tenant.slug);
          const sent = await sendChunk(ctx, chunk, new SiasnClient(config, ctx.env), config.instansiId);
          await progress({ done: n * chunkSize + chunk.length });
          return sent;
        })),
      );
    }
    const sent: Sent[] = [];
    const skipped = [...planned.skipped];
    const failed = [...planned.failed];
    for (const o of outcomes) {
      if (o.status === 'sent') sent.push(withoutStatus(o));
      else if (o.status === 'skipped') skipped.push(withoutStatus(o));
      else failed.push(withoutStatus(o));
    }
    const result: SiasnSyncResult = {
      counts: { sent: sent.length, skipped: skipped.length, failed: failed.length },
      sent,
      skipped,
      failed,
    };
    return result;
  },
};

/** Starts the tenant's sync (or answers the one running); 409 when SIASN is not configured for the region. */
export async function startSiasnSync({ ctx, input }: Call<TenantContext, SiasnSyncInput>) {
  siasnConfig(ctx.env, ctx.tenant.slug);
  const job: SiasnSyncInput = { recheck: [...new Set(input.recheck)] };
  return startTenantJob(ctx, {
    kind: syncKind,
    input: job,
    prepare: (jobId) => ctx.db.write([ctx.db.insert(auditLog).values(auditRow(ctx, 'siasn.sync', 'job', jobId))]),
  });
}
