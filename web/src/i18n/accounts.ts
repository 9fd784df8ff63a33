/** Akun pegawai: finding an account by name or NIP, and the employee's name in the list. */
export const accountsId = {
  'acc.search': 'Cari akun',
  'acc.searchHelp': 'Bagian nama (pegawai atau nama pengguna) atau awal NIP',
  'acc.name': 'Nama pegawai',
  'acc.noName': '—',
  'acc.emptySearch': 'Tidak ada akun yang cocok dengan pencarian ini.',
} as const;
