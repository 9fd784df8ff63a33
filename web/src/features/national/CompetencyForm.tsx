/**
 * A national competency's form (managerial or social-cultural): code when new, name, type,
 * description and the five level descriptions. Saved whole (PUT by code) against the version shown.
 */
import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { ApiProblem } from '../../lib/api/problem';
import { type Competency, useSaveCompetency } from './queries';

const codePattern = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;
const levelIndexes = [0, 1, 2, 3, 4] as const;

interface Values {
  code: string;
  name: string;
  type: 'manajerial' | 'sosial_kultural';
  description: string;
  levels: string[];
}

export function CompetencyForm({ competency, onDone }: { competency?: Competency; onDone: () => void }) {
  const { t } = useI18n();
  const save = useSaveCompetency();
  const form = useForm<Values>({
    initialValues: {
      code: competency?.code ?? '',
      name: competency?.name ?? '',
      type: competency?.type === 'sosial_kultural' ? 'sosial_kultural' : 'manajerial',
      description: competency?.description ?? '',
      levels: competency?.levels ?? ['', '', '', '', ''],
    },
    validate: (v) => {
      const required = (text: string) => (text.trim().length >= 2 ? null : t('curation.required'));
      return {
        code: codePattern.test(v.code.trim()) ? null : t('curation.codeRule'),
        name: required(v.name),
        description: required(v.description),
        ...Object.fromEntries(v.levels.map((level, i) => [`levels.${i}`, required(level)])),
      };
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        code: v.code.trim(),
        body: { name: v.name.trim(), type: v.type, description: v.description.trim(), levels: v.levels.map((l) => l.trim()) },
        ...(competency ? { version: competency.version } : {}),
      },
      { onSuccess: onDone },
    ),
  );
  const fieldError = (name: string) => (save.error instanceof ApiProblem ? save.error.fields[name] : undefined);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('curation.code')} disabled={competency !== undefined} required {...form.getInputProps('code')} />
        <TextInput label={t('curation.name')} required {...form.getInputProps('name')} error={form.errors.name ?? fieldError('name')} />
        <NativeSelect
          label={t('curation.type')}
          data={[
            { value: 'manajerial', label: t('curation.type.manajerial') },
            { value: 'sosial_kultural', label: t('curation.type.sosial_kultural') },
          ]}
          {...form.getInputProps('type')}
        />
        <Textarea label={t('curation.description')} required autosize minRows={2} {...form.getInputProps('description')} />
        {levelIndexes.map((i) => (
          <Textarea
            key={i}
            label={t('curation.level', { n: i + 1 })}
            required
            autosize
            minRows={1}
            {...form.getInputProps(`levels.${i}`)}
          />
        ))}
        {save.isError ? <ProblemAlert error={save.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('curation.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
