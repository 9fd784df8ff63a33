/**
 * A JP credit by hand: how many JP, the kind of learning, the day, and the reason (required: the
 * ledger shows it). Each form carries its own reference, so a double submit credits once. The
 * server's refusals go beside their fields.
 */
import { NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { fieldErrors } from '../../components/problem-text';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { useTenantClock } from '../../lib/api/caller';
import { todayIn } from '../../lib/format';
import { noonOn } from './offset';
import { type NewJpEntry, useCreditJp } from './queries';

const sources = ['program', 'mentoring', 'coaching', 'self_study', 'other'] as const satisfies readonly NewJpEntry['source'][];

interface Values {
  jp: number | string;
  source: NewJpEntry['source'];
  day: string;
  note: string;
}

const twoPlaces = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;

export function CreditForm({ employeeId, onCredited }: { employeeId: string; onCredited: (jp: number) => void }) {
  const { t } = useI18n();
  const { slug, timeZone } = useTenantClock();
  const today = todayIn(timeZone);
  const credit = useCreditJp(slug);
  const [reference, setReference] = useState(() => `manual:${crypto.randomUUID()}`);
  const form = useForm<Values>({
    initialValues: { jp: '', source: 'other', day: today, note: '' },
    validate: {
      jp: (v) => (typeof v === 'number' && v >= 0.01 && v <= 1000 && twoPlaces(v) ? null : t('jpa.credit.jpInvalid')),
      day: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && v <= today ? null : t('jpa.credit.dayInvalid')),
      note: (v) => (v.trim().length >= 5 ? null : t('jpa.credit.reasonRequired')),
    },
  });
  const submit = form.onSubmit((v) => {
    const body: NewJpEntry = {
      employeeId,
      jp: Number(v.jp),
      source: v.source,
      occurredAt: noonOn(v.day, timeZone),
      reference,
      note: v.note.trim(),
    };
    credit.mutate(body, {
      onSuccess: (entry) => {
        onCredited(entry.jp);
        form.reset();
        setReference(`manual:${crypto.randomUUID()}`);
      },
      onError: (e) => {
        const errors = fieldErrors(e, t);
        form.setErrors({ ...errors, ...(errors.occurredAt ? { day: errors.occurredAt } : {}) });
      },
    });
  });
  return (
    <form noValidate onSubmit={submit} aria-label={t('jpa.credit.title')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('jpa.credit.jp')}
            description={t('jpa.credit.jpHelp')}
            min={0.01}
            max={1000}
            decimalScale={2}
            decimalSeparator=","
            {...form.getInputProps('jp')}
          />
          <Select
            label={t('jpa.credit.source')}
            data={sources.map((s) => ({ value: s, label: t(`jpa.source.${s}` as const) }))}
            allowDeselect={false}
            {...form.getInputProps('source')}
          />
          <TextInput label={t('jpa.credit.day')} type="date" max={today} {...form.getInputProps('day')} />
        </SimpleGrid>
        <Textarea
          label={t('jpa.credit.reason')}
          description={t('jpa.credit.reasonHelp')}
          autosize
          minRows={2}
          {...form.getInputProps('note')}
        />
        <Stack gap="xs" align="flex-start">
          <SubmitWithProblem mutation={credit}>{t('jpa.credit.submit')}</SubmitWithProblem>
        </Stack>
      </Stack>
    </form>
  );
}
