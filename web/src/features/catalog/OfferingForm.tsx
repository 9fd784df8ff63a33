/**
 * An offering (a cohort of a program): the program when new, start and end days, capacity, the
 * place or online, and the status. A change is sent with `If-Match`; more capacity promotes the
 * waitlist on the server (the queue screen shows who moved up).
 */
import { Button, Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { fieldErrors } from '../../components/problem-text';
import { useI18n } from '../../i18n';
import { type Offering, usePrograms, useSaveOffering } from './queries';

export const offeringStatuses = ['planned', 'open', 'running', 'completed', 'cancelled'] as const;
const day = /^\d{4}-\d{2}-\d{2}$/;

export function OfferingForm({
  tenant,
  offering,
  onDone,
  onReload,
}: {
  tenant: string | undefined;
  offering?: Offering;
  onDone: (saved: Offering) => void;
  onReload?: () => void;
}) {
  const { t } = useI18n();
  const save = useSaveOffering(tenant);
  const programs = usePrograms(tenant, { status: 'active' });
  const form = useForm({
    initialValues: {
      programId: offering?.programId ?? '',
      startDate: offering?.startDate ?? '',
      endDate: offering?.endDate ?? '',
      capacity: (offering?.capacity ?? 25) as number | string,
      location: offering?.location ?? '',
      online: offering?.online ?? false,
      status: offering?.status ?? 'open',
    },
    validate: {
      programId: (v) => (offering || v ? null : t('cat.required')),
      startDate: (v) => (day.test(v) ? null : t('cat.dayRule')),
      endDate: (v, all) => (!day.test(v) ? t('cat.dayRule') : v < all.startDate ? t('cat.endBeforeStart') : null),
      capacity: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? null : t('cat.positive')),
    },
  });
  const submit = form.onSubmit((v) => {
    const common = { startDate: v.startDate, endDate: v.endDate, capacity: Number(v.capacity), online: v.online, status: v.status };
    const failed = (e: unknown) => form.setErrors(fieldErrors(e, t));
    if (offering) {
      // The promise, not mutate's callbacks: the save's refresh of the offering re-keys this form
      // (its version), and callbacks of an unmounted form never run.
      save
        .mutateAsync({ id: offering.id, version: offering.version, changes: { ...common, location: v.location.trim() || null } })
        .then(onDone, failed);
    } else {
      save
        .mutateAsync({ create: { ...common, programId: v.programId, ...(v.location.trim() ? { location: v.location.trim() } : {}) } })
        .then(onDone, failed);
    }
  });
  const programOptions = [
    { value: '', label: t('cat.chooseProgram') },
    ...(programs.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.title}` })),
  ];
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {offering ? null : <NativeSelect label={t('cat.program')} data={programOptions} {...form.getInputProps('programId')} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('cat.startDate')} {...form.getInputProps('startDate')} />
          <TextInput type="date" label={t('cat.endDate')} {...form.getInputProps('endDate')} />
          <NumberInput label={t('cat.capacity')} min={1} allowDecimal={false} {...form.getInputProps('capacity')} />
          <NativeSelect
            label={t('cat.status')}
            data={offeringStatuses.map((s) => ({ value: s, label: t(`cat.offering.${s}`) }))}
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        <TextInput label={t('cat.location')} {...form.getInputProps('location')} />
        <Checkbox label={t('cat.online')} {...form.getInputProps('online', { type: 'checkbox' })} />
        {save.isError ? <ProblemAlert error={save.error} {...(onReload ? { onReload } : {})} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {offering ? t('cat.save') : t('cat.createOffering')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
