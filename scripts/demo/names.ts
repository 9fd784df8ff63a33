/**
 * Name pools for the demo registry: the naming traditions of the regions the demo tenants stand
 * for (Lampung, Jambi, Medan), so a generated list reads like a real BKD list. Batak names carry
 * a marga as surname; Javanese, Sundanese, Malay and Minang names are given names only.
 */
export type Tradition = 'jawa' | 'sunda' | 'batak' | 'melayu' | 'minang';

interface Pool {
  male: readonly string[];
  female: readonly string[];
  /** Second names (or marga) shared by both genders. */
  second: readonly string[];
  /** Second names used for women only, when the tradition has them. */
  secondFemale?: readonly string[];
}

export const pools: Record<Tradition, Pool> = {
  jawa: {
    male: ['Bambang', 'Agus', 'Budi', 'Eko', 'Joko', 'Hadi', 'Sugeng', 'Wahyu', 'Slamet', 'Teguh', 'Bayu', 'Dwi', 'Heru', 'Priyo', 'Yudi', 'Adi', 'Tri', 'Sigit', 'Gunawan', 'Rudi'],
    female: ['Sri', 'Siti', 'Endang', 'Retno', 'Dwi', 'Tri', 'Wulan', 'Ratna', 'Sulastri', 'Yuni', 'Lestari', 'Rini', 'Dewi', 'Sumarni', 'Puji', 'Ning', 'Eny', 'Astuti', 'Kartini', 'Indah'],
    second: ['Santoso', 'Setiawan', 'Prasetyo', 'Susilo', 'Sutrisno', 'Purnomo', 'Riyadi', 'Hidayat', 'Wibowo', 'Nugroho', 'Saputro', 'Kurniawan', 'Hartono', 'Suharto', 'Wicaksono', 'Utomo'],
    secondFemale: ['Wahyuni', 'Rahayu', 'Lestari', 'Handayani', 'Wulandari', 'Purwanti', 'Hastuti', 'Susanti', 'Ningsih', 'Pratiwi', 'Yuliani', 'Mulyani'],
  },
  sunda: {
    male: ['Asep', 'Dede', 'Cecep', 'Ujang', 'Dadang', 'Yayat', 'Aep', 'Deden', 'Engkus', 'Iwan', 'Jajang', 'Ujang', 'Wawan', 'Yana'],
    female: ['Euis', 'Neng', 'Iis', 'Enung', 'Cucu', 'Eneng', 'Lilis', 'Imas', 'Nining', 'Yeni', 'Teti', 'Nenden'],
    second: ['Sunandar', 'Kurniawan', 'Supriatna', 'Sudrajat', 'Saepudin', 'Hermawan', 'Permana', 'Suryana', 'Hidayat', 'Ruhiyat', 'Gumilar', 'Sobari'],
    secondFemale: ['Komalasari', 'Rosita', 'Nurhayati', 'Rukmini', 'Kurniasih', 'Sumiati', 'Rohaeti', 'Juariah', 'Maryani'],
  },
  batak: {
    male: ['Togar', 'Horas', 'Mangasi', 'Saut', 'Hotman', 'Lamhot', 'Parulian', 'Binsar', 'Marihot', 'Tumpal', 'Gomgom', 'Rudolf', 'Jonni', 'Darwin', 'Maruli', 'Poltak'],
    female: ['Tiurma', 'Rosdiana', 'Ruth', 'Lasma', 'Nurmaida', 'Rotua', 'Hotnida', 'Dameria', 'Sondang', 'Tiara', 'Nova', 'Lenny', 'Erna', 'Juliana'],
    second: ['Siregar', 'Nasution', 'Harahap', 'Simanjuntak', 'Sitompul', 'Hutapea', 'Lubis', 'Pardede', 'Panjaitan', 'Sinaga', 'Tambunan', 'Simatupang', 'Situmorang', 'Manurung', 'Ginting', 'Tarigan', 'Sembiring', 'Hasibuan', 'Damanik', 'Purba'],
  },
  melayu: {
    male: ['Rahmat', 'Zulkifli', 'Syahrial', 'Hasbullah', 'Azhari', 'Khairul', 'Hermansyah', 'Rusdi', 'Erwin', 'Irwansyah', 'Muhammad', 'Ahmad', 'Fadhil', 'Hasanuddin', 'Syamsul', 'Zainal', 'Rizki', 'Hendra', 'Faisal', 'Ridwan'],
    female: ['Fauziah', 'Suryani', 'Herlina', 'Nurjanah', 'Yusnani', 'Rosmiati', 'Azizah', 'Nurhayati', 'Maimunah', 'Halimah', 'Zubaidah', 'Aisyah', 'Fitriani', 'Rahmawati', 'Khadijah', 'Salmah'],
    second: ['Hidayat', 'Anwar', 'Saputra', 'Bahri', 'Fikri', 'Syukri', 'Ramadhan', 'Effendi', 'Hakim', 'Yusuf', 'Ismail', 'Harun', 'Rasyid', 'Kadir', 'Abdullah', 'Gunawan'],
    secondFemale: ['Hasanah', 'Fitri', 'Rahmah', 'Wati', 'Ningsih', 'Sari', 'Yanti', 'Safitri', 'Amelia', 'Lestari'],
  },
  minang: {
    male: ['Afrizal', 'Zulhendri', 'Syafrizal', 'Yusrizal', 'Novrizal', 'Hendri', 'Elfi', 'Delfi', 'Yulizar', 'Rizal', 'Irwandi', 'Zulfahmi', 'Asrul', 'Fadli'],
    female: ['Deswita', 'Yusnimar', 'Erniwati', 'Yulia', 'Rahmi', 'Fitri', 'Desi', 'Yusmaniar', 'Elvi', 'Nelfi', 'Mardiana', 'Syafriani'],
    second: ['Effendi', 'Sahlan', 'Saputra', 'Chaniago', 'Tanjung', 'Koto', 'Piliang', 'Sikumbang', 'Jambak', 'Caniago', 'Malik', 'Datuak'],
    secondFemale: ['Yanti', 'Rahmi', 'Oktavia', 'Fitria', 'Novita', 'Susanti', 'Wahyuni', 'Marlina'],
  },
};

/** How each demo region's civil service is made up; other tenants get an even mix. */
export const mixes: Record<string, [Tradition, number][]> = {
  kalianda: [['jawa', 45], ['melayu', 25], ['sunda', 15], ['minang', 10], ['batak', 5]],
  jambi: [['melayu', 40], ['jawa', 30], ['minang', 15], ['batak', 10], ['sunda', 5]],
  belawan: [['batak', 40], ['melayu', 25], ['jawa', 20], ['minang', 10], ['sunda', 5]],
};

export const evenMix: [Tradition, number][] = [['jawa', 1], ['sunda', 1], ['batak', 1], ['melayu', 1], ['minang', 1]];

/** Degrees written after the name, by kind of work. */
export const degrees = {
  leader: [', S.H., M.H.', ', S.E., M.M.', ', S.Sos., M.Si.', ', S.T., M.T.', ', S.STP., M.Si.', ', S.Pd., M.Pd.', ', S.IP., M.AP.', ', S.E., M.Si.'],
  graduate: [', S.E.', ', S.H.', ', S.Sos.', ', S.Kom.', ', S.T.', ', S.IP.', ', S.Ak.', ', S.AP.'],
  diploma: [', A.Md.', ', A.Md.Kom.', ', A.Md.Ak.'],
} as const;
