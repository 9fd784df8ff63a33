/** Evaluation reports (Kirkpatrick L1–L3) in the BKD's console. */
export const evaluationsId = {
  'ev.title': 'Evaluasi',
  'ev.completed': '{n} peserta selesai.',
  'ev.l1': 'L1 · Reaksi',
  'ev.l2': 'L2 · Pembelajaran',
  'ev.l3': 'L3 · Perilaku',
  'ev.responses': 'Tanggapan',
  'ev.rate': 'Tingkat tanggapan',
  'ev.mean': 'Rata-rata (1–5)',
  'ev.bothScores': 'Peserta dengan dua nilai',
  'ev.meanPre': 'Rata-rata pretest',
  'ev.meanPost': 'Rata-rata posttest',
  'ev.meanGain': 'Kenaikan (poin)',
  'ev.hake': 'Gain ternormalisasi kelompok ⟨g⟩',
  'ev.individualGain': 'Rata-rata gain perorangan',
} as const;
