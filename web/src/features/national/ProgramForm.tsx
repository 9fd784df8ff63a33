/**
 * A national program's form: code when new, title, description, method, JP, cost, whether it has
 * tests, and the national competencies it targets with the expected gain. Prerequisites are kept
 * as they are (the API replaces the program whole).
 */
import { ActionIcon, Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { methodLabel, methods } from './methods';
import { type NationalProgram, type Program, useNationalCompetencies, useSaveProgram } from './queries';

const codePattern = /^[A-Z0-9][A-Z0-9-]{1,39}$/;

interface Values {
  code: string;
  title: string;
  description: string;
  method: NationalProgram['method'];
  jp: number | string;
  costPerParticipant: number | string;
  hasTests: boolean;
  targets: { key: string; competency: string; expectedGain: string }[];
}

export function ProgramForm({ program, onDone }: { program?: Program; onDone: () => void }) {
  const { t } = useI18n();
  const save = useSaveProgram();
  const competencies = useNationalCompetencies('active');
  const form = useForm<Values>({
    initialValues: {
      code: program?.code ?? '',
      title: program?.title ?? '',
      description: program?.description ?? '',
      method: program?.method ?? 'pelatihan_teknis',
      jp: program?.jp ?? 8,
      costPerParticipant: program?.costPerParticipant ?? 0,
      hasTests: program?.hasTests ?? false,
      targets: program?.targets.map((x) => ({ key: x.code, competency: x.code, expectedGain: String(x.expectedGain) })) ?? [
        { key: randomId(), competency: '', expectedGain: '1' },
      ],
    },
    validate: (v) => ({
      code: codePattern.test(v.code.trim()) ? null : t('curation.programCodeRule'),
      title: v.title.trim().length >= 1 ? null : t('curation.required'),
      jp: typeof v.jp === 'number' && v.jp > 0 ? null : t('curation.positive'),
      costPerParticipant: typeof v.costPerParticipant === 'number' && v.costPerParticipant >= 0 ? null : t('curation.required'),
      ...Object.fromEntries(v.targets.map((x, i) => [`targets.${i}.competency`, x.competency ? null : t('curation.required')])),
    }),
  });
  const options = [
    { value: '', label: t('curation.chooseCompetency') },
    ...(competencies.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} · ${c.name}` })),
  ];
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        code: v.code.trim(),
        body: {
          title: v.title.trim(),
          description: v.description.trim(),
          method: v.method,
          jp: Number(v.jp),
          costPerParticipant: Number(v.costPerParticipant),
          hasTests: v.hasTests,
          targets: v.targets.map((x) => ({ competency: x.competency, expectedGain: Number(x.expectedGain) })),
          prerequisites: program?.prerequisites.map((p) => ({ competency: p.code, minimumLevel: p.minimumLevel })) ?? [],
        },
        ...(program ? { version: program.version } : {}),
      },
      { onSuccess: onDone },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('curation.code')} disabled={program !== undefined} required {...form.getInputProps('code')} />
        <TextInput label={t('curation.title')} required {...form.getInputProps('title')} />
        <Textarea label={t('curation.description')} autosize minRows={2} {...form.getInputProps('description')} />
        <NativeSelect
          label={t('curation.method')}
          data={methods.map((m) => ({ value: m, label: methodLabel(m) }))}
          {...form.getInputProps('method')}
        />
        <Group grow align="flex-start">
          <NumberInput label={t('curation.jp')} min={0.5} step={0.5} decimalScale={2} required {...form.getInputProps('jp')} />
          <NumberInput
            label={t('curation.cost')}
            min={0}
            thousandSeparator="."
            decimalSeparator=","
            prefix="Rp "
            required
            {...form.getInputProps('costPerParticipant')}
          />
        </Group>
        <Checkbox label={t('curation.hasTests')} {...form.getInputProps('hasTests', { type: 'checkbox' })} />
        <Text size="sm" fw={500}>
          {t('curation.targets')}
        </Text>
        {form.values.targets.map((target, i) => (
          <Group key={target.key} align="flex-end" gap="xs" wrap="nowrap">
            <NativeSelect
              label={t('curation.targetCompetency', { n: i + 1 })}
              data={options}
              style={{ flex: 1 }}
              {...form.getInputProps(`targets.${i}.competency`)}
            />
            <NativeSelect
              label={t('curation.expectedGain')}
              data={['1', '2', '3', '4']}
              w={110}
              {...form.getInputProps(`targets.${i}.expectedGain`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              disabled={form.values.targets.length === 1}
              onClick={() => form.removeListItem('targets', i)}
              aria-label={t('curation.removeTarget', { n: i + 1 })}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => form.insertListItem('targets', { key: randomId(), competency: '', expectedGain: '1' })}
          >
            {t('curation.addTarget')}
          </Button>
        </Group>
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
