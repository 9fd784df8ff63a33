/**
 * The words of each kind of notification, in Indonesian: a title (the inbox line and the e-mail's
 * subject) and a sentence or two (the e-mail's body). The console has its own catalogue for
 * English; e-mail goes out in Indonesian. Values come from the event's data; anything missing
 * reads as a dash rather than "undefined".
 */
import type { NotificationKind } from '../../db/schema/notifications';
import type { NotificationData } from '../../platform/outbox';

export interface Text {
  title: string;
  body: string;
}

const v = (data: NotificationData, key: string) => {
  const value = data[key];
  return value === null || value === undefined || value === '' ? '–' : String(value);
};

const pairingWord = (data: NotificationData) => (data.pairingKind === 'coaching' ? 'coaching' : 'mentoring');

/** An evaluation's level ("L1 ", "L3 "), when the event names it. */
const level = (data: NotificationData) => (data.level ? `${data.level} ` : '');
/** Whose training an L3 is about: the direct report's name. */
const whose = (data: NotificationData) => (data.participant ? ` untuk ${data.participant}` : '');

const templates: Record<NotificationKind, (data: NotificationData) => Text> = {
  'learning_report.approved': (d) => ({
    title: `Laporan pengembangan kompetensi disetujui: ${v(d, 'title')}`,
    body: `Laporan Anda "${v(d, 'title')}" telah diverifikasi dan disetujui. JP yang diakui: ${v(d, 'jp')}.`,
  }),
  'learning_report.rejected': (d) => ({
    title: `Laporan pengembangan kompetensi ditolak: ${v(d, 'title')}`,
    body: `Laporan Anda "${v(d, 'title')}" ditolak dengan alasan: ${v(d, 'reason')}. Anda dapat melaporkannya kembali dengan bukti yang sesuai.`,
  }),
  'pairing.proposed': (d) => ({
    title: `Usulan ${pairingWord(d)} menunggu jawaban Anda`,
    body: `Anda diusulkan sebagai pendamping dalam ${pairingWord(d)}. Terima atau tolak usulan ini di Bangkom.`,
  }),
  'pairing.unanswered': (d) => ({
    title: `Usulan ${pairingWord(d)} belum dijawab sejak ${v(d, 'proposedOn')}`,
    body: `Usulan ${pairingWord(d)} untuk Anda sudah menunggu lebih dari 7 hari. Mohon terima atau tolak usulan tersebut.`,
  }),
  'plan.enrolled': (d) => ({
    title: `Anda terdaftar pada pelatihan: ${v(d, 'title')}`,
    body: `Rencana pengembangan kompetensi tahun ${v(d, 'year')} telah disetujui. Anda terdaftar pada "${v(d, 'title')}" yang dimulai ${v(d, 'startDate')}.`,
  }),
  'evaluation.due': (d) => ({
    title: `Evaluasi ${level(d)}jatuh tempo ${v(d, 'dueOn')}: ${v(d, 'title')}`,
    body: `Evaluasi ${level(d)}"${v(d, 'title')}"${whose(d)} harus diisi paling lambat ${v(d, 'dueOn')}.`,
  }),
  'evaluation.overdue': (d) => ({
    title: `Evaluasi ${level(d)}terlambat sejak ${v(d, 'dueOn')}: ${v(d, 'title')}`,
    body: `Evaluasi ${level(d)}"${v(d, 'title')}"${whose(d)} melewati batas waktu ${v(d, 'dueOn')}. Mohon segera diisi.`,
  }),
  'jp.shortfall': (d) => ({
    title: `JP tahun ${v(d, 'year')} masih kurang ${v(d, 'missing')} JP`,
    body: `Capaian JP Anda tahun ${v(d, 'year')}: ${v(d, 'earned')} dari target ${v(d, 'target')} JP. Pelatihan yang dapat menutup kekurangan: ${v(d, 'programs')}.`,
  }),
};

export const textOf = (kind: NotificationKind, data: NotificationData): Text => templates[kind](data);

/** Each kind's name in Indonesian, for the unsubscribe page. */
const kindLabels: Record<NotificationKind, string> = {
  'learning_report.approved': 'Laporan pengembangan kompetensi disetujui',
  'learning_report.rejected': 'Laporan pengembangan kompetensi ditolak',
  'pairing.proposed': 'Usulan mentoring atau coaching',
  'pairing.unanswered': 'Usulan mentoring atau coaching belum dijawab',
  'plan.enrolled': 'Terdaftar pada pelatihan',
  'evaluation.due': 'Evaluasi jatuh tempo',
  'evaluation.overdue': 'Evaluasi terlambat',
  'jp.shortfall': 'Kekurangan JP',
};

export const kindLabel = (kind: NotificationKind): string => kindLabels[kind];
