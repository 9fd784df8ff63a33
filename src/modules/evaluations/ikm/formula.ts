/**
 * The public satisfaction index (Indeks Kepuasan Masyarakat, PermenPAN-RB 14/2017), pure: the nine
 * service elements, the index from per-element sums, the converted score and the grade. It never
 * reads data; the service computes the sums in SQL and hands them here.
 *
 * Formula: mean_i = sum_i / n for each element i; IKM = Σ mean_i × 1/9 (equal weights, the exact
 * 1/9 — not the 0.111 of the regulation's worked example); converted score = IKM × 25.
 * Rounding: the converted score is reported with two decimals, rounded half up, computed from the
 * integer sums (converted = 25 × Σ sum_i / (9 × n), so no float error decides a grade); the grade
 * is read from that rounded score: a raw 88.305 is reported 88.31 and graded A. Element means and
 * the IKM are reported with four decimals, for display only — nothing is derived from them.
 */
const ikmElements = [
  { code: 'U1', name: 'Persyaratan' },
  { code: 'U2', name: 'Sistem, mekanisme dan prosedur' },
  { code: 'U3', name: 'Waktu penyelesaian' },
  { code: 'U4', name: 'Biaya/tarif' },
  { code: 'U5', name: 'Produk spesifikasi jenis pelayanan' },
  { code: 'U6', name: 'Kompetensi pelaksana' },
  { code: 'U7', name: 'Perilaku pelaksana' },
  { code: 'U8', name: 'Penanganan pengaduan, saran dan masukan' },
  { code: 'U9', name: 'Sarana dan prasarana' },
] as const;

export const ikmGrades = [
  { grade: 'A', label: 'sangat baik', fromCenti: 8831 },
  { grade: 'B', label: 'baik', fromCenti: 7661 },
  { grade: 'C', label: 'kurang baik', fromCenti: 6500 },
  { grade: 'D', label: 'tidak baik', fromCenti: 2500 },
] as const;

export type IkmGrade = (typeof ikmGrades)[number]['grade'];
export type IkmLabel = (typeof ikmGrades)[number]['label'];

export interface IkmResult {
  responses: number;
  elements: { code: string; name: string; mean: number }[];
  ikm: number;
  converted: number;
  grade: IkmGrade;
  label: IkmLabel;
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/** Half-up integer division of non-negative integers, exact. */
const divRound = (num: number, den: number) => Math.floor((2 * num + den) / (2 * den));

/** The grade of a converted score given in hundredths (8831 = 88.31); below 25.00 is no IKM score at all. */
export function gradeOf(convertedCenti: number): { grade: IkmGrade; label: IkmLabel } {
  const hit = ikmGrades.find((g) => convertedCenti >= g.fromCenti);
  if (!hit || convertedCenti > 10_000) throw new RangeError(`${convertedCenti / 100} is not an IKM converted score`);
  return { grade: hit.grade, label: hit.label };
}

/** The converted score in hundredths, rounded half up, from the total of all answers of `responses` responses. */
export function convertedCentiOf(totalOfAnswers: number, responses: number): number {
  return divRound(2500 * totalOfAnswers, 9 * responses);
}

/** IKM of `responses` responses whose answers to element i sum to `sums[i]`; null without responses. */
export function ikmOf(responses: number, sums: readonly number[]): IkmResult | null {
  if (sums.length !== ikmElements.length) throw new RangeError('IKM needs the sums of the nine elements');
  if (responses === 0) return null;
  const total = sums.reduce((a, b) => a + b, 0);
  const centi = convertedCentiOf(total, responses);
  return {
    responses,
    elements: ikmElements.map((e, i) => ({ code: e.code, name: e.name, mean: round4((sums[i] as number) / responses) })),
    ikm: round4(total / (9 * responses)),
    converted: centi / 100,
    ...gradeOf(centi),
  };
}
