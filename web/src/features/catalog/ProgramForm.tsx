/**
 * The region's own program: code when new, title, description, method, JP, cost in rupiah,
 * provider, whether it has tests (L2), the competencies it targets with the expected gain, and
 * the prerequisites (a competency at a minimum level). A change is sent with `If-Match` of the
 * version shown; targets and prerequisites are replaced whole. The server's refusals go beside
 * their fields; a 412 offers a reload (the parent remounts the form with the latest version).
 */
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrors } from '../../components/problem-text';
import { useI18n } from '../../i18n';
import { ApiProblem } from '../../lib/api/problem';
import { methodLabel, methods } from '../national/methods';
import { useCompetencies } from '../organisation/queries';
import { type Program, useProviders, useSaveProgram } from './queries';

const codePattern = /^[A-Z0-9][A-Z0-9-]{1,39}$/;

interface Line {
  key: string;
  competency: string;
  level: string;
}

interface Values {
  code: string;
  title: string;
  description: string;
  method: Program['method'];
  jp: number | string;
  costPerParticipant: number | string;
  providerId: string;
  hasTests: boolean;
  status: Program['status'];
  targets: Line[];
  prerequisites: Line[];
}

const valuesOf = (p: Program | undefined): Values => ({
  code: p?.code ?? '',
  title: p?.title ?? '',
  description: p?.description ?? '',
  method: p?.method ?? 'bimbingan_teknis',
  jp: p?.jp ?? 8,
  costPerParticipant: p?.costPerParticipant ?? 0,
  providerId: p?.provider?.id ?? '',
  hasTests: p?.hasTests ?? false,
  status: p?.status ?? 'active',
  targets: p?.targets.map((x) => ({ key: x.competencyId, competency: x.competencyId, level: String(x.expectedGain) })) ?? [
    { key: randomId(), competency: '', level: '1' },
  ],
  prerequisites: p?.prerequisites.map((x) => ({ key: x.competencyId, competency: x.competencyId, level: String(x.minimumLevel) })) ?? [],
});

export function ProgramForm({
  tenant,
  program,
  onDone,
  onReload,
}: {
  tenant: string | undefined;
  program?: Program;
  onDone: (saved: Program) => void;
  onReload?: () => void;
}) {
  const { t } = useI18n();
  const save = useSaveProgram(tenant);
  const competencies = useCompetencies(tenant);
  const providers = useProviders(tenant);
  const form = useForm<Values>({
    initialValues: valuesOf(program),
    validate: (v) => ({
      code: program || codePattern.test(v.code.trim()) ? null : t('cat.codeRule'),
      title: v.title.trim() ? null : t('cat.required'),
      description: v.description.trim() ? null : t('cat.required'),
      jp: typeof v.jp === 'number' && v.jp > 0 ? null : t('cat.positive'),
      costPerParticipant: typeof v.costPerParticipant === 'number' && v.costPerParticipant >= 0 ? null : t('cat.required'),
      ...Object.fromEntries(v.targets.map((x, i) => [`targets.${i}.competency`, x.competency ? null : t('cat.required')])),
      ...Object.fromEntries(v.prerequisites.map((x, i) => [`prerequisites.${i}.competency`, x.competency ? null : t('cat.required')])),
    }),
  });
  const competencyOptions = [
    { value: '', label: t('cat.chooseCompetency') },
    ...(competencies.data?.items ?? [])
      .filter((c) => c.status === 'active' || form.values.targets.some((x) => x.competency === c.id))
      .map((c) => ({ value: c.id, label: `${c.code} · ${c.name}` })),
  ];
  const providerOptions = [
    { value: '', label: t('cat.noProvider') },
    ...(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
  ];

  const submit = form.onSubmit((v) => {
    const body = {
      title: v.title.trim(),
      description: v.description.trim(),
      method: v.method,
      jp: Number(v.jp),
      costPerParticipant: Number(v.costPerParticipant),
      hasTests: v.hasTests,
      status: v.status,
      targets: v.targets.map((x) => ({ competency: x.competency, expectedGain: Number(x.level) })),
      prerequisites: v.prerequisites.map((x) => ({ competency: x.competency, minimumLevel: Number(x.level) })),
    };
    const failed = (e: unknown) => {
      const errors = fieldErrors(e, t);
      if (e instanceof ApiProblem && e.status === 409 && !program) errors.code = t('cat.codeTaken');
      form.setErrors(errors);
    };
    if (program) {
      save.mutate(
        { id: program.id, version: program.version, changes: { ...body, providerId: v.providerId || null } },
        { onSuccess: onDone, onError: failed },
      );
    } else {
      save.mutate(
        { create: { ...body, code: v.code.trim(), ...(v.providerId ? { providerId: v.providerId } : {}) } },
        { onSuccess: onDone, onError: failed },
      );
    }
  });

  const lines = (name: 'targets' | 'prerequisites', levelLabel: string, levels: string[]) =>
    form.values[name].map((line, i) => (
      <Group key={line.key} align="flex-end" gap="xs" wrap="nowrap">
        <NativeSelect
          label={t(name === 'targets' ? 'cat.targetN' : 'cat.prerequisiteN', { n: i + 1 })}
          data={competencyOptions}
          style={{ flex: 1, minWidth: 0 }}
          {...form.getInputProps(`${name}.${i}.competency`)}
        />
        <NativeSelect label={levelLabel} data={levels} w={96} {...form.getInputProps(`${name}.${i}.level`)} />
        <ActionIcon
          variant="subtle"
          color="red"
          size="lg"
          disabled={name === 'targets' && form.values.targets.length === 1}
          onClick={() => form.removeListItem(name, i)}
          aria-label={t(name === 'targets' ? 'cat.removeTarget' : 'cat.removePrerequisite', { n: i + 1 })}
        >
          ×
        </ActionIcon>
      </Group>
    ));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('cat.code')} description={t('cat.codeHelp')} disabled={program !== undefined} {...form.getInputProps('code')} />
        <TextInput label={t('cat.title.field')} {...form.getInputProps('title')} />
        <Textarea label={t('cat.description')} autosize minRows={2} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('cat.method')}
            data={methods.map((m) => ({ value: m, label: methodLabel(m) }))}
            {...form.getInputProps('method')}
          />
          <NativeSelect label={t('cat.provider')} data={providerOptions} {...form.getInputProps('providerId')} />
          <NumberInput label="JP" min={0.5} step={0.5} decimalScale={2} decimalSeparator="," {...form.getInputProps('jp')} />
          <NumberInput
            label={t('cat.cost')}
            min={0}
            allowDecimal={false}
            thousandSeparator="."
            decimalSeparator=","
            prefix="Rp "
            {...form.getInputProps('costPerParticipant')}
          />
        </SimpleGrid>
        <Checkbox label={t('cat.hasTests')} {...form.getInputProps('hasTests', { type: 'checkbox' })} />
        {program ? (
          <NativeSelect
            label={t('cat.status')}
            data={[
              { value: 'active', label: t('cat.status.active') },
              { value: 'retired', label: t('cat.status.retired') },
            ]}
            {...form.getInputProps('status')}
          />
        ) : null}
        <Text size="sm" fw={500}>
          {t('cat.targets')}
        </Text>
        {lines('targets', t('cat.expectedGain'), ['1', '2', '3', '4'])}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => form.insertListItem('targets', { key: randomId(), competency: '', level: '1' })}
          >
            {t('cat.addTarget')}
          </Button>
        </Group>
        <Text size="sm" fw={500}>
          {t('cat.prerequisites')}
        </Text>
        {form.values.prerequisites.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('cat.noPrerequisites')}
          </Text>
        ) : null}
        {lines('prerequisites', t('cat.minimumLevel'), ['1', '2', '3', '4', '5'])}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => form.insertListItem('prerequisites', { key: randomId(), competency: '', level: '1' })}
          >
            {t('cat.addPrerequisite')}
          </Button>
        </Group>
        {save.isError ? <ProblemAlert error={save.error} {...(onReload ? { onReload } : {})} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {program ? t('cat.save') : t('cat.createProgram')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
