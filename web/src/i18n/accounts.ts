/** Akun pegawai: finding an account by name or NIP, and the employee's name in the list. */
export const accountsId = {
  'acc.search': 'Cari akun',
  'acc.searchHelp': 'Bagian nama (pegawai atau nama pengguna) atau awal NIP',
  'acc.name': 'Nama pegawai',
  'acc.noName': '—',
  'acc.emptySearch': 'Tidak ada akun yang cocok dengan pencarian ini.',
} as const;

export const accountsEn: Record<keyof typeof accountsId, string> = {
  'acc.search': 'Find an account',
  'acc.searchHelp': 'Part of a name (the employee’s or the user name) or the start of a NIP',
  'acc.name': 'Employee name',
  'acc.noName': '—',
  'acc.emptySearch': 'No account matches this search.',
};
