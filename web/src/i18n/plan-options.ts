/** The annual plan form's options: the offerings to use and per-unit weights. */
export const planOptionsId = {
  'plan.form.offerings': 'Pelaksanaan',
  'plan.form.offeringsHelp': 'Pelaksanaan tahun {year} yang direncanakan atau dibuka. Semua dipakai kecuali yang tidak dicentang.',
  'plan.form.offeringsAll': 'Semua pelaksanaan ({count})',
  'plan.form.offeringsNone': 'Belum ada pelaksanaan tahun {year} yang direncanakan atau dibuka.',
  'plan.form.offeringsPickOne': 'Centang paling sedikit satu pelaksanaan.',
  'plan.form.offering': '{title} · {date} · {place}',
  'plan.form.offeringOnline': 'Daring',
  'plan.form.unitWeights': 'Bobot unit',
  'plan.form.unitWeightsHelp': 'Pengali nilai kesenjangan pegawai langsung di unit (1 = biasa, 2 = dua kali lebih penting).',
  'plan.form.unitWeightUnit': 'Unit bobot {n}',
  'plan.form.unitWeightValue': 'Bobot unit {n}',
  'plan.form.unitWeightPick': 'Pilih unit.',
  'plan.form.unitWeightTwice': 'Unit ini sudah diberi bobot.',
  'plan.form.unitWeightAdd': 'Tambah bobot unit',
  'plan.form.unitWeightRemove': 'Hapus bobot unit {n}',
} as const;
