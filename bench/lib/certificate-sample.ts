/** A certificate row as issued, for timing its PDF (bench/documents.ts). */
import { certificatePdf } from '../../src/modules/certificates/pdf';

const row = {
  tenantId: 'tnt_bench',
  id: 'crt_bench',
  enrollmentId: 'enr_bench',
  offeringId: 'off_bench',
  employeeId: 'emp_bench',
  year: 2025,
  seq: 127,
  number: '127/PKP-II/BKPSDM/2025',
  verificationCode: '3k9xq7w2m4r8t6v1b5n0c2d4e6hj7k8m',
  status: 'valid' as const,
  issuedOn: '2025-03-10',
  issuedPlace: 'Kalianda',
  participantName: 'Siti Rahayu, S.Kep., Ns.',
  participantNip: '198503302003121002',
  grade: 'III/b',
  positionName: 'Analis Kebijakan Ahli Muda',
  unitName: 'Dinas Kesehatan',
  programCode: 'PKP-II',
  programTitle: 'Pelatihan Kepemimpinan Pengawas Angkatan II',
  startDate: '2025-03-03',
  endDate: '2025-03-07',
  jpCenti: 2400,
  venue: 'Aula BKPSDM, Kalianda',
  officialName: 'Dr. Hendra Wijaya, S.STP., M.Si.',
  officialNip: '197204101998031004',
  officialTitle: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
  region: 'Pemerintah Kabupaten Lampung Selatan',
  issuedBy: 'bench',
  revokedOn: null,
  revokedReason: null,
  createdAt: '2025-03-10T02:00:00.000Z',
  updatedAt: '2025-03-10T02:00:00.000Z',
};

export const certificatePdfForBench = () => certificatePdf(row, `https://bangkom.example/verifikasi/${row.verificationCode}`);
