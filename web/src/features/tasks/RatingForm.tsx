/** One rating and a comment: L3 behaviour (of a direct report) or the end-of-pairing feedback. */
import { Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { SubmitWithProblem } from '../../components/SubmitWithProblem';
import { useI18n } from '../../i18n';
import { LikertField } from './LikertField';
import { useBehaviour, useFeedback } from './queries';

interface Props {
  tenant: string | undefined;
  kind: 'behaviour' | 'mentoring';
  /** The enrollment (behaviour) or the pairing (mentoring). */
  id: string;
  onDone: () => void;
}

export function RatingForm({ tenant, kind, id, onDone }: Props) {
  const { t } = useI18n();
  const behaviour = useBehaviour(tenant);
  const feedback = useFeedback(tenant);
  const mutation = kind === 'behaviour' ? behaviour : feedback;
  const form = useForm({
    initialValues: { rating: '', comment: '' },
    validate: { rating: (v) => (v ? null : t('form.chooseOne')) },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ rating, comment }) => {
        const common = { rating: Number(rating), comment: comment.trim() || null };
        if (kind === 'behaviour') behaviour.mutate({ enrollmentId: id, ...common }, { onSuccess: onDone });
        else feedback.mutate({ pairingId: id, ...common }, { onSuccess: onDone });
      })}
    >
      <Stack>
        <LikertField label={kind === 'behaviour' ? t('behaviour.rating') : t('feedback.rating')} {...form.getInputProps('rating')} />
        <Textarea label={t('form.comment')} autosize minRows={2} maxLength={2000} {...form.getInputProps('comment')} />
        <SubmitWithProblem mutation={mutation}>{t('form.send')}</SubmitWithProblem>
      </Stack>
    </form>
  );
}
