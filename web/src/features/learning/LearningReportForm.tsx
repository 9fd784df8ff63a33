/**
 * Reporting training taken outside Bangkom: what, by whom, when (ended, on the tenant's calendar),
 * the JP the certificate states if any, and the evidence (PDF, JPG or PNG up to 5 MB), checked here
 * before anything is sent. The report is filed, then its evidence uploaded; a repeat of the same
 * submission (after a failed upload) files nothing twice.
 */
import '@mantine/dates/styles.css';
import { Alert, FileInput, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { fieldErrors } from '../../components/problem-text';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { todayIn } from '../../lib/format';
import { EvidenceNotStored, evidenceLimit, evidenceTypes, type Method, type NewLearningReport, useFileReport } from './queries';

/** The methods a person reports most first; the rest in the catalogue's order. */
const methods: readonly Method[] = [
  'pelatihan_teknis',
  'pelatihan_fungsional',
  'pelatihan_manajerial',
  'pelatihan_kepemimpinan',
  'pelatihan_sosial_kultural',
  'bimbingan_teknis',
  'workshop',
  'seminar',
  'kursus',
  'penataran',
  'sosialisasi',
  'e_learning',
  'pelatihan_jarak_jauh',
  'coaching',
  'mentoring',
  'detasering',
  'outbound',
  'patok_banding',
  'pertukaran_pns',
  'belajar_mandiri',
  'komunitas_belajar',
  'bimbingan_di_tempat_kerja',
  'magang',
  'rotasi_jabatan',
  'tugas_belajar',
];

export function LearningReportDialog({ timeZone, onClose }: { timeZone: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog opened onClose={onClose} title={t('learning.new')} size="lg">
      <LearningReportForm timeZone={timeZone} onDone={onClose} />
    </Dialog>
  );
}

interface Values {
  title: string;
  method: Method;
  organiser: string;
  startDate: string;
  endDate: string;
  jpClaimed: number | string;
  hours: number | string;
  certificateNumber: string;
  evidence: File | null;
}

function LearningReportForm({ timeZone, onDone }: { timeZone: string; onDone: () => void }) {
  const { t } = useI18n();
  const today = todayIn(timeZone);
  const file = useFileReport();
  // One filing per opened form: a repeated submit is answered with the report already filed.
  const [key] = useState(() => crypto.randomUUID());
  const form = useForm<Values>({
    initialValues: {
      title: '',
      method: 'pelatihan_teknis',
      organiser: '',
      startDate: '',
      endDate: '',
      jpClaimed: '',
      hours: '',
      certificateNumber: '',
      evidence: null,
    },
    validate: {
      title: (v) => (v.trim() ? null : t('form.required')),
      organiser: (v) => (v.trim() ? null : t('form.required')),
      startDate: (v) => (v ? null : t('form.required')),
      endDate: (v, values) =>
        !v ? t('form.required') : v > today ? t('learning.form.future') : v < values.startDate ? t('learning.form.endAfterStart') : null,
      evidence: (v) =>
        !v
          ? t('form.required')
          : !(evidenceTypes as readonly string[]).includes(v.type)
            ? t('learning.form.evidenceType')
            : v.size > evidenceLimit
              ? t('learning.form.evidenceTooBig')
              : null,
    },
  });
  const submit = (values: Values) => {
    if (!values.evidence) return;
    const report: NewLearningReport = {
      title: values.title.trim(),
      method: values.method,
      organiser: values.organiser.trim(),
      startDate: values.startDate,
      endDate: values.endDate,
      ...(typeof values.jpClaimed === 'number' ? { jpClaimed: values.jpClaimed } : {}),
      ...(typeof values.hours === 'number' ? { hours: values.hours } : {}),
      ...(values.certificateNumber.trim() ? { certificateNumber: values.certificateNumber.trim() } : {}),
    };
    file.mutate(
      { report, evidence: values.evidence, key },
      { onSuccess: onDone, onError: (e) => form.setErrors(fieldErrors(e instanceof EvidenceNotStored ? e.problem : e, t)) },
    );
  };
  const evidenceFailed = file.error instanceof EvidenceNotStored;
  return (
    <form noValidate onSubmit={form.onSubmit(submit)}>
      <Stack>
        <TextInput label={t('learning.form.title')} required maxLength={300} {...form.getInputProps('title')} />
        <NativeSelect
          label={t('learning.form.method')}
          data={methods.map((m) => ({ value: m, label: t(`method.${m}` as const) }))}
          {...form.getInputProps('method')}
        />
        <TextInput label={t('learning.form.organiser')} required maxLength={200} {...form.getInputProps('organiser')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <DateInput
            label={t('learning.form.startDate')}
            required
            valueFormat="D MMMM YYYY"
            maxDate={today}
            {...form.getInputProps('startDate')}
          />
          <DateInput
            label={t('learning.form.endDate')}
            required
            valueFormat="D MMMM YYYY"
            maxDate={today}
            {...form.getInputProps('endDate')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <NumberInput
            label={t('learning.form.jpClaimed')}
            description={t('learning.form.jpHelp')}
            min={0}
            max={1000}
            decimalScale={2}
            decimalSeparator=","
            {...form.getInputProps('jpClaimed')}
          />
          <NumberInput
            label={t('learning.form.hours')}
            min={0.25}
            max={2000}
            step={0.25}
            decimalScale={2}
            decimalSeparator=","
            {...form.getInputProps('hours')}
          />
        </SimpleGrid>
        <TextInput label={t('learning.form.certificateNumber')} maxLength={100} {...form.getInputProps('certificateNumber')} />
        <FileInput label={t('learning.form.evidence')} required accept={evidenceTypes.join(',')} {...form.getInputProps('evidence')} />
        {evidenceFailed ? (
          <Alert color="yellow" role="status">
            {t('learning.form.evidenceFailed')}
          </Alert>
        ) : null}
        <SubmitWithProblem mutation={{ ...file, error: file.error instanceof EvidenceNotStored ? file.error.problem : file.error }}>
          {t('learning.form.submit')}
        </SubmitWithProblem>
      </Stack>
    </form>
  );
}
