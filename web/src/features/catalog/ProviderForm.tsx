/** A provider: name, kind and contact. A change is sent with `If-Match`; a taken name is said beside the field. */
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrors } from '../../components/problem-text';
import { useI18n } from '../../i18n';
import { ApiProblem } from '../../lib/api/problem';
import { type Provider, useSaveProvider } from './queries';

const providerKinds = ['lan_bpsdm', 'university', 'private_trainer', 'internal'] as const;

export function ProviderForm({
  tenant,
  provider,
  onDone,
  onReload,
}: {
  tenant: string | undefined;
  provider?: Provider;
  onDone: () => void;
  onReload?: () => void;
}) {
  const { t } = useI18n();
  const save = useSaveProvider(tenant);
  const form = useForm({
    initialValues: { name: provider?.name ?? '', kind: provider?.kind ?? 'lan_bpsdm', contact: provider?.contact ?? '' },
    validate: { name: (v) => (v.trim() ? null : t('cat.required')) },
  });
  const submit = form.onSubmit((v) => {
    const body = { name: v.name.trim(), kind: v.kind, ...(v.contact.trim() ? { contact: v.contact.trim() } : {}) };
    const failed = (e: unknown) => {
      const errors = fieldErrors(e, t);
      if (e instanceof ApiProblem && e.status === 409) errors.name = t('cat.nameTaken');
      form.setErrors(errors);
    };
    save.mutate(provider ? { id: provider.id, version: provider.version, changes: body } : { create: body }, {
      onSuccess: onDone,
      onError: failed,
    });
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('cat.providerName')} {...form.getInputProps('name')} />
        <NativeSelect
          label={t('cat.providerKind')}
          data={providerKinds.map((k) => ({ value: k, label: t(`cat.kind.${k}`) }))}
          {...form.getInputProps('kind')}
        />
        <TextInput label={t('cat.contact')} {...form.getInputProps('contact')} />
        {save.isError ? <ProblemAlert error={save.error} {...(onReload ? { onReload } : {})} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('cat.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
