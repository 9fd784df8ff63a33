/** Log a session: the day (not after today on the tenant's clock), minutes, notes. */
import '@mantine/dates/styles.css';
import { NumberInput, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { fieldErrors } from '../../components/problem-text';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { todayIn } from '../../lib/format';
import { useLogSession } from './queries';

export function SessionForm({
  tenant,
  pairingId,
  timeZone,
  onDone,
}: {
  tenant: string | undefined;
  pairingId: string;
  timeZone: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const today = todayIn(timeZone);
  const log = useLogSession(tenant, pairingId);
  const form = useForm<{ date: string; minutes: number | string; notes: string }>({
    initialValues: { date: today, minutes: 60, notes: '' },
    validate: {
      date: (v) => (v ? null : t('form.required')),
      minutes: (v) => (typeof v === 'number' && v >= 1 && v <= 480 ? null : t('session.minutesRange')),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ date, minutes, notes }) =>
        log.mutate(
          { date, minutes: Number(minutes), actionItems: [], ...(notes.trim() ? { notes: notes.trim() } : {}) },
          {
            onSuccess: () => {
              form.reset();
              onDone();
            },
            onError: (e) => form.setErrors(fieldErrors(e, t)),
          },
        ),
      )}
    >
      <Stack>
        <DateInput label={t('session.date')} valueFormat="D MMMM YYYY" maxDate={today} {...form.getInputProps('date')} />
        <NumberInput label={t('session.minutes')} min={1} max={480} step={15} {...form.getInputProps('minutes')} />
        <Textarea label={t('session.notes')} autosize minRows={3} maxLength={5000} {...form.getInputProps('notes')} />
        <SubmitWithProblem mutation={log}>{t('session.submit')}</SubmitWithProblem>
      </Stack>
    </form>
  );
}
