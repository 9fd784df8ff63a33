/** L1 reaction: the six items (materi, fasilitator, metode, sarana, manfaat, waktu), 1–5, and a comment. */
import { Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { LikertField } from './LikertField';
import { type ReactionAnswers, useReaction } from './queries';

const reactionItems = ['materi', 'fasilitator', 'metode', 'sarana', 'manfaat', 'waktu'] as const;

export function ReactionForm({ tenant, enrollmentId, onDone }: { tenant: string | undefined; enrollmentId: string; onDone: () => void }) {
  const { t } = useI18n();
  const reaction = useReaction(tenant);
  const form = useForm({
    initialValues: { materi: '', fasilitator: '', metode: '', sarana: '', manfaat: '', waktu: '', comment: '' },
    validate: Object.fromEntries(reactionItems.map((item) => [item, (v: string) => (v ? null : t('form.chooseOne'))])),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const answers = Object.fromEntries(reactionItems.map((item) => [item, Number(values[item])])) as ReactionAnswers;
        reaction.mutate({ enrollmentId, answers, comment: values.comment.trim() || null }, { onSuccess: onDone });
      })}
    >
      <Stack>
        {reactionItems.map((item) => (
          <LikertField key={item} label={t(`reaction.${item}` as const)} {...form.getInputProps(item)} />
        ))}
        <Textarea label={t('form.comment')} autosize minRows={2} maxLength={2000} {...form.getInputProps('comment')} />
        <SubmitWithProblem mutation={reaction}>{t('form.send')}</SubmitWithProblem>
      </Stack>
    </form>
  );
}
