/** A self-assessment in a dialog: competency, level 1–5, the date (not after today on the tenant's clock). */
import '@mantine/dates/styles.css';
import { Radio, Select, Stack, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { Dialog } from '../../components/Dialog';
import { fieldErrors } from '../../components/problem-text';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { todayIn } from '../../lib/format';
import { type GapItem, useSelfAssessment } from './queries';

const levels = [1, 2, 3, 4, 5] as const;

/** The form in its dialog (GapsCard loads both when the dialog first opens). */
export function SelfAssessmentDialog({ items, timeZone, onClose }: { items: readonly GapItem[]; timeZone: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog opened onClose={onClose} title={t('selfAssess.title')} centered>
      <SelfAssessmentForm items={items} timeZone={timeZone} onDone={onClose} />
    </Dialog>
  );
}

function SelfAssessmentForm({ items, timeZone, onDone }: { items: readonly GapItem[]; timeZone: string; onDone: () => void }) {
  const { t } = useI18n();
  const today = todayIn(timeZone);
  const assess = useSelfAssessment();
  const form = useForm({
    initialValues: {
      competency: items.find((i) => i.current === null)?.competencyId ?? items[0]?.competencyId ?? '',
      level: '',
      date: today,
      note: '',
    },
    validate: {
      competency: (v) => (v ? null : t('form.required')),
      level: (v) => (v ? null : t('form.required')),
      date: (v) => (!v ? t('form.required') : v > today ? t('selfAssess.future') : null),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        assess.mutate(
          { competency: values.competency, level: Number(values.level), date: values.date, note: values.note.trim() || null },
          { onSuccess: onDone, onError: (e) => form.setErrors(fieldErrors(e, t)) },
        ),
      )}
    >
      <Stack>
        <Select
          label={t('selfAssess.competency')}
          data={items.map((i) => ({ value: i.competencyId, label: i.name }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('competency')}
        />
        <Radio.Group label={t('selfAssess.level')} description={t('selfAssess.levelHelp')} {...form.getInputProps('level')}>
          <Stack gap={6} mt={6}>
            {levels.map((level) => (
              <Radio key={level} value={String(level)} label={t(`level.${level}` as const)} />
            ))}
          </Stack>
        </Radio.Group>
        <DateInput label={t('selfAssess.date')} valueFormat="D MMMM YYYY" maxDate={today} {...form.getInputProps('date')} />
        <Textarea label={t('selfAssess.note')} autosize minRows={2} maxLength={2000} {...form.getInputProps('note')} />
        <SubmitWithProblem mutation={assess}>{t('selfAssess.submit')}</SubmitWithProblem>
      </Stack>
    </form>
  );
}
