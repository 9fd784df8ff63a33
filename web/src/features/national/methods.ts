/** The program methods (Perlan LAN 10/2018, and the two regional or formal ones), in the API's order, checked complete against its type. */
import type { NationalProgram } from './queries';

type Method = NationalProgram['method'];

// A Record of every method: one the API adds and this lacks fails to compile.
const every: Record<Method, true> = {
  pelatihan_kepemimpinan: true,
  pelatihan_manajerial: true,
  pelatihan_teknis: true,
  pelatihan_fungsional: true,
  pelatihan_sosial_kultural: true,
  seminar: true,
  workshop: true,
  kursus: true,
  penataran: true,
  bimbingan_teknis: true,
  sosialisasi: true,
  coaching: true,
  mentoring: true,
  e_learning: true,
  pelatihan_jarak_jauh: true,
  detasering: true,
  outbound: true,
  patok_banding: true,
  pertukaran_pns: true,
  belajar_mandiri: true,
  komunitas_belajar: true,
  bimbingan_di_tempat_kerja: true,
  magang: true,
  rotasi_jabatan: true,
  tugas_belajar: true,
};

export const methods = Object.keys(every) as Method[];

/** A method code as words: `bimbingan_teknis` → `Bimbingan teknis`, `e_learning` → `E-learning`. */
export function methodLabel(method: string): string {
  const words = method === 'e_learning' ? 'e-learning' : method.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
